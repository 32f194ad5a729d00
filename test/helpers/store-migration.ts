/**
 * Signal-style migration checks: build a database at version N−1, insert rows shaped the way
 * version N−1 stored them, migrate to N and assert on the rows. Every migration needs one case.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { migrate, userVersion } from '../../main/store/migrations';

export interface MigrationCase {
  /** The version the step produces; the case starts at `version - 1`. */
  version: number;
  /** Insert old-shaped rows into the database at `version - 1` (raw SQL: the query modules follow the newest schema). */
  seed: (db: Database.Database) => void;
  /** Assert on the rows and schema after migrating to `version`. */
  check: (db: Database.Database) => void;
}

/** Opens a raw connection (foreign keys on, as openDatabase would) on a new file. Version 0 is an empty file. */
export function openRaw(file: string): Database.Database {
  if (!fs.existsSync(file)) fs.writeFileSync(file, '');
  const db = new Database(file);
  db.pragma('foreign_keys = ON');
  return db;
}

export function runMigrationCase(file: string, c: MigrationCase): void {
  const db = openRaw(file);
  try {
    migrate(db, c.version - 1);
    if (userVersion(db) !== c.version - 1) throw new Error(`fixture is not at version ${c.version - 1}`);
    c.seed(db);
    migrate(db, c.version);
    if (userVersion(db) !== c.version) throw new Error(`migration did not record version ${c.version}`);
    c.check(db);
  } finally {
    db.close();
  }
}

/** `sqlite_master` as text: one statement per entry, in a stable order, for the snapshot guard. */
export function schemaText(db: Database.Database): string {
  const rows = db
    .prepare("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type, name")
    .all() as { type: string; name: string; sql: string }[];
  return rows.map((r) => `-- ${r.type} ${r.name}\n${r.sql.trim()};\n`).join('\n');
}
