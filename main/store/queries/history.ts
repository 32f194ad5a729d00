/** The `history` table (migration 0006): append only — the triggers refuse UPDATE and DELETE.
 *  Written by main/history/record.ts inside the transaction of the change it describes. */
import type Database from 'better-sqlite3';
import type { HistoryEntry, HistoryFilter, HistoryKind } from '../../../shared/api/channels/history';
import { prepared } from '../statements';

export interface NewHistoryRow {
  assessmentId: number;
  at: string;
  officer: string;
  kind: HistoryKind;
  action: string;
  code: string | null;
  itemId: number | null;
  before: string | null;
  after: string | null;
  reason: string;
}

interface HistoryRecord {
  id: number;
  at: string;
  officer: string;
  kind: HistoryKind;
  action: string;
  code: string | null;
  item_id: number | null;
  before_json: string | null;
  after_json: string | null;
  reason: string;
}

const toEntry = (r: HistoryRecord): HistoryEntry => ({
  id: r.id,
  at: r.at,
  officer: r.officer,
  kind: r.kind,
  action: r.action,
  code: r.code,
  itemId: r.item_id,
  before: r.before_json,
  after: r.after_json,
  reason: r.reason,
});

export function insertHistoryRow(db: Database.Database, r: NewHistoryRow): number {
  const sql = `INSERT INTO history (assessment_id, at, officer, kind, action, code, item_id, before_json, after_json, reason)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
  return Number(prepared(db, sql).run(r.assessmentId, r.at, r.officer, r.kind, r.action, r.code, r.itemId, r.before, r.after, r.reason).lastInsertRowid);
}

/** WHERE clause and parameters of a filter (dates compare on the UTC day prefix of `at`). */
function where(assessmentId: number, f: HistoryFilter): { sql: string; params: (string | number)[] } {
  const parts = ['assessment_id = ?'];
  const params: (string | number)[] = [assessmentId];
  const add = (clause: string, value: string | number) => {
    parts.push(clause);
    params.push(value);
  };
  if (f.kind !== null) add('kind = ?', f.kind);
  if (f.code !== null) add('code = ?', f.code);
  if (f.from !== null) add('at >= ?', f.from);
  if (f.to !== null) add('at < ?', `${f.to}\u{10FFFF}`);
  return { sql: parts.join(' AND '), params };
}

/** Newest first, at most `limit`, older than `beforeId` when given (keyset paging on the index). */
export function historyPage(db: Database.Database, assessmentId: number, f: HistoryFilter, beforeId: number | null, limit: number): HistoryEntry[] {
  const w = where(assessmentId, f);
  const cursor = beforeId === null ? '' : ' AND id < ?';
  const sql = `SELECT id, at, officer, kind, action, code, item_id, before_json, after_json, reason FROM history
               WHERE ${w.sql}${cursor} ORDER BY id DESC LIMIT ?`;
  const params = beforeId === null ? [...w.params, limit] : [...w.params, beforeId, limit];
  return (prepared(db, sql).all(...params) as HistoryRecord[]).map(toEntry);
}

export function historyCount(db: Database.Database, assessmentId: number, f: HistoryFilter): number {
  const w = where(assessmentId, f);
  return (prepared(db, `SELECT count(*) AS n FROM history WHERE ${w.sql}`).get(...w.params) as { n: number }).n;
}

/** Oldest first, for the export and the package: iterated, never loaded as one array. */
export function* historyRowsInOrder(db: Database.Database, assessmentId: number, f: HistoryFilter): Generator<HistoryEntry> {
  const w = where(assessmentId, f);
  const sql = `SELECT id, at, officer, kind, action, code, item_id, before_json, after_json, reason FROM history WHERE ${w.sql} ORDER BY id`;
  for (const r of db.prepare(sql).iterate(...w.params) as IterableIterator<HistoryRecord>) yield toEntry(r);
}

/** The newest row that moved the assessment to each status (action = the new status). */
export function lastStatusChanges(db: Database.Database, assessmentId: number): { action: string; at: string; officer: string }[] {
  const sql = `SELECT action, at, officer FROM history WHERE id IN (
                 SELECT max(id) FROM history WHERE assessment_id = ? AND kind = 'status' GROUP BY action)`;
  return prepared(db, sql).all(assessmentId) as { action: string; at: string; officer: string }[];
}

/** The PAR officer named in the profile of the assessment's agency ('' when none is named). */
export function officerOf(db: Database.Database, assessmentId: number): string {
  const sql = 'SELECT g.officer_name AS name FROM assessments a JOIN agencies g ON g.id = a.agency_id WHERE a.id = ?';
  return (prepared(db, sql).get(assessmentId) as { name: string } | undefined)?.name ?? '';
}

/** The assessments that link an item (a change made outside any assessment is recorded in each). */
export function assessmentsLinking(db: Database.Database, itemId: number): number[] {
  return (prepared(db, 'SELECT DISTINCT assessment_id AS id FROM evidence_links WHERE item_id = ? ORDER BY id').all(itemId) as { id: number }[]).map((r) => r.id);
}
