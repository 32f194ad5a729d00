/** 0002: evidence (documents, their files as content-addressed blobs, links to criteria) and the
 *  per-assessment report settings. RELEASED MIGRATIONS ARE NEVER EDITED. */
import type Database from 'better-sqlite3';
import type { Migration } from './types';

/** One stored file content, named by its SHA-256 under <data>/evidence/blobs/. `unreferenced_since`
 *  is set (by trigger) when the last file row using it goes; garbage collection removes such blobs
 *  only after a later backup point, so the newest backup never points to a missing file. */
const BLOBS = `
CREATE TABLE blobs (
  hash TEXT PRIMARY KEY CHECK (length(hash) = 64 AND hash NOT GLOB '*[^0-9a-f]*'),
  size INTEGER NOT NULL CHECK (size > 0),
  created_at TEXT NOT NULL,
  unreferenced_since TEXT NULL
) STRICT`;

/** A document used as evidence ("tài liệu kiểm chứng"), owned by an agency so that later
 *  assessments of the same agency can reuse it. */
const EVIDENCE_ITEMS = `
CREATE TABLE evidence_items (
  id INTEGER PRIMARY KEY,
  agency_id INTEGER NOT NULL REFERENCES agencies (id),
  doc_number TEXT NOT NULL DEFAULT '',
  issued_on TEXT NULL CHECK (issued_on IS NULL OR issued_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  issuer TEXT NOT NULL DEFAULT '',
  doc_type TEXT NOT NULL CHECK (doc_type IN ('plan', 'report', 'decision', 'letter', 'notice', 'other')),
  summary TEXT NOT NULL DEFAULT '',
  -- number, summary, issuer and file names folded for search (lowercase, no diacritics, đ → d)
  search_text TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT`;

const EVIDENCE_FILES = `
CREATE TABLE evidence_files (
  id INTEGER PRIMARY KEY,
  item_id INTEGER NOT NULL REFERENCES evidence_items (id) ON DELETE CASCADE,
  blob_hash TEXT NOT NULL REFERENCES blobs (hash),
  display_name TEXT NOT NULL CHECK (length(display_name) > 0),
  media_type TEXT NOT NULL,
  size INTEGER NOT NULL CHECK (size > 0),
  added_at TEXT NOT NULL,
  UNIQUE (item_id, blob_hash)
) STRICT`;

const EVIDENCE_LINKS = `
CREATE TABLE evidence_links (
  assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
  code TEXT NOT NULL,
  item_id INTEGER NOT NULL REFERENCES evidence_items (id),
  linked_at TEXT NOT NULL,
  PRIMARY KEY (assessment_id, code, item_id)
) STRICT`;

const BLOB_REFERENCE_TRIGGERS = [
  `CREATE TRIGGER evidence_files_blob_used AFTER INSERT ON evidence_files
   BEGIN UPDATE blobs SET unreferenced_since = NULL WHERE hash = NEW.blob_hash; END`,
  `CREATE TRIGGER evidence_files_blob_released AFTER DELETE ON evidence_files
   WHEN NOT EXISTS (SELECT 1 FROM evidence_files WHERE blob_hash = OLD.blob_hash)
   BEGIN UPDATE blobs SET unreferenced_since = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE hash = OLD.blob_hash; END`,
];

/** Backup points: a verified copy of the database written under <data>/backups/. */
const BACKUPS = `
CREATE TABLE backups (
  id INTEGER PRIMARY KEY,
  file_name TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  size INTEGER NOT NULL CHECK (size > 0)
) STRICT`;

/** What the officer enters for the report of one assessment. */
const REPORT_SETTINGS = `
CREATE TABLE report_settings (
  assessment_id INTEGER PRIMARY KEY REFERENCES assessments (id) ON DELETE CASCADE,
  doc_number TEXT NOT NULL DEFAULT '',
  doc_symbol TEXT NOT NULL DEFAULT '',
  report_date TEXT NULL CHECK (report_date IS NULL OR report_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  difficulties TEXT NOT NULL DEFAULT '',
  recipients_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(recipients_json) AND json_type(recipients_json) = 'array'),
  updated_at TEXT NOT NULL
) STRICT`;

const INDEXES = [
  'CREATE INDEX evidence_items_agency ON evidence_items (agency_id)',
  'CREATE INDEX evidence_files_blob ON evidence_files (blob_hash)',
  'CREATE INDEX evidence_links_item ON evidence_links (item_id)',
  'CREATE INDEX blobs_unreferenced ON blobs (unreferenced_since) WHERE unreferenced_since IS NOT NULL',
];

function up(db: Database.Database): void {
  for (const sql of [BLOBS, EVIDENCE_ITEMS, EVIDENCE_FILES, EVIDENCE_LINKS, ...BLOB_REFERENCE_TRIGGERS, BACKUPS, REPORT_SETTINGS, ...INDEXES]) db.exec(sql);
}

const migration: Migration = { version: 2, name: 'evidence-and-report', up };
export default migration;
