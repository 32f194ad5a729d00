/** Writing an exported file so that a crash or power loss leaves either the old file or the new
 *  one, never half of one: temp file in the same folder, fsync, rename, fsync the folder. */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppFailure } from '../../shared/api/result';

const BUSY_CODES = new Set(['EBUSY', 'EPERM', 'EACCES']);

function errorCode(err: unknown): string | undefined {
  return err instanceof Error && 'code' in err && typeof err.code === 'string' ? err.code : undefined;
}

async function syncFolder(dir: string): Promise<void> {
  if (process.platform === 'win32') return; // folders cannot be opened for fsync on Windows
  const handle = await fs.promises.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function writeFileAtomic(file: string, data: Buffer): Promise<void> {
  const dir = path.dirname(file);
  await fs.promises.mkdir(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.promises.open(temp, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.promises.rename(temp, file);
  } catch (err) {
    await fs.promises.rm(temp, { force: true });
    if (BUSY_CODES.has(errorCode(err) ?? '')) {
      throw new AppFailure('CONFLICT', `Không ghi được tệp "${path.basename(file)}": tệp đang mở trong chương trình khác. Hãy đóng tệp rồi xuất lại.`);
    }
    throw err;
  }
  await syncFolder(dir);
}
