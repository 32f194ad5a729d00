/** The `submissions` and `published_results` tables (migration 0006). A submission names two blobs
 *  (the signed report and the package that was sent); garbage collection never takes them. */
import type Database from 'better-sqlite3';
import type { SubmissionView } from '../../../shared/api/channels/history';
import { prepared } from '../statements';

export interface NewSubmission {
  assessmentId: number;
  sentOn: string;
  docNumber: string;
  docDate: string;
  signed: { hash: string; name: string; mediaType: string; size: number };
  pkg: { hash: string; name: string; size: number };
  officer: string;
  at: string;
}

export interface SubmissionRow extends SubmissionView {
  signedHash: string;
  signedMediaType: string;
  packageHash: string;
}

export function insertSubmission(db: Database.Database, s: NewSubmission): number {
  const sql = `INSERT INTO submissions (assessment_id, sent_on, doc_number, doc_date, signed_hash, signed_name, signed_media_type, signed_size,
                 package_hash, package_name, package_size, officer, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
  const info = prepared(db, sql).run(s.assessmentId, s.sentOn, s.docNumber, s.docDate, s.signed.hash, s.signed.name, s.signed.mediaType, s.signed.size, s.pkg.hash, s.pkg.name, s.pkg.size, s.officer, s.at);
  return Number(info.lastInsertRowid);
}

/** The newest submission of the assessment. */
export function latestSubmission(db: Database.Database, assessmentId: number): SubmissionRow | undefined {
  const sql = `SELECT id, sent_on AS sentOn, doc_number AS docNumber, doc_date AS docDate, signed_hash AS signedHash, signed_name AS signedName,
                 signed_media_type AS signedMediaType, signed_size AS signedSize, package_hash AS packageHash, package_name AS packageName,
                 package_size AS packageSize, officer, submitted_at AS submittedAt
               FROM submissions WHERE assessment_id = ? ORDER BY id DESC LIMIT 1`;
  return prepared(db, sql).get(assessmentId) as SubmissionRow | undefined;
}

export interface PublishedRow {
  finalScoreMilli: number;
  indexMilli: number;
  className: string;
  rank: number;
  rankOf: number | null;
  publishedOn: string | null;
  enteredAt: string;
}

export function upsertPublishedResult(db: Database.Database, assessmentId: number, r: PublishedRow): void {
  const sql = `INSERT INTO published_results (assessment_id, final_score_milli, index_milli, class_name, rank, rank_of, published_on, entered_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (assessment_id) DO UPDATE SET final_score_milli = excluded.final_score_milli,
               index_milli = excluded.index_milli, class_name = excluded.class_name, rank = excluded.rank, rank_of = excluded.rank_of,
               published_on = excluded.published_on, entered_at = excluded.entered_at`;
  prepared(db, sql).run(assessmentId, r.finalScoreMilli, r.indexMilli, r.className, r.rank, r.rankOf, r.publishedOn, r.enteredAt);
}

export function getPublishedResult(db: Database.Database, assessmentId: number): PublishedRow | undefined {
  const sql = `SELECT final_score_milli AS finalScoreMilli, index_milli AS indexMilli, class_name AS className, rank, rank_of AS rankOf,
                 published_on AS publishedOn, entered_at AS enteredAt FROM published_results WHERE assessment_id = ?`;
  return prepared(db, sql).get(assessmentId) as PublishedRow | undefined;
}

/** A blob a submission is to name: its row exists and is not waiting for collection. */
export function claimBlob(db: Database.Database, hash: string, size: number, now: string): void {
  prepared(db, 'INSERT INTO blobs (hash, size, created_at) VALUES (?, ?, ?) ON CONFLICT (hash) DO NOTHING').run(hash, size, now);
  prepared(db, 'UPDATE blobs SET unreferenced_since = NULL WHERE hash = ?').run(hash);
}
