/** Differences between two installed criteria sets (the pure comparison is shared/domain/criteria-diff.ts). */
import type Database from 'better-sqlite3';
import { AppFailure } from '../../shared/api/result';
import { diffCriteriaSets, type CodeMapping, type CriteriaDiff } from '../../shared/domain/criteria-diff';
import { loadCriteriaSet } from './set-cache';
import { getCriteriaSetSummary } from './set-summary';

export function diffInstalledSets(db: Database.Database, req: { fromHash: string; toHash: string; mapping: CodeMapping }): CriteriaDiff {
  for (const hash of [req.fromHash, req.toHash]) {
    if (!getCriteriaSetSummary(db, hash)) throw new AppFailure('NOT_FOUND', 'Không tìm thấy bộ chỉ số.');
  }
  return diffCriteriaSets(loadCriteriaSet(db, req.fromHash), loadCriteriaSet(db, req.toHash), req.mapping);
}
