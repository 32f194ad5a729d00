/** 0007: the appraisal and the officer's answers to it.
 *  - `appraisal_rounds`: one imported appraisal file per round (the file's SHA-256 makes a second
 *    import of the same file a no-op), with what the council stated (totals, published rank).
 *  - `appraisal_points`: per round and criterion the appraised points (null: self score kept), the
 *    rule input the council used, its comment, its request and deadline. Self scores stay in `answers`.
 *  - `appraisal_responses` and `appraisal_response_documents`: the explanation written for a
 *    request and the documents linked or added with it.
 *  RELEASED MIGRATIONS ARE NEVER EDITED. */
import type Database from 'better-sqlite3';
import type { Migration } from './types';

const DATE = (column: string) => `${column} IS NULL OR ${column} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'`;

const ROUNDS = `
CREATE TABLE appraisal_rounds (
  id INTEGER PRIMARY KEY,
  assessment_id INTEGER NOT NULL REFERENCES assessments (id),
  round INTEGER NOT NULL CHECK (round BETWEEN 1 AND 20),
  file_hash TEXT NOT NULL CHECK (length(file_hash) = 64 AND file_hash NOT GLOB '*[^0-9a-f]*'),
  file_name TEXT NOT NULL,
  appraised_on TEXT NULL CHECK (${DATE('appraised_on')}),
  council TEXT NOT NULL DEFAULT '',
  stated_totals_json TEXT NULL CHECK (stated_totals_json IS NULL OR json_valid(stated_totals_json)),
  published_json TEXT NULL CHECK (published_json IS NULL OR json_valid(published_json)),
  imported_at TEXT NOT NULL,
  UNIQUE (assessment_id, round)
) STRICT`;

const POINTS = `
CREATE TABLE appraisal_points (
  round_id INTEGER NOT NULL REFERENCES appraisal_rounds (id),
  code TEXT NOT NULL,
  points_milli INTEGER NULL,
  input_json TEXT NULL CHECK (input_json IS NULL OR json_valid(input_json)),
  comment TEXT NOT NULL DEFAULT '',
  request TEXT NOT NULL CHECK (request IN ('none', 'explain', 'add-evidence')),
  deadline TEXT NULL CHECK (${DATE('deadline')}),
  survey INTEGER NOT NULL CHECK (survey IN (0, 1)),
  PRIMARY KEY (round_id, code)
) STRICT`;

const RESPONSES = `
CREATE TABLE appraisal_responses (
  id INTEGER PRIMARY KEY,
  assessment_id INTEGER NOT NULL REFERENCES assessments (id),
  round INTEGER NOT NULL,
  code TEXT NOT NULL,
  explanation TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL,
  UNIQUE (assessment_id, round, code)
) STRICT`;

/** `added` = 1: the document was added as part of the answer (it backs no criterion of the year). */
const RESPONSE_DOCUMENTS = `
CREATE TABLE appraisal_response_documents (
  response_id INTEGER NOT NULL REFERENCES appraisal_responses (id),
  item_id INTEGER NOT NULL REFERENCES evidence_items (id) ON DELETE CASCADE,
  added INTEGER NOT NULL CHECK (added IN (0, 1)),
  linked_at TEXT NOT NULL,
  PRIMARY KEY (response_id, item_id)
) STRICT`;

const INDEXES = ['CREATE INDEX appraisal_response_documents_item ON appraisal_response_documents (item_id)'];

function up(db: Database.Database): void {
  for (const sql of [ROUNDS, POINTS, RESPONSES, RESPONSE_DOCUMENTS, ...INDEXES]) db.exec(sql);
}

const migration: Migration = { version: 8, name: 'appraisal', up };
export default migration;
