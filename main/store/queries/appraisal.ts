/** The appraisal tables (migration 0007): rounds, appraised points, responses and their documents. */
import type Database from 'better-sqlite3';
import type { AppraisalRequestKind } from '../../../shared/domain/appraisal/appraisal-schema';
import type { AppraisedEntry } from '../../../shared/domain/appraisal/check-appraisal';
import { prepared } from '../statements';

export interface RoundRow {
  id: number;
  round: number;
  fileHash: string;
  fileName: string;
  appraisedOn: string | null;
  council: string;
  statedTotalsJson: string | null;
  publishedJson: string | null;
  importedAt: string;
}

export interface NewRound {
  assessmentId: number;
  round: number;
  fileHash: string;
  fileName: string;
  appraisedOn: string | null;
  council: string;
  statedTotalsJson: string | null;
  publishedJson: string | null;
  importedAt: string;
}

const ROUND_COLUMNS = `id, round, file_hash AS fileHash, file_name AS fileName, appraised_on AS appraisedOn, council,
  stated_totals_json AS statedTotalsJson, published_json AS publishedJson, imported_at AS importedAt`;

export function listRounds(db: Database.Database, assessmentId: number): RoundRow[] {
  return prepared(db, `SELECT ${ROUND_COLUMNS} FROM appraisal_rounds WHERE assessment_id = ? ORDER BY round`).all(assessmentId) as RoundRow[];
}

export function insertRound(db: Database.Database, r: NewRound, entries: readonly AppraisedEntry[]): number {
  const sql = `INSERT INTO appraisal_rounds (assessment_id, round, file_hash, file_name, appraised_on, council, stated_totals_json, published_json, imported_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`;
  const id = Number(prepared(db, sql).run(r.assessmentId, r.round, r.fileHash, r.fileName, r.appraisedOn, r.council, r.statedTotalsJson, r.publishedJson, r.importedAt).lastInsertRowid);
  const point = prepared(db, 'INSERT INTO appraisal_points (round_id, code, points_milli, input_json, comment, request, deadline, survey) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  for (const e of entries) point.run(id, e.code, e.pointsMilli, e.inputJson, e.comment, e.request, e.deadline, e.survey ? 1 : 0);
  return id;
}

export interface PointRow {
  round: number;
  code: string;
  pointsMilli: number | null;
  inputJson: string | null;
  comment: string;
  request: AppraisalRequestKind;
  deadline: string | null;
  survey: number;
}

/** Every appraised point of the assessment, oldest round first. */
export function listPoints(db: Database.Database, assessmentId: number): PointRow[] {
  const sql = `SELECT r.round, p.code, p.points_milli AS pointsMilli, p.input_json AS inputJson, p.comment, p.request, p.deadline, p.survey
               FROM appraisal_points p JOIN appraisal_rounds r ON r.id = p.round_id WHERE r.assessment_id = ? ORDER BY r.round, p.code`;
  return prepared(db, sql).all(assessmentId) as PointRow[];
}

export interface ResponseRow {
  id: number;
  round: number;
  code: string;
  explanation: string;
  updatedAt: string;
}

export function listResponses(db: Database.Database, assessmentId: number): ResponseRow[] {
  const sql = 'SELECT id, round, code, explanation, updated_at AS updatedAt FROM appraisal_responses WHERE assessment_id = ? ORDER BY round, code';
  return prepared(db, sql).all(assessmentId) as ResponseRow[];
}

export function getResponse(db: Database.Database, assessmentId: number, round: number, code: string): ResponseRow | undefined {
  const sql = 'SELECT id, round, code, explanation, updated_at AS updatedAt FROM appraisal_responses WHERE assessment_id = ? AND round = ? AND code = ?';
  return prepared(db, sql).get(assessmentId, round, code) as ResponseRow | undefined;
}

/** Creates the response row if needed and sets its explanation; returns its id. */
export function upsertResponse(db: Database.Database, assessmentId: number, round: number, code: string, explanation: string, now: string): number {
  const sql = `INSERT INTO appraisal_responses (assessment_id, round, code, explanation, updated_at) VALUES (?, ?, ?, ?, ?)
               ON CONFLICT (assessment_id, round, code) DO UPDATE SET explanation = excluded.explanation, updated_at = excluded.updated_at`;
  prepared(db, sql).run(assessmentId, round, code, explanation, now);
  return getResponse(db, assessmentId, round, code)!.id;
}

export interface ResponseDocumentRow {
  responseId: number;
  itemId: number;
  added: number;
}

export function listResponseDocuments(db: Database.Database, assessmentId: number): ResponseDocumentRow[] {
  const sql = `SELECT d.response_id AS responseId, d.item_id AS itemId, d.added FROM appraisal_response_documents d
               JOIN appraisal_responses r ON r.id = d.response_id WHERE r.assessment_id = ? ORDER BY d.linked_at, d.item_id`;
  return prepared(db, sql).all(assessmentId) as ResponseDocumentRow[];
}

export function addResponseDocument(db: Database.Database, responseId: number, itemId: number, added: boolean, now: string): boolean {
  const sql = 'INSERT OR IGNORE INTO appraisal_response_documents (response_id, item_id, added, linked_at) VALUES (?, ?, ?, ?)';
  return prepared(db, sql).run(responseId, itemId, added ? 1 : 0, now).changes > 0;
}

export function removeResponseDocument(db: Database.Database, responseId: number, itemId: number): boolean {
  return prepared(db, 'DELETE FROM appraisal_response_documents WHERE response_id = ? AND item_id = ?').run(responseId, itemId).changes > 0;
}

/** The assessment (submitted or later) whose answer added this document, if any: files may be added
 *  to it while the assessment is read only, since it backs no self score. */
export function assessmentsAddingDocument(db: Database.Database, itemId: number): number[] {
  const sql = `SELECT DISTINCT r.assessment_id AS id FROM appraisal_response_documents d JOIN appraisal_responses r ON r.id = d.response_id
               WHERE d.item_id = ? AND d.added = 1`;
  return (prepared(db, sql).all(itemId) as { id: number }[]).map((r) => r.id);
}

/** Removes the assessment's whole appraisal (an import that replaces the assessment's content). */
export function deleteAppraisalOf(db: Database.Database, assessmentId: number): void {
  prepared(db, 'DELETE FROM appraisal_response_documents WHERE response_id IN (SELECT id FROM appraisal_responses WHERE assessment_id = ?)').run(assessmentId);
  prepared(db, 'DELETE FROM appraisal_responses WHERE assessment_id = ?').run(assessmentId);
  prepared(db, 'DELETE FROM appraisal_points WHERE round_id IN (SELECT id FROM appraisal_rounds WHERE assessment_id = ?)').run(assessmentId);
  prepared(db, 'DELETE FROM appraisal_rounds WHERE assessment_id = ?').run(assessmentId);
}
