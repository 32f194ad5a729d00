/** The `answers` table: one row per assessment and leaf code. `points_milli` is a copy of the
 *  computed points for reports and queries; totals are always recomputed from the inputs. */
import type Database from 'better-sqlite3';
import { ruleInputSchema, type RuleInput } from '../../../shared/domain/answer';
import { prepared } from '../statements';

export interface AnswerRow {
  assessmentId: number;
  code: string;
  /** Null while the leaf is unanswered. */
  input: RuleInput | null;
  notApplicable: boolean;
  explanation: string;
  /** Points in thousandths, as last computed; null when not scored. */
  pointsMilli: number | null;
  updatedAt: string;
}

interface AnswerRecord {
  assessment_id: number;
  code: string;
  input_json: string | null;
  not_applicable: number;
  explanation: string;
  points_milli: number | null;
  updated_at: string;
}

const COLUMNS = 'assessment_id, code, input_json, not_applicable, explanation, points_milli, updated_at';

/** The stored JSON is checked against the input schema: a damaged row fails loudly, not later in scoring. */
function parseInput(r: AnswerRecord): RuleInput | null {
  if (r.input_json === null) return null;
  const parsed = ruleInputSchema.safeParse(JSON.parse(r.input_json));
  if (!parsed.success) {
    throw new Error(`answers row (${r.assessment_id}, ${r.code}) holds an input that does not fit the schema`);
  }
  return parsed.data;
}

function toAnswer(r: AnswerRecord): AnswerRow {
  return {
    assessmentId: r.assessment_id,
    code: r.code,
    input: parseInput(r),
    notApplicable: r.not_applicable === 1,
    explanation: r.explanation,
    pointsMilli: r.points_milli,
    updatedAt: r.updated_at,
  };
}

/** Ordered by code as text ("1.10" before "1.2"): order by the criteria tree where it matters. */
export function listAnswers(db: Database.Database, assessmentId: number): AnswerRow[] {
  const sql = `SELECT ${COLUMNS} FROM answers WHERE assessment_id = ? ORDER BY code`;
  return (prepared(db, sql).all(assessmentId) as AnswerRecord[]).map(toAnswer);
}

export function getAnswer(db: Database.Database, assessmentId: number, code: string): AnswerRow | undefined {
  const sql = `SELECT ${COLUMNS} FROM answers WHERE assessment_id = ? AND code = ?`;
  const row = prepared(db, sql).get(assessmentId, code) as AnswerRecord | undefined;
  return row && toAnswer(row);
}

/** Insert or replace the answer for (assessmentId, code). */
export function upsertAnswer(db: Database.Database, a: AnswerRow): void {
  if (a.pointsMilli !== null && !Number.isSafeInteger(a.pointsMilli)) {
    throw new Error(`upsertAnswer: pointsMilli must be an integer, got ${a.pointsMilli}`);
  }
  prepared(
    db,
    `INSERT INTO answers (${COLUMNS})
     VALUES (@assessmentId, @code, @inputJson, @notApplicable, @explanation, @pointsMilli, @updatedAt)
     ON CONFLICT (assessment_id, code) DO UPDATE SET
       input_json = excluded.input_json, not_applicable = excluded.not_applicable,
       explanation = excluded.explanation, points_milli = excluded.points_milli,
       updated_at = excluded.updated_at`,
  ).run({
    assessmentId: a.assessmentId,
    code: a.code,
    inputJson: a.input === null ? null : JSON.stringify(a.input),
    notApplicable: a.notApplicable ? 1 : 0,
    explanation: a.explanation,
    pointsMilli: a.pointsMilli,
    updatedAt: a.updatedAt,
  });
}
