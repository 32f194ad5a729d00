/** The `next_year_origins` and `next_year_suggestions` tables (migration 0007). No transactions in here. */
import type Database from 'better-sqlite3';
import { prepared } from '../statements';

export type SuggestionState = 'open' | 'accepted' | 'dismissed';

export interface SuggestionRow {
  id: number;
  assessmentId: number;
  code: string;
  sourceCode: string;
  kind: 'explanation' | 'link';
  explanation: string | null;
  itemId: number | null;
  state: SuggestionState;
}

export type NewSuggestion = Omit<SuggestionRow, 'id' | 'state'>;

const COLUMNS = 'id, assessment_id AS assessmentId, code, source_code AS sourceCode, kind, explanation, item_id AS itemId, state';

export function insertSuggestion(db: Database.Database, s: NewSuggestion): void {
  prepared(db, 'INSERT INTO next_year_suggestions (assessment_id, code, source_code, kind, explanation, item_id) VALUES (?, ?, ?, ?, ?, ?)').run(
    s.assessmentId,
    s.code,
    s.sourceCode,
    s.kind,
    s.explanation,
    s.itemId,
  );
}

/** The open suggestions of an assessment, by code then id. */
export function listOpenSuggestions(db: Database.Database, assessmentId: number): SuggestionRow[] {
  return prepared(db, `SELECT ${COLUMNS} FROM next_year_suggestions WHERE assessment_id = ? AND state = 'open' ORDER BY code, id`).all(assessmentId) as SuggestionRow[];
}

export function getSuggestion(db: Database.Database, id: number): SuggestionRow | undefined {
  return prepared(db, `SELECT ${COLUMNS} FROM next_year_suggestions WHERE id = ?`).get(id) as SuggestionRow | undefined;
}

/** Open → accepted or dismissed; false when it was not open. */
export function decideSuggestion(db: Database.Database, id: number, state: Exclude<SuggestionState, 'open'>, now: string): boolean {
  return prepared(db, "UPDATE next_year_suggestions SET state = ?, decided_at = ? WHERE id = ? AND state = 'open'").run(state, now, id).changes === 1;
}

export function insertOrigin(db: Database.Database, assessmentId: number, sourceAssessmentId: number, corrections: Record<string, string | null>, now: string): void {
  prepared(db, 'INSERT INTO next_year_origins (assessment_id, source_assessment_id, corrections_json, created_at) VALUES (?, ?, ?, ?)').run(
    assessmentId,
    sourceAssessmentId,
    JSON.stringify(corrections),
    now,
  );
}

/** The officer's corrections per (source assessment → new assessment) pair of the agency. */
export function originsOfAgency(db: Database.Database, agencyId: number): { assessmentId: number; sourceAssessmentId: number; corrections: Record<string, string | null> }[] {
  const sql = `SELECT o.assessment_id AS assessmentId, o.source_assessment_id AS sourceAssessmentId, o.corrections_json AS json
               FROM next_year_origins o JOIN assessments a ON a.id = o.assessment_id WHERE a.agency_id = ?`;
  return (prepared(db, sql).all(agencyId) as { assessmentId: number; sourceAssessmentId: number; json: string }[]).map((r) => ({
    assessmentId: r.assessmentId,
    sourceAssessmentId: r.sourceAssessmentId,
    corrections: JSON.parse(r.json) as Record<string, string | null>,
  }));
}

/** Evidence items linked per leaf code of an assessment, in link order. */
export function linkedItemsByCode(db: Database.Database, assessmentId: number): Map<string, number[]> {
  const rows = prepared(db, 'SELECT code, item_id AS itemId FROM evidence_links WHERE assessment_id = ? ORDER BY code, linked_at, item_id').all(assessmentId) as { code: string; itemId: number }[];
  const byCode = new Map<string, number[]>();
  for (const { code, itemId } of rows) byCode.set(code, [...(byCode.get(code) ?? []), itemId]);
  return byCode;
}

/** The assessment this one was created from, when it was created by "Tạo kỳ đánh giá năm sau". */
export function originOf(db: Database.Database, assessmentId: number): number | undefined {
  return prepared(db, 'SELECT source_assessment_id FROM next_year_origins WHERE assessment_id = ?').pluck().get(assessmentId) as number | undefined;
}
