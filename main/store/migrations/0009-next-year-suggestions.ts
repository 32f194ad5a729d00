/** 0007: next year from this year.
 *  - `next_year_origins`: the assessment a new one was created from, and the officer's corrections
 *    of the leaf mapping (old code → new code or null), so the year-over-year screen follows the
 *    criteria the way the officer decided.
 *  - `next_year_suggestions`: last year's explanations and evidence links offered per new leaf;
 *    the officer accepts (written through the normal save path, with history) or dismisses each.
 *  RELEASED MIGRATIONS ARE NEVER EDITED. */
import type Database from 'better-sqlite3';
import type { Migration } from './types';

const ORIGINS = `
CREATE TABLE next_year_origins (
  assessment_id INTEGER PRIMARY KEY REFERENCES assessments (id),
  source_assessment_id INTEGER NOT NULL REFERENCES assessments (id),
  corrections_json TEXT NOT NULL CHECK (json_valid(corrections_json) AND json_type(corrections_json) = 'object'),
  created_at TEXT NOT NULL,
  CHECK (source_assessment_id <> assessment_id)
) STRICT`;

const SUGGESTIONS = `
CREATE TABLE next_year_suggestions (
  id INTEGER PRIMARY KEY,
  assessment_id INTEGER NOT NULL REFERENCES assessments (id),
  code TEXT NOT NULL CHECK (length(code) > 0),
  source_code TEXT NOT NULL CHECK (length(source_code) > 0),
  kind TEXT NOT NULL CHECK (kind IN ('explanation', 'link')),
  explanation TEXT NULL,
  item_id INTEGER NULL REFERENCES evidence_items (id) ON DELETE CASCADE,
  state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'accepted', 'dismissed')),
  decided_at TEXT NULL,
  CHECK ((kind = 'explanation' AND explanation IS NOT NULL AND length(explanation) > 0 AND item_id IS NULL)
      OR (kind = 'link' AND item_id IS NOT NULL AND explanation IS NULL))
) STRICT`;

const INDEXES = [
  'CREATE INDEX next_year_origins_source ON next_year_origins (source_assessment_id)',
  'CREATE INDEX next_year_suggestions_assessment ON next_year_suggestions (assessment_id, code)',
  'CREATE INDEX next_year_suggestions_item ON next_year_suggestions (item_id) WHERE item_id IS NOT NULL',
];

function up(db: Database.Database): void {
  for (const sql of [ORIGINS, SUGGESTIONS, ...INDEXES]) db.exec(sql);
}

const migration: Migration = { version: 9, name: 'next-year-suggestions', up };
export default migration;
