import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/api/result';
import { checkIntegrity, databasePath, DB_FILE_NAME, openDatabase } from '../../../main/store/open';
import { LATEST_VERSION, userVersion } from '../../../main/store/migrations';
import { makeTempDir, sha256File, type TempDir } from '../../helpers/store-temp';

let tmp: TempDir;
beforeEach(() => {
  tmp = makeTempDir();
});
afterEach(() => tmp.cleanup());

function writeFutureDatabase(file: string, journal: 'delete' | 'wal'): void {
  const raw = new Database(file);
  raw.pragma(`journal_mode = ${journal}`);
  raw.exec("CREATE TABLE future (x TEXT); INSERT INTO future VALUES ('dữ liệu từ tương lai')");
  raw.pragma('user_version = 99');
  raw.close();
}

function catchFailure(fn: () => unknown): AppFailure {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppFailure) return err;
    throw err;
  }
  throw new Error('expected an AppFailure');
}

describe('openDatabase', () => {
  it('creates the folder and applies WAL, synchronous=FULL, foreign keys and busy timeout', () => {
    const file = databasePath(path.join(tmp.dir, 'nested', 'data'));
    expect(path.basename(file)).toBe(DB_FILE_NAME);
    const db = openDatabase(file);
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
      expect(userVersion(db)).toBe(LATEST_VERSION);
    } finally {
      db.close();
    }
  });

  it('opens an empty (0-byte) file as version 0 and migrates it', () => {
    const file = tmp.file('empty.sqlite');
    fs.writeFileSync(file, '');
    const db = openDatabase(file);
    expect(userVersion(db)).toBe(LATEST_VERSION);
    db.close();
  });

  it('reopens an existing database without re-running migrations', () => {
    const file = tmp.file(DB_FILE_NAME);
    openDatabase(file).close();
    const db = openDatabase(file);
    expect(userVersion(db)).toBe(LATEST_VERSION);
    expect(checkIntegrity(db)).toEqual({ ok: true, problems: [] });
    db.close();
  });

  for (const journal of ['delete', 'wal'] as const) {
    it(`refuses a database from a newer app (${journal} journal) and leaves its bytes unchanged`, () => {
      const file = tmp.file(DB_FILE_NAME);
      writeFutureDatabase(file, journal);
      const before = sha256File(file);
      const failure = catchFailure(() => openDatabase(file));
      expect(failure.code).toBe('DATABASE_TOO_NEW');
      expect(failure.message).toContain('phiên bản dữ liệu 99');
      expect(failure.message).toContain('dữ liệu không bị thay đổi');
      expect(sha256File(file)).toBe(before);
      // A read-only look at a WAL database may leave empty side files; they hold no frames.
      if (fs.existsSync(`${file}-wal`)) expect(fs.statSync(`${file}-wal`).size).toBe(0);
      expect(catchFailure(() => openDatabase(file, { readonly: true })).code).toBe('DATABASE_TOO_NEW');
      expect(sha256File(file)).toBe(before);
    });
  }

  it('opens read-only without migrating and refuses a missing file', () => {
    const file = tmp.file(DB_FILE_NAME);
    expect(() => openDatabase(file, { readonly: true })).toThrow();
    expect(fs.existsSync(file)).toBe(false);
    openDatabase(file).close();
    const db = openDatabase(file, { readonly: true });
    expect(db.readonly).toBe(true);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() => db.exec("INSERT INTO agencies (name) VALUES ('x')")).toThrow();
    db.close();
  });
});

describe('checkIntegrity', () => {
  it('reports ok on a fresh database', () => {
    const db = openDatabase(tmp.file(DB_FILE_NAME));
    expect(checkIntegrity(db)).toEqual({ ok: true, problems: [] });
    db.close();
  });

  it('reports foreign-key violations that integrity_check alone does not see', () => {
    const db = openDatabase(tmp.file(DB_FILE_NAME));
    db.pragma('foreign_keys = OFF');
    db.exec("INSERT INTO answers (assessment_id, code, updated_at) VALUES (404, '1.1', 'now')");
    db.pragma('foreign_keys = ON');
    const report = checkIntegrity(db);
    expect(report.ok).toBe(false);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toContain('answers');
    db.close();
  });
});
