/**
 * "Khôi phục từ tệp" / `par restore`: a whole-folder archive becomes a data folder, on another PC
 * too. Only into a folder that does not exist yet or is empty: nothing the officer has is ever
 * overwritten or merged. Order:
 * 1. the target is checked (new or empty), the archive verified in full (verify-archive.ts) and the
 *    free space checked: a refusal writes nothing;
 * 2. everything is written into a staging folder beside the target, `<name>.dang-khoi-phuc-<random>`
 *    (no process uses it), each entry hashed again while written (the file could change after the
 *    check), the database last; the database is checked, brought to this app's schema and its blob
 *    journal emptied (it described the other folder's life); every file and folder is fsynced;
 * 3. the staging folder is renamed to the target (an empty target is removed just before): one
 *    atomic step, which fails if anything appeared there meanwhile. A killed restore leaves at
 *    most the clearly named staging folder, never a half data folder under the target's name.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Entry } from 'yauzl';
import { AppFailure } from '../../shared/api/result';
import { fsyncFolder, renameWithRetry } from '../evidence/blob-store';
import { FREE_SPACE_MARGIN_BYTES } from '../evidence/import-file';
import { diskFull } from '../evidence/import-failures';
import { entryBytes, type OpenPackage } from '../package/entry-stream';
import { MANIFEST_PATH } from '../package/format';
import { openCheckedZip } from '../package/zip-reader';
import { openDatabase } from '../store/open';
import { clearJournal } from '../store/queries/blob-journal';
import { storageFailure } from '../store/storage-errors';
import { ARCHIVE_DATABASE_PATH, archiveMsg, type ArchiveManifest } from './archive-manifest';
import { inspectDatabaseFile } from './database-health';
import { refuseUnlessOk, verifyDataArchive } from './verify-archive';

export interface RestoredArchive {
  dataDir: string;
  evidenceFiles: number;
  bytes: number;
  createdAt: string;
}

export type RestoreProgress = (doneBytes: number, totalBytes: number) => void;

export const STAGING_MARK = '.dang-khoi-phuc-';

/** New or empty, and a folder: anything else is refused before the archive is even read. */
export function checkRestoreTarget(target: string): { exists: boolean } {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) return { exists: false };
  if (!stat.isDirectory()) throw new AppFailure('INVALID_INPUT', `"${target}" là một tệp, không phải thư mục. Hãy chọn một thư mục trống hoặc một thư mục mới để khôi phục.`);
  if (fs.readdirSync(target).length > 0) {
    throw new AppFailure('CONFLICT', `Thư mục "${target}" không trống. Chỉ khôi phục vào thư mục trống hoặc thư mục mới, để không ghi đè dữ liệu đang có; không có gì bị thay đổi.`);
  }
  return { exists: true };
}

/** Inside `root`, separator-aware (the archive's paths are checked already; this is the last guard). */
function destination(root: string, entryPath: string): string {
  const dest = path.resolve(root, ...entryPath.split('/'));
  if (!dest.startsWith(root + path.sep)) throw new AppFailure('INVALID_INPUT', archiveMsg.unexpectedPath(entryPath));
  return dest;
}

async function extractEntry(pkg: OpenPackage, entry: Entry, dest: string, expected: string, progress: (n: number) => void): Promise<void> {
  await fs.promises.mkdir(path.dirname(dest), { recursive: true });
  const out = await fs.promises.open(dest, 'wx');
  const hash = crypto.createHash('sha256');
  try {
    for await (const chunk of entryBytes(pkg, entry)) {
      hash.update(chunk);
      await out.write(chunk);
      progress(chunk.length);
    }
    await out.sync();
  } finally {
    await out.close();
  }
  if (hash.digest('hex') !== expected) throw new AppFailure('FILE_CHANGED', archiveMsg.refused(`tệp ${JSON.stringify(entry.fileName)} đã thay đổi trong lúc khôi phục.`, 0));
}

/** The database copy, checked, migrated to this app's schema, its blob journal emptied. */
function prepareDatabase(file: string): void {
  const health = inspectDatabaseFile(file);
  if (!health.ok) throw new AppFailure('DATABASE_DAMAGED', archiveMsg.refused(`cơ sở dữ liệu trong tệp không dùng được (${health.detail}).`, 0));
  const db = openDatabase(file);
  try {
    clearJournal(db);
  } finally {
    db.close();
  }
}

async function fillStaging(file: string, staging: string, manifest: ArchiveManifest, onProgress: RestoreProgress): Promise<void> {
  const total = manifest.files.reduce((sum, f) => sum + f.size, 0);
  let done = 0;
  const opened = await openCheckedZip(file);
  try {
    const byName = new Map(opened.entries.filter((e) => e.fileName !== MANIFEST_PATH).map((e) => [e.fileName, e]));
    const ordered = [...manifest.files.filter((f) => f.path !== ARCHIVE_DATABASE_PATH), ...manifest.files.filter((f) => f.path === ARCHIVE_DATABASE_PATH)];
    const folders = new Set<string>([staging]);
    for (const f of ordered) {
      const dest = destination(staging, f.path);
      await extractEntry(opened, byName.get(f.path)!, dest, f.sha256, (n) => onProgress((done += n), total));
      for (let dir = path.dirname(dest); dir !== staging; dir = path.dirname(dir)) folders.add(dir);
    }
    prepareDatabase(destination(staging, ARCHIVE_DATABASE_PATH));
    for (const dir of [...folders].sort((a, b) => b.length - a.length)) await fsyncFolder(dir);
  } finally {
    opened.zip.close();
  }
}

async function checkFreeSpace(dir: string, manifest: ArchiveManifest): Promise<void> {
  const needed = manifest.files.reduce((sum, f) => sum + f.size, 0) + FREE_SPACE_MARGIN_BYTES;
  const stats = await fs.promises.statfs(dir);
  if (stats.bavail * stats.bsize < needed) throw diskFull(needed, stats.bavail * stats.bsize);
}

/** Step 3: the staging folder takes the target's name in one rename. */
async function publish(staging: string, target: string, targetExists: boolean): Promise<void> {
  try {
    if (targetExists) await fs.promises.rmdir(target);
    await renameWithRetry(staging, target);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOTEMPTY' || code === 'EEXIST') throw new AppFailure('CONFLICT', `Thư mục "${target}" vừa có tệp khác ghi vào trong lúc khôi phục; không có gì bị thay đổi. Hãy chọn một thư mục trống khác.`);
    throw err;
  }
  await fsyncFolder(path.dirname(target));
}

export async function restoreDataArchive(file: string, targetDir: string, onProgress: RestoreProgress = () => {}): Promise<RestoredArchive> {
  const target = path.resolve(targetDir);
  const { exists } = checkRestoreTarget(target);
  const manifest = refuseUnlessOk(await verifyDataArchive(file));
  const parent = path.dirname(target);
  const staging = path.join(parent, `${path.basename(target)}${STAGING_MARK}${crypto.randomBytes(4).toString('hex')}`);
  let made = false;
  try {
    await fs.promises.mkdir(parent, { recursive: true });
    await checkFreeSpace(parent, manifest);
    await fs.promises.mkdir(staging);
    made = true;
    await fillStaging(file, staging, manifest, onProgress);
    await publish(staging, target, exists);
    made = false;
  } catch (err) {
    if (made) await fs.promises.rm(staging, { recursive: true, force: true });
    throw storageFailure(err, `Thư mục "${parent}"`) ?? err;
  }
  const blobs = manifest.files.filter((f) => f.path !== ARCHIVE_DATABASE_PATH);
  return { dataDir: target, evidenceFiles: blobs.length, bytes: blobs.reduce((sum, f) => sum + f.size, 0), createdAt: manifest.createdAt };
}

