/** Making writes durable: a file's data, or a folder's entries (a rename, a new file) after a power cut. */
import fs from 'node:fs';

/** fsync of a whole file, opened for it (after a copy or a backup into it). */
export async function fsyncFile(file: string): Promise<void> {
  const handle = await fs.promises.open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Synchronous fsync of a file or folder, for start-up steps that run before anything else. Windows
 *  cannot open folders for fsync; a rename there is durable enough, so that failure is ignored. */
export function fsyncPathSync(p: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(p, 'r');
    fs.fsyncSync(fd);
  } catch {
    // see above
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
