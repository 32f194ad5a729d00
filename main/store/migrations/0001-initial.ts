/** 0001: agencies, immutable criteria sets, assessments and their answers.
 *  RELEASED MIGRATIONS ARE NEVER EDITED: change the schema with a new file (0002-…). */
import type Database from 'better-sqlite3';
import type { Migration } from './types';

const AGENCIES = `
CREATE TABLE agencies (
  id INTEGER PRIMARY KEY,
  superior_body TEXT NOT NULL DEFAULT '',
  name TEXT NOT NULL CHECK (length(name) > 0),
  abbreviation TEXT NOT NULL DEFAULT '',
  level TEXT NOT NULL CHECK (level IN ('department', 'commune')),
  place_name TEXT NOT NULL CHECK (length(place_name) > 0),
  signer_authority TEXT NOT NULL DEFAULT '',
  signer_title TEXT NOT NULL CHECK (length(signer_title) > 0),
  signer_name TEXT NOT NULL CHECK (length(signer_name) > 0),
  officer_name TEXT NOT NULL DEFAULT '',
  officer_contact TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT`;

const CRITERIA_SETS = `
CREATE TABLE criteria_sets (
  hash TEXT PRIMARY KEY CHECK (length(hash) = 64 AND hash NOT GLOB '*[^0-9a-f]*'),
  set_id TEXT NOT NULL CHECK (length(set_id) > 0),
  year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  title TEXT NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('department', 'commune')),
  status TEXT NOT NULL CHECK (status IN ('official', 'draft', 'sample')),
  issuer TEXT NOT NULL,
  leaf_count INTEGER NOT NULL CHECK (leaf_count >= 0),
  version INTEGER NOT NULL CHECK (version >= 1),
  canonical_json TEXT NOT NULL CHECK (json_valid(canonical_json)),
  imported_at TEXT NOT NULL,
  UNIQUE (set_id, year, version)
) STRICT`;

const CRITERIA_SETS_IMMUTABLE = `
CREATE TRIGGER criteria_sets_no_update BEFORE UPDATE ON criteria_sets
BEGIN
  SELECT RAISE(ABORT, 'criteria_sets rows are immutable: import a new version instead');
END`;

const CRITERIA_SETS_KEEP_USED = `
CREATE TRIGGER criteria_sets_no_delete_used BEFORE DELETE ON criteria_sets
WHEN EXISTS (SELECT 1 FROM assessments WHERE set_hash = OLD.hash)
BEGIN
  SELECT RAISE(ABORT, 'criteria set is used by an assessment and cannot be deleted');
END`;

const ASSESSMENTS = `
CREATE TABLE assessments (
  id INTEGER PRIMARY KEY,
  agency_id INTEGER NOT NULL REFERENCES agencies (id) ON DELETE RESTRICT,
  year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  set_hash TEXT NOT NULL REFERENCES criteria_sets (hash) ON DELETE RESTRICT,
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (agency_id, year, set_hash)
) STRICT`;

const ANSWERS = `
CREATE TABLE answers (
  assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
  code TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 20),
  input_json TEXT CHECK (input_json IS NULL OR (json_valid(input_json) AND json_type(input_json) = 'object')),
  not_applicable INTEGER NOT NULL DEFAULT 0 CHECK (not_applicable IN (0, 1)),
  explanation TEXT NOT NULL DEFAULT '',
  points_milli INTEGER,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (assessment_id, code)
) STRICT`;

/** For the FK check and the delete trigger; UNIQUE constraints already index the other lookups. */
const INDEXES = ['CREATE INDEX assessments_set_hash ON assessments (set_hash)'];

const migration: Migration = {
  version: 1,
  name: 'initial',
  up(db: Database.Database): void {
    for (const sql of [AGENCIES, CRITERIA_SETS, ASSESSMENTS, ANSWERS, CRITERIA_SETS_IMMUTABLE, CRITERIA_SETS_KEEP_USED, ...INDEXES]) {
      db.exec(sql);
    }
  },
};

export default migration;
