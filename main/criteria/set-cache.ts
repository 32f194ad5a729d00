/**
 * Parsed criteria sets by hash. Sets are immutable and identified by their content hash, so a
 * cached parse can never be stale; the cache only saves re-parsing the JSON on every answer save.
 */
import type Database from 'better-sqlite3';
import { AppFailure } from '../../shared/api/result';
import type { CriteriaSet } from '../../shared/domain/criteria-set-schema';
import { criteriaSetSchema } from '../../shared/domain/criteria-set-schema';
import { getCriteriaSetRow } from '../store/queries/criteria-sets';

const MAX_ENTRIES = 16;
const cache = new Map<string, CriteriaSet>();

export function loadCriteriaSet(db: Database.Database, hash: string): CriteriaSet {
  const hit = cache.get(hash);
  if (hit) return hit;
  const row = getCriteriaSetRow(db, hash);
  if (!row) throw new AppFailure('NOT_FOUND', 'Không tìm thấy bộ chỉ số.');
  const set = criteriaSetSchema.parse(JSON.parse(row.canonicalJson));
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  cache.set(hash, set);
  return set;
}
