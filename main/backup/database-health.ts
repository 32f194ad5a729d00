/**
 * Is this file a database the app can run on? Checked at start-up before the database is opened
 * for writing, and on every backup before it is offered for restore. Read-only: a file is never
 * changed by being checked.
 */
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { openSqlite } from '../store/native-binding';
import { LATEST_VERSION, userVersion } from '../store/migrations';
import { sqliteCode } from '../store/statements';

export type DatabaseProblem = 'missing' | 'empty' | 'not-a-database' | 'damaged' | 'too-new';

export type DatabaseHealth = { ok: true; version: number } | { ok: false; problem: DatabaseProblem; detail: string };

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
/** Below this size the full integrity_check runs (a few hundred ms at most); above, quick_check. */
const FULL_CHECK_MAX_BYTES = 64 * 1024 * 1024;

function readHeader(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(SQLITE_HEADER.length);
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    return buf.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}

/** What a read-only connection answers when a crash left a write half done (a hot rollback journal,
 *  or a WAL index that needs rebuilding): SQLite itself finishes that on the next read-write open. */
const INTERRUPTED_WRITE = new Set(['SQLITE_READONLY_ROLLBACK', 'SQLITE_READONLY_RECOVERY']);

export function isInterruptedWrite(err: unknown): boolean {
  return INTERRUPTED_WRITE.has(sqliteCode(err) ?? '');
}

/** Lets SQLite roll back a write a crash interrupted (its own recovery, back to the last commit):
 *  a read-write open and one read. Nothing committed is changed. */
export function finishInterruptedWrite(file: string): void {
  const db = openSqlite(file, { fileMustExist: true });
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').pluck().get();
  } finally {
    db.close();
  }
}

export function inspectDatabaseFile(file: string): DatabaseHealth {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    return { ok: false, problem: 'missing', detail: 'không có tệp' };
  }
  if (size === 0) return { ok: false, problem: 'empty', detail: 'tệp rỗng (0 byte)' };
  if (!readHeader(file).equals(SQLITE_HEADER)) return { ok: false, problem: 'not-a-database', detail: 'phần đầu tệp không phải của cơ sở dữ liệu SQLite' };
  let db: Database.Database | undefined;
  try {
    db = openSqlite(file, { readonly: true, fileMustExist: true });
    const version = userVersion(db);
    if (version > LATEST_VERSION) return { ok: false, problem: 'too-new', detail: `phiên bản dữ liệu ${version}, ứng dụng này đọc được đến ${LATEST_VERSION}` };
    const pragma = size <= FULL_CHECK_MAX_BYTES ? 'integrity_check' : 'quick_check';
    const problems = (db.pragma(pragma) as Record<string, string>[]).map((r) => Object.values(r)[0]).filter((m) => m !== 'ok');
    if (problems.length > 0) return { ok: false, problem: 'damaged', detail: `${problems.length} lỗi, ví dụ: ${problems[0]}` };
    return { ok: true, version };
  } catch (err) {
    // Only what SQLite calls damage counts: a folder it may not write (-shm) or a locked file is not a reason to move the data aside.
    const code = sqliteCode(err) ?? '';
    if (!code.startsWith('SQLITE_CORRUPT') && code !== 'SQLITE_NOTADB') throw err;
    return { ok: false, problem: 'damaged', detail: err instanceof Error ? err.message : String(err) };
  } finally {
    db?.close();
  }
}
