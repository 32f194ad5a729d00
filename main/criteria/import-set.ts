/**
 * Installing a criteria set: validate, canonicalise, identify by SHA-256, store immutably.
 * The same content twice is a no-op; a different set with the same id and year is refused
 * unless the user confirms it is a new version (then it gets the next version number).
 */
import type Database from 'better-sqlite3';
import type { CriteriaSetSummary } from '../../shared/api/entities';
import { AppFailure } from '../../shared/api/result';
import { vietnameseIssueMessage, vietnamesePath, wrongFileSentence } from '../../shared/domain/criteria-set-file-kind';
import type { CriteriaSet } from '../../shared/domain/criteria-set-schema';
import { leavesOf } from '../../shared/domain/criteria-tree';
import { validateCriteriaSetText } from '../../shared/domain/validate-criteria-set';
import { findSetsByIdYear, getCriteriaSetSummary, insertCriteriaSet } from './set-summary';
import { hashCriteriaSet } from './hash-set';

export interface ImportSetRequest {
  text: string;
  fileName: string;
  confirmNewVersion: boolean;
}

export interface ImportSetOutcome {
  summary: CriteriaSetSummary;
  alreadyInstalled: boolean;
}

export function parseCriteriaSetOrFail(text: string, fileName: string): CriteriaSet {
  const checked = validateCriteriaSetText(text);
  if (!checked.ok) {
    // First, in one sentence, what the file is and what was expected; then each problem, its place
    // named in Vietnamese words (no English field names).
    const issues = checked.issues.map((i) => ({ path: vietnamesePath(i.path), message: vietnameseIssueMessage(i.message) }));
    throw new AppFailure('INVALID_CRITERIA_SET', `“${fileName}”: ${wrongFileSentence(text, issues.length)}`, { path: issues[0]?.path, issues });
  }
  return checked.set;
}

export function importCriteriaSet(db: Database.Database, req: ImportSetRequest, now: string): ImportSetOutcome {
  return installCriteriaSet(db, parseCriteriaSetOrFail(req.text, req.fileName), req.confirmNewVersion, now);
}

/** Stores a set that already passed validation (whatever file it came from). */
export function installCriteriaSet(db: Database.Database, set: CriteriaSet, confirmNewVersion: boolean, now: string): ImportSetOutcome {
  const { hash, canonical } = hashCriteriaSet(set);
  return db.transaction((): ImportSetOutcome => {
    const existing = getCriteriaSetSummary(db, hash);
    if (existing) return { summary: existing, alreadyInstalled: true };
    const sameIdYear = findSetsByIdYear(db, set.id, set.year);
    if (sameIdYear.length > 0 && !confirmNewVersion) {
      throw new AppFailure(
        'NEEDS_CONFIRMATION',
        `Đã có bộ chỉ số "${set.id}" năm ${set.year} với nội dung khác. Xác nhận nếu đây là phiên bản mới.`,
      );
    }
    const version = sameIdYear.reduce((max, s) => Math.max(max, s.version), 0) + 1;
    insertCriteriaSet(db, {
      hash,
      id: set.id,
      year: set.year,
      title: set.title,
      level: set.level,
      status: set.status,
      issuer: set.issuer,
      leafCount: leavesOf(set).length,
      version,
      canonicalJson: canonical,
      importedAt: now,
    });
    return { summary: getCriteriaSetSummary(db, hash)!, alreadyInstalled: false };
  })();
}
