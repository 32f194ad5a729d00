/**
 * The file of a backup the rotation let go, kept as the next backup's copy target (the "spare"), as
 * SQLite keeps its WAL file and writes over it rather than deleting and creating it again.
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
 * - The spare has a hidden name (`.spare-backup.sqlite-spare`): the backup screen, the garbage
 *   collection's kept databases (`par-….sqlite` only) and the data-folder move (no hidden names)
 *   never take it for a backup, so its evidence references hold nothing.
 * - The next backup first renames it to that backup's temp name, then writes the whole snapshot
 *   over it and cuts it to the snapshot's length. From there on it is any other temp copy: checked,
 *   fsynced, renamed into place only when sound; removed on failure; a crash leaves a temp file the
 *   next backup removes.
 * What it costs: one let-go backup's room on disk between two backups (the next one copies into it,
 * so a backup needs no more room at its peak than before).
 */
import fs from 'node:fs';
import path from 'node:path';

export const SPARE_FILE_NAME = '.spare-backup.sqlite-spare';
const CHUNK_BYTES = 1024 * 1024;

/** Moves the spare (if any) to `temp`; true when `temp` is now the spare, to be written over. */
export async function takeSpare(dir: string, temp: string): Promise<boolean> {
  try {
    await fs.promises.rename(path.join(dir, SPARE_FILE_NAME), temp);
    return true;
  } catch {
    return false; // none (the first backups of a day), or one that cannot be moved: a new file then
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
        await target.write(buffer, 0, bytesRead, at);
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
 * After a new backup is recorded: the first let-go file becomes the spare (when there is none),
 * the rest are removed. A file that cannot be moved or removed now (open in another program on
 * Windows) stays a backup file without a row, which the next rotation lets go again.
 */
export async function keepSpare(dir: string, letGo: string[]): Promise<void> {
  let spareTaken = fs.existsSync(path.join(dir, SPARE_FILE_NAME));
  for (const name of letGo) {
    const file = path.join(dir, name);
    try {
      if (spareTaken) await fs.promises.rm(file, { force: true });
      else {
        await fs.promises.rename(file, path.join(dir, SPARE_FILE_NAME));
        spareTaken = true;
      }
    } catch (err) {
      console.error(`[backup] the let-go backup ${name} could not be removed yet:`, err);
    }
  }
}
