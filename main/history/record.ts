/**
 * Recording one change in the history (audit trail). `recordChange` must run INSIDE the
 * transaction of the change it describes: the row commits exactly when the change does (the crash
 * test in test/integration/history/ holds this). `before`/`after` are stored as compact JSON of the
 * fields that describe the change (null: there was nothing, or nothing is left); the officer is the
 * one named in the agency's profile at that moment.
 */
import type Database from 'better-sqlite3';
import type { HistoryKind } from '../../shared/api/channels/history';
import { insertHistoryRow, officerOf } from '../store/queries/history';

export interface ChangeRecord {
  assessmentId: number;
  kind: HistoryKind;
  /** What was done: 'save', 'create', 'edit', 'delete', 'add', 'remove', 'link', 'unlink', or the new status. */
  action: string;
  code?: string | null;
  itemId?: number | null;
  before?: unknown;
  after?: unknown;
  reason?: string;
}

const compact = (value: unknown): string | null => (value === undefined || value === null ? null : JSON.stringify(value));

/** Throws when called outside a transaction: a history row written on its own could outlive its change or miss it. */
export function recordChange(db: Database.Database, change: ChangeRecord, now: string): number {
  if (!db.inTransaction) throw new Error('recordChange must run inside the transaction of the change it records');
  return insertHistoryRow(db, {
    assessmentId: change.assessmentId,
    at: now,
    officer: officerOf(db, change.assessmentId),
    kind: change.kind,
    action: change.action,
    code: change.code ?? null,
    itemId: change.itemId ?? null,
    before: compact(change.before),
    after: compact(change.after),
    reason: change.reason ?? '',
  });
}

/** The same change recorded in several assessments (an evidence item changed from outside any one). */
export function recordInEach(db: Database.Database, assessmentIds: readonly number[], change: Omit<ChangeRecord, 'assessmentId'>, now: string): void {
  for (const assessmentId of assessmentIds) recordChange(db, { ...change, assessmentId }, now);
}

/** Identical before and after: nothing to record. */
export const sameJson = (a: unknown, b: unknown): boolean => compact(a) === compact(b);
