/** 0007: drafts of criteria sets ("Soạn bộ chỉ số"). A draft is the editor's working copy, saved at
 *  every change as one JSON body (shared/domain/criteria-draft); installing it creates an ordinary,
 *  immutable row of `criteria_sets` and leaves the draft as it is.
 *  RELEASED MIGRATIONS ARE NEVER EDITED. */
import type Database from 'better-sqlite3';
import type { Migration } from './types';

const DRAFTS = `
CREATE TABLE criteria_drafts (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL CHECK (length(title) <= 500),
  body_json TEXT NOT NULL CHECK (json_valid(body_json)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT`;

function up(db: Database.Database): void {
  db.exec(DRAFTS);
}

const migration: Migration = { version: 7, name: 'criteria-drafts', up };
export default migration;
