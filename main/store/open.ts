/**
 * Opening the one SQLite database: refuse a file from a newer app before writing a byte, then
 * WAL + synchronous=FULL + foreign keys + busy timeout (each read back), then migrate.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { LATEST_VERSION, migrate, tooNewFailure, userVersion } from './migrations';
import { openSqlite } from './native-binding';

export const DB_FILE_NAME = 'par.sqlite';
export const BUSY_TIMEOUT_MS = 5000;
/** `PRAGMA synchronous` reads back as a number: 2 = FULL. */
const SYNCHRONOUS_FULL = 2;

export interface OpenOptions {
  /** Open without writing: no WAL switch, no migration; the file must exist. For checks and reading copies. */
  readonly?: boolean;
}

export function databasePath(dataDir: string): string {
  return path.join(dataDir, DB_FILE_NAME);
}

function isNonEmptyFile(file: string): boolean {
  try {
    return fs.statSync(file).size > 0;
  } catch {
    return false;
  }
}

/** Read `user_version` through a read-only connection, so a refused file is left byte-for-byte as it was. */
function refuseIfTooNew(file: string): void {
  if (!isNonEmptyFile(file)) return;
  const probe = openSqlite(file, { readonly: true, fileMustExist: true });
  let version: number;
  try {
    version = userVersion(probe);
  } finally {
    probe.close();
  }
  if (version > LATEST_VERSION) throw tooNewFailure(version);
}

function expectPragma(db: Database.Database, name: string, expected: string | number): void {
  const actual: unknown = db.pragma(name, { simple: true });
  const same = typeof expected === 'string' ? String(actual).toLowerCase() === expected : actual === expected;
  if (!same) {
    throw new Error(`PRAGMA ${name} is ${String(actual)}, expected ${expected}; refusing to use the database.`);
  }
}

function configure(db: Database.Database, readonly: boolean): void {
  if (!readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    expectPragma(db, 'journal_mode', 'wal');
    expectPragma(db, 'synchronous', SYNCHRONOUS_FULL);
  }
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  expectPragma(db, 'foreign_keys', 1);
  expectPragma(db, 'busy_timeout', BUSY_TIMEOUT_MS);
}

/**
 * Open (creating the folder and file if needed) and migrate the database at `file`.
 * Throws `AppFailure('DATABASE_TOO_NEW')` for a database written by a newer app, without
 * modifying it. A read-only open does not migrate: the caller decides what an older file means.
 */
export function openDatabase(file: string, opts: OpenOptions = {}): Database.Database {
  const readonly = opts.readonly === true;
  if (!readonly) fs.mkdirSync(path.dirname(file), { recursive: true });
  refuseIfTooNew(file);
  const db = openSqlite(file, { readonly, fileMustExist: readonly, timeout: BUSY_TIMEOUT_MS });
  try {
    configure(db, readonly);
    if (!readonly) migrate(db);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

export interface IntegrityReport {
  ok: boolean;
  problems: string[];
}

interface ForeignKeyProblem {
  table: string;
  rowid: number | null;
  parent: string;
  fkid: number;
}

/** `integrity_check` does not look at foreign keys, so both checks run. */
export function checkIntegrity(db: Database.Database): IntegrityReport {
  const integrity = (db.pragma('integrity_check') as { integrity_check: string }[])
    .map((r) => r.integrity_check)
    .filter((msg) => msg !== 'ok');
  const foreign = (db.pragma('foreign_key_check') as ForeignKeyProblem[]).map(
    (r) => `foreign key: ${r.table} row ${r.rowid ?? '?'} refers to a missing ${r.parent} row (constraint ${r.fkid})`,
  );
  const problems = [...integrity, ...foreign];
  return { ok: problems.length === 0, problems };
}
