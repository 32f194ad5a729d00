/**
 * Backup points: a verified copy of the database under <data>/backups/par-YYYYMMDD-HHMMSS.sqlite.
 * A consistent snapshot copied while the app keeps running (backup-copy.ts) into a temp file →
 * switched to a single-file (rollback journal) database so the copy needs no -wal/-shm →
 * a check table by table (backup-copy.ts) on a read-only open while the copy is fsynced (a bad copy is deleted and refused) → rename → fsync the folder →
 * recorded; older ones are let go by the retention policy (backup/retention.ts), one of them kept
 * as the file the next backup writes over (spare-backup-file.ts). Then evidence garbage collection runs (see garbage.ts for why
 * blobs are removed only after a backup). Blob files are not copied: they are immutable and
 * stay until a later backup no longer needs them.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { AppFailure } from '../../shared/api/result';
import { fsyncFolder, renameWithRetry } from './blob-store';
import { collectGarbage, type GarbageReport } from './garbage';
import { backupsDir } from './kept-databases';

export { backupsDir } from './kept-databases';
import { backupNameTaken, deleteBackupRow, insertBackup, listBackups } from '../store/queries/backups';
import { backupsToKeep, parseBackupName, retentionFromEnv, type BackupReason, type RetentionPolicy } from '../backup/retention';
import { databaseNow } from '../store/queries/evidence-files';
import { fsyncFile } from '../disk/fsync';
import { checkCopy, copyDatabaseSnapshot, type CheckDepth } from './backup-copy';
import { startCheckWorker } from './check-worker';
import { copySnapshotOverSpare, keepSpare } from './spare-backup-file';

const TEMP_SUFFIX = '.sqlite.part';


export interface BackupResult {
  fileName: string;
  size: number;
  createdAt: string;
  garbage: GarbageReport;
}

/** 2026-01-05T08:00:07.123Z → par-20260105-080007.sqlite (UTC, as `now` is); -2, -3 … if taken;
 *  the reason follows unless it is a manual backup (par-20260105-080007-before-import.sqlite). */
function backupFileName(db: Database.Database, dir: string, now: string, reason: BackupReason): string {
  const stamp = now.replace(/\.\d+Z$|Z$/, '').replace(/[-:]/g, '').replace('T', '-');
  const suffix = reason === 'manual' ? '' : `-${reason}`;
  for (let n = 1; ; n++) {
    const name = `par-${stamp}${n === 1 ? '' : `-${n}`}${suffix}.sqlite`;
    if (!backupNameTaken(db, name) && !fs.existsSync(path.join(dir, name))) return name;
  }
}

/**
 * Journal mode DELETE: the copy is one self-contained file (WAL mode would need -wal/-shm beside
 * it). The copy holds no WAL content (it is the database file at a moment when the WAL was fully
 * checkpointed, or a backup-API copy), so leaving WAL mode is only the header's two format bytes
 * (offsets 18 and 19: 2 for WAL, 1 for the rollback journal, SQLite's file format §1.3.3), written
 * here directly: what `PRAGMA journal_mode = DELETE` writes, without opening the copy read-write
 * (which made and removed -wal/-shm files: ~1 ms of a backup). The check that follows opens it.
 * The file is fsynced once, after the check; a synchronous fsync here would hold up saves.
 */
export function makeSingleFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    const format = Buffer.alloc(2);
    // Anything but 1 or 2 is not a database this SQLite wrote: left as it is, for the check to refuse.
    if (fs.readSync(fd, format, 0, 2, 18) === 2 && format.every((b) => b === 1 || b === 2)) fs.writeSync(fd, Buffer.from([1, 1]), 0, 2, 18);
  } finally {
    fs.closeSync(fd);
  }
}

/** Removes the leftovers of a backup interrupted by a crash; returns the other names in the folder. */
async function removeTempCopies(dir: string): Promise<string[]> {
  const names = await fs.promises.readdir(dir);
  await Promise.all(names.filter((n) => n.endsWith(TEMP_SUFFIX)).map((n) => fs.promises.rm(path.join(dir, n), { force: true })));
  return names.filter((n) => !n.endsWith(TEMP_SUFFIX));
}

/** The officer's own backup and the safety copy before a restore get the full check. */
const depthFor = (reason: BackupReason): CheckDepth => (reason === 'manual' || reason === 'before-restore' ? 'full' : 'quick');

/** A checked single-file copy of the live database as a temp file in `dir` (the caller renames or
 *  removes it). With `overSpare`, written over the spare a rotation left in `dir`, when there is one. */
export async function writeVerifiedCopy(db: Database.Database, dir: string, depth: CheckDepth = 'full', overSpare = false): Promise<{ temp: string }> {
  const temp = path.join(dir, `.${crypto.randomBytes(8).toString('hex')}${TEMP_SUFFIX}`);
  startCheckWorker(); // starts while the copy is made; checks with this thread once ready
  try {
    if (overSpare) await copySnapshotOverSpare(db, dir, temp);
    else await copyDatabaseSnapshot(db, temp);
    makeSingleFile(temp);
    // The check reads the copy (CPU) while the disk flushes it (I/O): the two overlap, and both are
    // over (neither still holds the file) before it is renamed into place or removed.
    const [checked, flushed] = await Promise.allSettled([checkCopy(temp, depth), fsyncFile(temp)]);
    if (checked.status === 'rejected') throw checked.reason;
    if (flushed.status === 'rejected') throw flushed.reason;
    const { problems } = checked.value;
    if (problems.length > 0) {
      throw new AppFailure('INTERNAL', `Bản sao lưu bị lỗi và đã bị hủy: ${problems.slice(0, 3).join('; ')}`);
    }
    return { temp };
  } catch (err) {
    await fs.promises.rm(temp, { force: true });
    throw err;
  }
}

/** Records the new backup and lets go of the rows the retention policy does not keep, in ONE
 *  transaction; returns the files to remove. `names`: the folder's files, the new one among them
 *  (backups are taken one at a time, so the listing read at the start is still the folder's). */
function recordAndRotate(db: Database.Database, names: string[], row: { fileName: string; createdAt: string; size: number }, policy: RetentionPolicy): string[] {
  const dated = names.map(parseBackupName).filter((b) => b !== null);
  const keep = backupsToKeep(dated, Date.parse(row.createdAt), policy);
  db.transaction(() => {
    insertBackup(db, row);
    for (const old of listBackups(db).filter((r) => !keep.has(r.fileName))) deleteBackupRow(db, old.id);
  })();
  return dated.filter((b) => !keep.has(b.fileName)).map((b) => b.fileName);
}

export interface BackupOptions {
  reason?: BackupReason;
  retention?: RetentionPolicy;
  /** false: a new file, and the let-go files deleted, as on a nearly full disk (the bench's "no spare"). Default true. */
  spare?: boolean;
}

export async function createBackup(db: Database.Database, dataDir: string, now: string, opts: BackupOptions = {}): Promise<BackupResult> {
  const dir = backupsDir(dataDir);
  await fs.promises.mkdir(dir, { recursive: true });
  const names = await removeTempCopies(dir);
  // Taken before the copy starts, on the triggers' clock: blobs unused since before it are unused in the copy.
  const startedAt = databaseNow(db);
  const reason = opts.reason ?? 'manual';
  const spare = opts.spare !== false;
  const { temp } = await writeVerifiedCopy(db, dir, depthFor(reason), spare);
  const fileName = backupFileName(db, dir, now, reason);
  await renameWithRetry(temp, path.join(dir, fileName));
  await fsyncFolder(dir);
  const size = (await fs.promises.stat(path.join(dir, fileName))).size;
  const letGo = recordAndRotate(db, [...names, fileName], { fileName, createdAt: now, size }, opts.retention ?? retentionFromEnv());
  // Files of older backups go only after the new one is durable and recorded (a crash here leaves
  // a file without a row, which the backup list and the next rotation deal with); one stays as the
  // next backup's spare (spare-backup-file.ts).
  await keepSpare(dir, letGo, spare);
  const garbage = await collectGarbage(db, dataDir, startedAt);
  return { fileName, size, createdAt: now, garbage };
}
