/** 0006: the assessment's life after the lock, and its history.
 *  - `assessments.status` also takes 'submitted', 'appraised' and 'closed' ('final' keeps meaning
 *    locked, so existing rows and packages keep their meaning): the table is rebuilt, since SQLite
 *    cannot change a CHECK in place (foreign keys off around the step, see types.ts).
 *  - every change is a row of `history`; the submission (date sent, signed report,
 *    the package that was sent) in `submissions`; the published result in `published_results`.
 *  - `history` rows are never changed or deleted: triggers refuse it.
 *  RELEASED MIGRATIONS ARE NEVER EDITED. */
import type Database from 'better-sqlite3';
import type { Migration } from './types';

const KEEP_USED_SET = `
CREATE TRIGGER criteria_sets_no_delete_used BEFORE DELETE ON criteria_sets
WHEN EXISTS (SELECT 1 FROM assessments WHERE set_hash = OLD.hash)
BEGIN
  SELECT RAISE(ABORT, 'criteria set is used by an assessment and cannot be deleted');
END`;

const ASSESSMENTS = `
CREATE TABLE assessments_v6 (
  id INTEGER PRIMARY KEY,
  agency_id INTEGER NOT NULL REFERENCES agencies (id) ON DELETE RESTRICT,
  year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  set_hash TEXT NOT NULL REFERENCES criteria_sets (hash) ON DELETE RESTRICT,
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final', 'submitted', 'appraised', 'closed')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (agency_id, year, set_hash)
) STRICT`;

const REBUILD = [
  'DROP TRIGGER criteria_sets_no_delete_used',
  ASSESSMENTS,
  'INSERT INTO assessments_v6 (id, agency_id, year, set_hash, status, created_at, updated_at) SELECT id, agency_id, year, set_hash, status, created_at, updated_at FROM assessments',
  'DROP TABLE assessments',
  'ALTER TABLE assessments_v6 RENAME TO assessments',
  'CREATE INDEX assessments_set_hash ON assessments (set_hash)',
  KEEP_USED_SET,
];

/** One row per recorded change. `before_json`/`after_json` are compact JSON of what changed (see
 *  main/history/); `officer` is the profile's officer name at the time; `reason` is required for
 *  going back (unlock, reopen) and empty otherwise. */
const HISTORY = `
CREATE TABLE history (
  id INTEGER PRIMARY KEY,
  assessment_id INTEGER NOT NULL REFERENCES assessments (id),
  at TEXT NOT NULL,
  officer TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('answer', 'evidence', 'file', 'link', 'report', 'status', 'import')),
  action TEXT NOT NULL CHECK (length(action) BETWEEN 1 AND 40),
  code TEXT NULL,
  item_id INTEGER NULL,
  before_json TEXT NULL CHECK (before_json IS NULL OR json_valid(before_json)),
  after_json TEXT NULL CHECK (after_json IS NULL OR json_valid(after_json)),
  reason TEXT NOT NULL DEFAULT ''
) STRICT`;

const HISTORY_FROZEN = [
  `CREATE TRIGGER history_no_update BEFORE UPDATE ON history
   BEGIN SELECT RAISE(ABORT, 'history rows are never changed'); END`,
  `CREATE TRIGGER history_no_delete BEFORE DELETE ON history
   BEGIN SELECT RAISE(ABORT, 'history rows are never deleted'); END`,
];

/** A sending of the report: the signed file and the package are blobs (never collected while a row names them). */
const SUBMISSIONS = `
CREATE TABLE submissions (
  id INTEGER PRIMARY KEY,
  assessment_id INTEGER NOT NULL REFERENCES assessments (id),
  sent_on TEXT NOT NULL CHECK (sent_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  doc_number TEXT NOT NULL CHECK (length(doc_number) > 0),
  doc_date TEXT NOT NULL CHECK (doc_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  signed_hash TEXT NOT NULL REFERENCES blobs (hash),
  signed_name TEXT NOT NULL CHECK (length(signed_name) > 0),
  signed_media_type TEXT NOT NULL,
  signed_size INTEGER NOT NULL CHECK (signed_size > 0),
  package_hash TEXT NOT NULL REFERENCES blobs (hash),
  package_name TEXT NOT NULL CHECK (length(package_name) > 0),
  package_size INTEGER NOT NULL CHECK (package_size > 0),
  officer TEXT NOT NULL,
  submitted_at TEXT NOT NULL
) STRICT`;

const SUBMISSIONS_KEPT = `CREATE TRIGGER submissions_no_delete BEFORE DELETE ON submissions
   BEGIN SELECT RAISE(ABORT, 'submissions are never deleted'); END`;

/** The published result, as the officer enters it (or a later import gives it); one per assessment. */
const PUBLISHED_RESULTS = `
CREATE TABLE published_results (
  assessment_id INTEGER PRIMARY KEY REFERENCES assessments (id),
  final_score_milli INTEGER NOT NULL CHECK (final_score_milli >= 0),
  index_milli INTEGER NOT NULL CHECK (index_milli BETWEEN 0 AND 100000),
  class_name TEXT NOT NULL CHECK (length(class_name) BETWEEN 1 AND 100),
  rank INTEGER NOT NULL CHECK (rank >= 1),
  rank_of INTEGER NULL CHECK (rank_of IS NULL OR rank_of >= rank),
  published_on TEXT NULL CHECK (published_on IS NULL OR published_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  entered_at TEXT NOT NULL
) STRICT`;

const INDEXES = [
  'CREATE INDEX history_assessment ON history (assessment_id, id)',
  'CREATE INDEX history_criterion ON history (assessment_id, code, id) WHERE code IS NOT NULL',
  'CREATE INDEX submissions_assessment ON submissions (assessment_id, id)',
  'CREATE INDEX submissions_signed ON submissions (signed_hash)',
  'CREATE INDEX submissions_package ON submissions (package_hash)',
];

function up(db: Database.Database): void {
  for (const sql of [...REBUILD, HISTORY, ...HISTORY_FROZEN, SUBMISSIONS, SUBMISSIONS_KEPT, PUBLISHED_RESULTS, ...INDEXES]) db.exec(sql);
}

const migration: Migration = { version: 6, name: 'lifecycle-and-history', foreignKeysOff: true, up };
export default migration;
