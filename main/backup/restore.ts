/**
 * Restoring a kept backup (or a moved-aside database). The app never runs on a half-copied file:
 *
 * 1. the chosen file is checked, copied next to par.sqlite as a temp file, brought to this app's
 *    schema and to WAL mode (so opening it as par.sqlite writes nothing: switching a file from a
 *    rollback journal to WAL is itself a write, and a crash in it would leave par.sqlite with a hot
 *    journal), its blob journal emptied (it described another life of the folder), closed (the WAL
 *    checkpointed into the one file) and checked again; nothing has changed yet;
 * 2. the current state is backed up ("before-restore": undoing the restore is restoring that);
 * 3. the open database is closed (its WAL checkpointed away); a -wal or -shm still there is moved
 *    aside, never replayed into the restored file; the temp file is renamed over par.sqlite (one
 *    atomic step) and the folder fsynced; the database is opened again.
 * A crash leaves par.sqlite either the old one or the restored one, whole.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { KeptBackupFolder, RestoreResult } from '../../shared/api/channels/backups';
import { AppFailure } from '../../shared/api/result';
import { createBackup } from '../evidence/backup';
import { fsyncFolder, renameWithRetry } from '../evidence/blob-store';
import { recoveryDir } from '../evidence/kept-databases';
import { clearJournal } from '../store/queries/blob-journal';
import { databasePath, openDatabase } from '../store/open';
import { inspectDatabaseFile } from './database-health';
import { keptFile } from './kept-list';
import { oneAtATime } from './one-at-a-time';
import { dismissRecovery } from './startup-recovery';
import { fsyncFile } from '../disk/fsync';

/** What a restore needs of the app context; `db` is replaced by the restored database. */
export interface RestoreTarget {
  db: Database.Database;
  dataDir: string;
  now: () => string;
}

/** Step 1: a ready, checked, single-file copy of `source` beside par.sqlite. */
export async function prepareCopy(dataDir: string, source: string): Promise<string> {
  const temp = path.join(dataDir, `.restore-${crypto.randomBytes(8).toString('hex')}.sqlite`);
  try {
    await fs.promises.copyFile(source, temp);
    const db = openDatabase(temp);
    try {
      clearJournal(db);
    } finally {
      db.close();
    }
    const health = inspectDatabaseFile(temp);
    if (!health.ok) throw new AppFailure('DATABASE_DAMAGED', 'Bản sao lưu không vượt qua bước kiểm tra sau khi chép; dữ liệu hiện tại không bị thay đổi.');
    // The read-only check leaves an empty -wal/-shm beside the copy; no connection is open now.
    for (const f of [`${temp}-wal`, `${temp}-shm`]) await fs.promises.rm(f, { force: true });
    await fsyncFile(temp);
    return temp;
  } catch (err) {
    for (const f of [temp, `${temp}-wal`, `${temp}-shm`, `${temp}-journal`]) await fs.promises.rm(f, { force: true });
    throw err;
  }
}

/** Step 3: swap the prepared file in for par.sqlite and reopen. */
async function swapIn(target: RestoreTarget, prepared: string): Promise<void> {
  const live = databasePath(target.dataDir);
  target.db.close();
  try {
    for (const suffix of ['-wal', '-shm']) {
      if (!fs.existsSync(live + suffix)) continue;
      await fs.promises.mkdir(recoveryDir(target.dataDir), { recursive: true });
      await renameWithRetry(live + suffix, path.join(recoveryDir(target.dataDir), `stale-${crypto.randomBytes(4).toString('hex')}.sqlite${suffix}`));
    }
    await renameWithRetry(prepared, live);
    await fsyncFolder(target.dataDir);
  } finally {
    // Whatever par.sqlite is now (the old one if the rename failed), the app goes on with it.
    target.db = openDatabase(live);
  }
}

export function restoreBackup(target: RestoreTarget, folder: KeptBackupFolder, fileName: string): Promise<RestoreResult> {
  return oneAtATime(target.dataDir, async () => {
    const source = keptFile(target.dataDir, folder, fileName);
    const health = inspectDatabaseFile(source);
    if (!health.ok) throw new AppFailure('DATABASE_DAMAGED', `Không khôi phục được từ "${fileName}": tệp không dùng được (${health.detail}). Dữ liệu hiện tại không bị thay đổi.`);
    const prepared = await prepareCopy(target.dataDir, source);
    let safety: string;
    try {
      safety = (await createBackup(target.db, target.dataDir, target.now(), { reason: 'before-restore' })).fileName;
    } catch (err) {
      await fs.promises.rm(prepared, { force: true });
      throw err;
    }
    await swapIn(target, prepared);
    dismissRecovery(target.dataDir);
    return { restoredFrom: fileName, safetyBackup: safety };
  });
}
