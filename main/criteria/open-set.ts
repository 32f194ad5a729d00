/** One stored criteria set for the screens: its summary and its tree. */
import type Database from 'better-sqlite3';
import type { CriteriaSetSummary } from '../../shared/api/entities';
import { AppFailure } from '../../shared/api/result';
import type { CriteriaSet } from '../../shared/domain/criteria-set-schema';
import { loadCriteriaSet } from './set-cache';
import { getCriteriaSetSummary } from './set-summary';

export function openCriteriaSet(db: Database.Database, hash: string): { summary: CriteriaSetSummary; set: CriteriaSet } {
  const summary = getCriteriaSetSummary(db, hash);
  if (!summary) throw new AppFailure('NOT_FOUND', 'Không tìm thấy bộ chỉ số.');
  return { summary, set: loadCriteriaSet(db, hash) };
}
