/** "Mở bằng ứng dụng của hệ thống": a copy of a stored file for the system application. Copies live
 *  in `<data folder>/mo-tep/` (per user, private: 0700 on POSIX, and never a folder that someone
 *  else created or linked, unlike a fixed name in the shared system temp folder), one fresh
 *  mkdtemp folder per copy, emptied at start-up. On Windows each copy gets the Mark of the Web
 *  (a `Zone.Identifier` stream naming the Internet zone), so Office opens a received document in
 *  Protected View and SmartScreen warns before anything runs. */
import fs from 'node:fs';
import path from 'node:path';
import { AppFailure } from '../../shared/api/result';

export const OPEN_COPIES_FOLDER = 'mo-tep';
export const ZONE_IDENTIFIER_INTERNET = '[ZoneTransfer]\r\nZoneId=3\r\n';

export function openCopiesRoot(dataDir: string, pathApi: Pick<typeof path, 'join'> = path): string {
  return pathApi.join(dataDir, OPEN_COPIES_FOLDER);
}

export interface MarkIo {
  platform: NodeJS.Platform;
  write: (file: string, text: string) => Promise<void>;
}

const realIo: MarkIo = { platform: process.platform, write: (file, text) => fs.promises.writeFile(file, text) };

/** Writes the copy's Zone.Identifier alternate data stream (Windows only; NTFS keeps it). */
export async function markOfTheWeb(file: string, io: MarkIo = realIo): Promise<void> {
  if (io.platform !== 'win32') return;
  await io.write(`${file}:Zone.Identifier`, ZONE_IDENTIFIER_INTERNET);
}

const unsafeFolder = (dir: string): AppFailure =>
  new AppFailure('UNAVAILABLE', `Thư mục tạm để mở tệp "${dir}" không an toàn (là liên kết hoặc thuộc người dùng khác); hãy xóa thư mục này rồi thử lại.`);

/** The copies folder, created private; refused when it is a link, not ours, or open to others. */
async function privateRoot(dataDir: string): Promise<string> {
  const root = openCopiesRoot(dataDir);
  await fs.promises.mkdir(root, { recursive: true, mode: 0o700 });
  const info = await fs.promises.lstat(root);
  if (!info.isDirectory()) throw unsafeFolder(root);
  if (process.platform === 'win32') return root;
  if (info.uid !== process.getuid?.()) throw unsafeFolder(root);
  if ((info.mode & 0o077) !== 0) await fs.promises.chmod(root, 0o700);
  return root;
}

/** Copies `source` as `displayName` into a fresh private folder, marked on Windows; returns its path. */
export async function makeOpenCopy(dataDir: string, source: string, displayName: string, io: MarkIo = realIo): Promise<string> {
  const dir = await fs.promises.mkdtemp(path.join(await privateRoot(dataDir), 'f-'));
  const copy = path.join(dir, displayName);
  await fs.promises.copyFile(source, copy, fs.constants.COPYFILE_EXCL);
  try {
    await markOfTheWeb(copy, io);
  } catch (err) {
    // A data folder on FAT32/exFAT (a USB stick) has no alternate streams: the copy still opens.
    console.warn('[open-copy] no Mark of the Web on', copy, err);
  }
  return copy;
}
