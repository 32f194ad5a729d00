/**
 * The file of a backup the rotation let go, kept as the next backup's copy target (the "spare").
 *
 * Why: on the disks measured here, removing a 17 MB backup took ~4 ms (freeing its blocks) and
 * copying into a new file then allocated as many blocks again; writing the next copy over the
 * let-go file's own blocks, in place, made copy + fsync ~7 ms instead of ~11 + 4 (see `npm run
 * bench -- backup`). In steady use (more backups a day than the rotation keeps) every automatic
 * backup lets one go, so every one has a spare.
 *
 * Why it is safe:
 * - Only a file the rotation has ALREADY let go becomes the spare: its row was deleted in the
 *   transaction that recorded a newer, durable backup. A backup that fails later (a damaged
 *   database, a full disk) can only consume the spare, never a kept backup.
 * - The rename to the spare's name (`.spare-backup.sqlite-spare`) is made durable (folder fsync,
 *   and the file's own on Windows) BEFORE anything writes over it: after a power cut the old backup
 *   name can never come back on half-rewritten bytes. The backup screen, the garbage collection's
 *   kept databases (`par-….sqlite` only) and the data-folder move (no dot names) never take the
 *   spare for a backup, so its evidence references hold nothing.
 * - Only a plain file with a single name becomes or stays the spare: a let-go backup that another
 *   tool hard-linked or symlinked elsewhere is deleted (its own name only), as before, so writing in
 *   place never reaches a file outside the backups folder.
 * - The next backup first renames it to that backup's temp name, then writes the whole snapshot
 *   over it and cuts it to the snapshot's length. From there on it is any other temp copy: checked,
 *   fsynced, renamed into place only when sound; removed on failure; a crash leaves a temp file the
 *   next backup removes. When writing over it fails (a file another program holds on Windows), the
 *   backup is copied into a new file instead, as without a spare.
 * What it costs: one let-go backup's room on disk between two backups (the next one copies into it,
 * so a backup needs no more room at its peak than before). On a nearly full disk that room matters
 * more than a few ms per backup: a spare is kept only while the disk has 256 MB free plus four times
 * the spare's size (324 MB for a 17 MB database); otherwise the let-go file is deleted.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { fsyncFile } from '../disk/fsync';
import { copyDatabaseSnapshot, type FileCopier } from './backup-copy';
import { fsyncFolder } from './blob-store';

export const SPARE_FILE_NAME = '.spare-backup.sqlite-spare';
const CHUNK_BYTES = 1024 * 1024;

/** A regular file with no other name (no hard link, not a symlink): safe to write over in place. */
const singleFile = (st: fs.Stats | null): boolean => st !== null && st.isFile() && st.nlink === 1;
const lstatOrNull = (file: string): Promise<fs.Stats | null> => fs.promises.lstat(file).catch(() => null);

/** Moves the spare (if any) to `temp`; true when `temp` is now the spare, to be written over. */
async function takeSpare(dir: string, temp: string): Promise<boolean> {
  const spare = path.join(dir, SPARE_FILE_NAME);
  const st = await lstatOrNull(spare);
  if (st === null || st.isDirectory()) return false; // none (the first backups of a day), or a folder: left alone
  if (!singleFile(st)) {
    // A link, or a spare a tool linked elsewhere: only its name here goes.
    await fs.promises.rm(spare, { force: true }).catch(() => {});
    return false;
  }
  try {
    await fs.promises.rename(spare, temp);
    return true;
  } catch {
    return false; // cannot be moved now: a new file this time
  }
}

/**
 * Copies `from` over the existing file `to`, in place, and cuts `to` to `from`'s length. Reads and
 * writes 1 MB at a time off the main thread. No fsync here: the caller's fsync follows.
 */
export async function copyOver(from: string, to: string): Promise<void> {
  const source = await fs.promises.open(from, 'r');
  try {
    const target = await fs.promises.open(to, 'r+');
    try {
      const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
      let at = 0;
      for (;;) {
        const { bytesRead } = await source.read(buffer, 0, CHUNK_BYTES, at);
        if (bytesRead === 0) break;
        // A short write (the disk filled up part-way) is continued, never skipped over.
        for (let done = 0; done < bytesRead; ) done += (await target.write(buffer, done, bytesRead - done, at + done)).bytesWritten;
        at += bytesRead;
      }
      await target.truncate(at);
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}

/**
 * The snapshot of `db` into `temp`: written over the spare when there is one, else (or when that
 * fails) into a new file. `copier` is the in-place copy; tests pass one that fails.
 */
export async function copySnapshotOverSpare(db: Database.Database, dir: string, temp: string, copier: FileCopier = copyOver): Promise<'spare' | 'new-file'> {
  if (await takeSpare(dir, temp)) {
    try {
      await copyDatabaseSnapshot(db, temp, copier);
      return 'spare';
    } catch (err) {
      console.error('[backup] writing over the spare failed; copying into a new file:', err);
      await fs.promises.rm(temp, { force: true });
    }
  }
  await copyDatabaseSnapshot(db, temp);
  return 'new-file';
}

/** Free room the disk must keep beside a spare of `bytes`: 256 MB plus four times its size. */
const roomNeededBesideSpare = (bytes: number): number => 256 * 1024 * 1024 + 4 * bytes;

async function roomForSpare(file: string): Promise<boolean> {
  try {
    const st = await fs.promises.statfs(path.dirname(file));
    return st.bavail * st.bsize >= roomNeededBesideSpare((await fs.promises.stat(file)).size);
  } catch {
    return false; // free room unknown: deleted, as before there was a spare
  }
}

/**
 * After a new backup is recorded: the first let-go file becomes the spare (when `wanted`, there is
 * none yet, it is a plain single file and the disk has room), the rest are removed. A file that
 * cannot be moved or removed now (open in another program on Windows) stays a backup file without
 * a row, which the next rotation lets go again.
 */
export async function keepSpare(dir: string, letGo: string[], wanted = true): Promise<void> {
  const [first] = letGo;
  if (first === undefined) return;
  const firstFile = path.join(dir, first);
  const makeSpare = wanted && !fs.existsSync(path.join(dir, SPARE_FILE_NAME)) && singleFile(await lstatOrNull(firstFile)) && (await roomForSpare(firstFile));
  for (const name of letGo) {
    try {
      if (name === first && makeSpare) await setAside(dir, name);
      else await fs.promises.rm(path.join(dir, name), { force: true });
    } catch (err) {
      console.error(`[backup] the let-go backup ${name} could not be removed yet:`, err);
    }
  }
}

/** The rename, durable before any later write over the file (see the top of this file). */
async function setAside(dir: string, name: string): Promise<void> {
  const spare = path.join(dir, SPARE_FILE_NAME);
  await fs.promises.rename(path.join(dir, name), spare);
  await fsyncFolder(dir);
  // Windows cannot fsync a folder; flushing the renamed file commits its new name with it.
  if (process.platform === 'win32') await fsyncFile(spare);
}
