/** `lich-su.json` in the submission package: every history row of the assessment, oldest first
 *  (format `par-history/v1`; `before`/`after` are the stored compact JSON texts). Read inside the
 *  package snapshot's transaction, so it matches the answers and evidence beside it. */
import type Database from 'better-sqlite3';
import { historyRowsInOrder } from '../store/queries/history';

export const HISTORY_FORMAT = 'par-history/v1';
const ALL = { kind: null, code: null, from: null, to: null } as const;

export function historyDocument(db: Database.Database, assessmentId: number): Buffer {
  const lines: string[] = [];
  for (const e of historyRowsInOrder(db, assessmentId, ALL)) lines.push(`    ${JSON.stringify(e)}`);
  const body = lines.length === 0 ? '[]' : `[\n${lines.join(',\n')}\n  ]`;
  return Buffer.from(`{\n  "format": "${HISTORY_FORMAT}",\n  "entries": ${body}\n}\n`, 'utf8');
}
