/**
 * One writer per data folder. The desktop app, `npm run web` and the `par` commands that write
 * (import-package, export-report, export-package) clean temp files, publish blobs and collect
 * garbage; two of them on one folder could remove each other's files in flight.
 *
 * The lock is the operating system's: an exclusive SQLite transaction held open on the empty file
 * `par-data.lock` (POSIX advisory lock on Linux/macOS, LockFileEx on Windows). Taking it is one
 * atomic step (of ten processes started at once exactly one wins), and the OS drops it when the
 * holder exits, is killed or the power goes, so there is no stale lock to judge by process ids,
 * which the OS reuses after a restart. `par-data.lock.json` beside it only says who holds it, for
 * the message; it decides nothing. A `par.lock` pid file of earlier versions is ignored.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { openSqlite } from '../store/native-binding';
import { AppFailure } from '../../shared/api/result';
import { sqliteCode } from '../store/statements';
import { storageFailure } from '../store/storage-errors';

export const LOCK_FILE_NAME = 'par-data.lock';
const HOLDER_FILE_NAME = `${LOCK_FILE_NAME}.json`;

export interface LockHolder {
  pid: number;
  mode: string;
  since: string;
}

function readHolder(dataDir: string): LockHolder | null {
  try {
    const raw = JSON.parse(fs.readFileSync(path.join(dataDir, HOLDER_FILE_NAME), 'utf8')) as Partial<LockHolder>;
    return typeof raw.pid === 'number' && typeof raw.mode === 'string' && typeof raw.since === 'string' ? (raw as LockHolder) : null;
  } catch {
    return null;
  }
}

const MODE_NAMES: Record<string, string> = { electron: 'cửa sổ ứng dụng', web: 'ứng dụng chạy trong trình duyệt (npm run web)', cli: 'lệnh par' };

function heldMessage(dataDir: string): string {
  const holder = readHolder(dataDir);
  const who = holder ? `${MODE_NAMES[holder.mode] ?? 'ứng dụng'} (tiến trình ${holder.pid}, từ ${holder.since})` : 'một cửa sổ ứng dụng hoặc một lệnh par khác';
  return `Thư mục dữ liệu ${dataDir} đang được ${who} sử dụng. Hãy đóng cửa sổ đó hoặc chờ lệnh chạy xong rồi mở lại.`;
}

/** Takes the lock or throws a Vietnamese CONFLICT naming the holder; returns the release. */
export function acquireDataLock(dataDir: string, mode = 'electron'): () => void {
  let lock: Database.Database;
  try {
    lock = openSqlite(path.join(dataDir, LOCK_FILE_NAME), { timeout: 0 });
  } catch (err) {
    throw storageFailure(err, `Thư mục dữ liệu ${dataDir}`) ?? err;
  }
  try {
    lock.exec('BEGIN EXCLUSIVE');
  } catch (err) {
    lock.close();
    if (sqliteCode(err)?.startsWith('SQLITE_BUSY') || sqliteCode(err)?.startsWith('SQLITE_LOCKED')) throw new AppFailure('CONFLICT', heldMessage(dataDir));
    throw err;
  }
  const holder: LockHolder = { pid: process.pid, mode, since: new Date().toISOString() };
  try {
    fs.writeFileSync(path.join(dataDir, HOLDER_FILE_NAME), `${JSON.stringify(holder)}\n`);
  } catch {
    // Only the message would lose its detail; the lock itself is held.
  }
  let held = true;
  return () => {
    if (!held) return;
    held = false;
    if (readHolder(dataDir)?.pid === process.pid) fs.rmSync(path.join(dataDir, HOLDER_FILE_NAME), { force: true });
    lock.exec('ROLLBACK');
    lock.close();
  };
}
