/** The published result carried by a full package (assessment.json `published`): read for the
 *  export, compared with the store by content (not by when it was entered) and written by the
 *  import inside its one transaction, so a closed assessment arrives closed WITH its rank and class. */
import type Database from 'better-sqlite3';
import { canonicalJson } from '../../shared/domain/canonical-json';
import { fromMilli, toMilli } from '../../shared/domain/points';
import { getPublishedResult, upsertPublishedResult } from '../store/queries/submissions';
import type { AssessmentDoc, PackagePublished } from './package-schema';

export function readPublishedPart(db: Database.Database, assessmentId: number): PackagePublished | null {
  const p = getPublishedResult(db, assessmentId);
  if (!p) return null;
  return { finalScore: fromMilli(p.finalScoreMilli), indexPercent: fromMilli(p.indexMilli), className: p.className, rank: p.rank, rankOf: p.rankOf, publishedOn: p.publishedOn, enteredAt: p.enteredAt };
}

/** What the result says, without when it was typed in. */
function publishedText(p: PackagePublished): string {
  const { enteredAt: _enteredAt, ...said } = p;
  return canonicalJson(said);
}

export function localPublishedText(db: Database.Database, assessmentId: number): string | null {
  const p = readPublishedPart(db, assessmentId);
  return p ? publishedText(p) : null;
}

export function packagePublishedText(doc: AssessmentDoc): string | null {
  return doc.published ? publishedText(doc.published) : null;
}

export function writePublishedPart(db: Database.Database, assessmentId: number, p: PackagePublished): void {
  upsertPublishedResult(db, assessmentId, {
    finalScoreMilli: toMilli(p.finalScore),
    indexMilli: toMilli(p.indexPercent),
    className: p.className,
    rank: p.rank,
    rankOf: p.rankOf,
    publishedOn: p.publishedOn,
    enteredAt: p.enteredAt,
  });
}
