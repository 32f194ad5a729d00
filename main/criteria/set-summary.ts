/** Criteria-set lookups that return the summary only (never the JSON body) to callers. */
import type Database from 'better-sqlite3';
import type { CriteriaSetSummary } from '../../shared/api/entities';
import { getCriteriaSetRow } from '../store/queries/criteria-sets';

export { findSetsByIdYear, insertCriteriaSet } from '../store/queries/criteria-sets';

export function getCriteriaSetSummary(db: Database.Database, hash: string): CriteriaSetSummary | undefined {
  const row = getCriteriaSetRow(db, hash);
  if (!row) return undefined;
  const { canonicalJson: _json, ...summary } = row;
  return summary;
}
