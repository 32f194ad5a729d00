/** The `assessments` table: one per agency, year and criteria set (UNIQUE). No transactions in here. */
import type Database from 'better-sqlite3';
import type { AssessmentStatus, AssessmentSummary } from '../../../shared/api/entities';
import { prepared } from '../statements';

export interface NewAssessment {
  agencyId: number;
  year: number;
  setHash: string;
  now: string;
}

interface AssessmentRecord {
  id: number;
  agency_id: number;
  year: number;
  set_hash: string;
  set_title: string;
  set_status: AssessmentSummary['setStatus'];
  status: AssessmentStatus;
  created_at: string;
  updated_at: string;
}

const SELECT_SUMMARY = `
SELECT a.id, a.agency_id, a.year, a.set_hash, s.title AS set_title, s.status AS set_status,
       a.status, a.created_at, a.updated_at
FROM assessments a JOIN criteria_sets s ON s.hash = a.set_hash`;

function toSummary(r: AssessmentRecord): AssessmentSummary {
  return {
    id: r.id,
    agencyId: r.agency_id,
    year: r.year,
    setHash: r.set_hash,
    setTitle: r.set_title,
    setStatus: r.set_status,
    status: r.status,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** The agency's assessments, newest year first. */
export function listAssessments(db: Database.Database, agencyId: number): AssessmentSummary[] {
  const sql = `${SELECT_SUMMARY} WHERE a.agency_id = ? ORDER BY a.year DESC, a.id DESC`;
  return (prepared(db, sql).all(agencyId) as AssessmentRecord[]).map(toSummary);
}

/** The ids of the assessments changed last, newest first (what an officer most likely opens next). */
export function recentAssessmentIds(db: Database.Database, limit: number): number[] {
  return prepared(db, 'SELECT id FROM assessments ORDER BY updated_at DESC, id DESC LIMIT ?').pluck().all(limit) as number[];
}

export function getAssessment(db: Database.Database, id: number): AssessmentSummary | undefined {
  const row = prepared(db, `${SELECT_SUMMARY} WHERE a.id = ?`).get(id) as AssessmentRecord | undefined;
  return row && toSummary(row);
}

/** Throws SQLITE_CONSTRAINT_UNIQUE for a second assessment of the same agency, year and set
 *  (see isUniqueViolation), SQLITE_CONSTRAINT_FOREIGNKEY for an unknown agency or set. */
export function insertAssessment(db: Database.Database, a: NewAssessment): AssessmentSummary {
  const info = prepared(
    db,
    `INSERT INTO assessments (agency_id, year, set_hash, status, created_at, updated_at)
     VALUES (?, ?, ?, 'draft', ?, ?)`,
  ).run(a.agencyId, a.year, a.setHash, a.now, a.now);
  const created = getAssessment(db, Number(info.lastInsertRowid));
  if (!created) throw new Error('insertAssessment: the new row cannot be read back');
  return created;
}

/** Sets updated_at; false when no assessment has this id. */
export function touchAssessment(db: Database.Database, id: number, now: string): boolean {
  return prepared(db, 'UPDATE assessments SET updated_at = ? WHERE id = ?').run(now, id).changes === 1;
}

/** Draft or final (locked); sets updated_at. False when no assessment has this id. */
export function setAssessmentStatus(db: Database.Database, id: number, status: AssessmentStatus, now: string): boolean {
  return prepared(db, 'UPDATE assessments SET status = ?, updated_at = ? WHERE id = ?').run(status, now, id).changes === 1;
}
