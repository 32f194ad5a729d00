/**
 * The two slow steps of a backup point, made fast and kept off the save path.
 *
 * COPY. In WAL mode the database file itself only changes when a checkpoint copies WAL frames into
 * it. So: checkpoint everything (TRUNCATE: the WAL is empty afterwards), then open a read
 * transaction on a second connection. That reader reads the database file alone (SQLite's read
 * slot 0), and no checkpoint may write into the file while it holds that slot, so the file stays
 * byte-for-byte the snapshot while it is copied with the OS's own file copy, in the background;
 * saves go on into the WAL meanwhile. The checkpoint and the start of the read happen in one
 * synchronous step, so no save can slip in between. When that is not possible (not WAL, or the
 * checkpoint could not finish), SQLite's online backup API copies the pages instead, in steps of
 * about 4 MB so a save never waits long.
 *
 * CHECK. On the copy, memory-mapped. Automatic backups (quick_check) are checked table by table
 * (each with its indexes) by this thread and the check worker together (check-worker.ts): on two
 * cores the check of a fresh 17 MB copy went from ~8 to ~5 ms, the largest step of a backup. Until
 * the worker is ready (the first backup of a session) this thread checks alone: a copy of up to
 * 32 MB in one go, a larger one table by table, yielding between tables. Table by table skips only
 * the accounting of unused pages. The officer's own backup and the one taken before a restore run
 * the full integrity_check, in one go (with that accounting) on a copy of up to 32 MB, shared with
 * the worker on a larger one. quick_check covers every page's structure and records (what a copy
 * can get wrong), and a backup is always fully checked again
 * before it is restored (database-health.ts), so a quick-checked copy is never trusted blindly.
 */
import fs from 'node:fs';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type Database from 'better-sqlite3';
import { openSqlite } from '../store/native-binding';
import { sqliteCode } from '../store/statements';
import { shareCheck } from './check-worker';

/** Pages per step of the online backup fallback (4 KiB pages: about 4 MB, a few ms a step). */
const BACKUP_STEP_PAGES = 1000;
const CHECK_MMAP_BYTES = 256 * 1024 * 1024;
/** Up to this size the copy is checked in one step: the event loop is held for ~20 ms at most. */
export const WHOLE_CHECK_MAX_BYTES = 32 * 1024 * 1024;

type CheckpointRow = { busy: number; log: number; checkpointed: number };

export type FileCopier = (from: string, to: string) => Promise<void>;

/** Copies the database behind `db` to `target` as one consistent snapshot. Returns how. `copyFile` is the OS copy; tests pass one that saves halfway. */
export async function copyDatabaseSnapshot(db: Database.Database, target: string, copyFile: FileCopier = (a, b) => fs.promises.copyFile(a, b)): Promise<'file-copy' | 'backup-api'> {
  if ((db.pragma('journal_mode', { simple: true }) as string) === 'wal' && (await copyHeldFile(db, db.name, target, copyFile))) return 'file-copy';
  // The backup API opens its target as a database: whatever a spare left there goes first.
  await fs.promises.rm(target, { force: true });
  await db.backup(target, { progress: () => BACKUP_STEP_PAGES });
  return 'backup-api';
}

async function copyHeldFile(db: Database.Database, dbFile: string, target: string, copyFile: FileCopier): Promise<boolean> {
  const reader = openSqlite(dbFile, { readonly: true, fileMustExist: true });
  try {
    const [row] = db.pragma('wal_checkpoint(TRUNCATE)') as CheckpointRow[];
    if (!row || row.busy !== 0 || row.log !== 0) return false;
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM sqlite_schema').get();
    try {
      await copyFile(dbFile, target);
    } finally {
      reader.exec('COMMIT');
    }
    return true;
  } finally {
    reader.close();
  }
}

const quoteName = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** quick: structure and records of every page (automatic backups); full: also every index against its table. */
export type CheckDepth = 'quick' | 'full';

export interface CheckedCopy {
  /** What the check found; [] when the copy is sound. */
  problems: string[];
  /** 2 when the check worker took part, 1 when this thread checked alone. */
  threads: 1 | 2;
}

/** One table and its indexes, or with `table` null the whole file. */
function checkTable(copy: Database.Database, pragma: string, table: string | null): string[] {
  try {
    const rows = copy.pragma(table === null ? pragma : `${pragma}(${quoteName(table)})`) as Record<string, string>[];
    return rows.map((r) => Object.values(r)[0] ?? '').filter((m) => m !== 'ok');
  } catch (err) {
    return checkFailure(table, err);
  }
}

/** Damage bad enough that the check itself stops is a finding too; any other error is not ours to hide. */
function checkFailure(table: string | null, err: unknown): string[] {
  if (!(sqliteCode(err) ?? '').match(/^SQLITE_(CORRUPT|NOTADB)/)) throw err;
  return [`${table ?? 'tệp'}: ${err instanceof Error ? err.message : String(err)}`];
}

/** Checks `file` (read-only). Its blob hashes are read later, only when a garbage collection needs them (kept-databases.ts). */
export async function checkCopy(file: string, depth: CheckDepth, wholeMaxBytes = WHOLE_CHECK_MAX_BYTES): Promise<CheckedCopy> {
  const size = (await fs.promises.stat(file)).size;
  const copy = openSqlite(file, { readonly: true, fileMustExist: true });
  try {
    copy.pragma(`mmap_size = ${CHECK_MMAP_BYTES}`);
    let tables: string[];
    try {
      tables = copy.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[];
    } catch (err) {
      // A schema that cannot even be read is the worst finding of all.
      return { problems: checkFailure('sqlite_schema', err), threads: 1 };
    }
    const pragma = depth === 'full' ? 'integrity_check' : 'quick_check';
    const parts = ['sqlite_schema', ...largestFirst(tables)];
    // In one go (with the accounting of unused pages) where that is cheap enough to hold the thread:
    // a small copy's full check. An automatic (quick) check, and any check of a large copy, is
    // shared with the check worker table by table when it is ready.
    const whole = size <= wholeMaxBytes;
    if (!(whole && depth === 'full')) {
      const counter = new SharedArrayBuffer(4);
      const shared = shareCheck({ file, pragma, tables: parts, counter, mmapBytes: CHECK_MMAP_BYTES });
      const problems = shared && (await checkSharedTables(copy, pragma, parts, new Int32Array(counter), shared));
      if (problems) return { problems, threads: 2 };
    }
    return { problems: await checkTables(copy, pragma, whole ? [null] : parts), threads: 1 };
  } finally {
    copy.close();
  }
}

/** The tables that hold most rows in a working database go first, so that the two threads sharing a
 *  check end close together (the last table taken decides when the check ends). */
const USUALLY_LARGEST = ['evidence_items', 'evidence_files', 'blobs', 'history', 'evidence_links', 'answers'];
const largestFirst = (tables: string[]): string[] => [...USUALLY_LARGEST.filter((t) => tables.includes(t)), ...tables.filter((t) => !USUALLY_LARGEST.includes(t))];

async function checkTables(copy: Database.Database, pragma: string, tables: (string | null)[]): Promise<string[]> {
  const problems: string[] = [];
  for (const table of tables) {
    await nextTurn();
    problems.push(...checkTable(copy, pragma, table));
  }
  return problems;
}

/** This thread's share of a check the worker takes part in (tables taken from the shared
 *  counter), then the worker's findings; null when the worker failed (the caller checks again alone). */
async function checkSharedTables(copy: Database.Database, pragma: string, tables: string[], next: Int32Array, shared: Promise<string[]>): Promise<string[] | null> {
  const problems: string[] = [];
  try {
    for (let i = Atomics.add(next, 0, 1); i < tables.length; i = Atomics.add(next, 0, 1)) {
      await nextTurn();
      problems.push(...checkTable(copy, pragma, tables[i]!));
    }
  } finally {
    // The worker reads the copy until it answers; the copy is not removed before that.
    await shared.catch(() => null);
  }
  try {
    return [...problems, ...(await shared)];
  } catch (err) {
    console.error('[backup] the check worker failed; checking the copy on the main thread:', err);
    return null;
  }
}
