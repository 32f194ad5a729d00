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
 * so a backup needs no more room at its peak than before). On a nearly full disk that room matters
 * more than a few ms per backup: a spare is kept only while the disk has 256 MB free plus four times
 * the spare's size (324 MB for a 17 MB database); otherwise the let-go file is deleted.
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

/** Free room the disk must keep beside a spare of `bytes`: 256 MB plus four times its size. */
export const roomNeededBesideSpare = (bytes: number): number => 256 * 1024 * 1024 + 4 * bytes;

async function roomForSpare(file: string): Promise<boolean> {
  try {
    const st = await fs.promises.statfs(path.dirname(file));
    return st.bavail * st.bsize >= roomNeededBesideSpare((await fs.promises.stat(file)).size);
  } catch {
    return false; // free room unknown: deleted, as before there was a spare
  }
}

/**
 * After a new backup is recorded: the first let-go file becomes the spare (when there is none and
 * the disk has room), the rest are removed. A file that cannot be moved or removed now (open in
 * another program on Windows) stays a backup file without a row, which the next rotation lets go again.
 */
export async function keepSpare(dir: string, letGo: string[]): Promise<void> {
  const [first] = letGo;
  if (first === undefined) return;
  const makeSpare = !fs.existsSync(path.join(dir, SPARE_FILE_NAME)) && (await roomForSpare(path.join(dir, first)));
  for (const name of letGo) {
    try {
      if (name === first && makeSpare) await fs.promises.rename(path.join(dir, name), path.join(dir, SPARE_FILE_NAME));
      else await fs.promises.rm(path.join(dir, name), { force: true });
    } catch (err) {
      console.error(`[backup] the let-go backup ${name} could not be removed yet:`, err);
    }
  }
}
