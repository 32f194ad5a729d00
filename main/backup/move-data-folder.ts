/**
 * Moving the data folder (`par move-data`, "Chọn thư mục dữ liệu"), with the folder's lock held by
 * the caller. Nothing is changed until the copy is proven:
 * 1. the refusal rules (move-rules.ts) on facts gathered first: target inside the current folder,
 *    not empty, not writable, not enough free space;
 * 2. a staging folder beside the target, `<name>.dang-chuyen-<random>`, receives a checked copy of
 *    the database (online backup API) and every file of evidence/blobs, backups, recovery and
 *    exports, each fsynced; progress is reported in bytes;
 * 3. verified in place: every blob hashes to its name, every file row's blob is there, every other
 *    file has its size, and the database passes integrity_check;
 * 4. the staging folder is renamed to the target (one atomic step); the caller then records the
 *    new folder as the chosen one. The old folder is left as it was, with a note saying where the
 *    data went: it is the fallback until the officer deletes it. A killed move leaves at most the
 *    clearly named staging folder, and the old folder stays the chosen one.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { AppFailure } from '../../shared/api/result';
import { fsyncFile } from '../disk/fsync';
import { writeVerifiedCopy } from '../evidence/backup';
import { fsyncFolder, renameWithRetry } from '../evidence/blob-store';
import { FREE_SPACE_MARGIN_BYTES } from '../evidence/import-file';
import { STREAM_CHUNK_BYTES } from '../package/format';
import { DB_FILE_NAME } from '../store/open';
import { openSqlite } from '../store/native-binding';
import { blobsNamedByFiles } from '../store/queries/evidence-files';
import { inspectDatabaseFile } from './database-health';
import { moveRefusal, type MoveFacts } from './move-rules';
import { oneAtATime } from './one-at-a-time';

/** What moves besides the database (Electron's own profile files in the default folder stay). */
const MOVED_PARTS = ['evidence/blobs', 'backups', 'recovery', 'exports'];
export const MOVE_STAGING_MARK = '.dang-chuyen-';
export const MOVED_NOTE = 'DU-LIEU-DA-CHUYEN-DI.txt';

export type MoveProgress = (doneBytes: number, totalBytes: number) => void;

interface FileToMove {
  rel: string;
  size: number;
}

function walk(root: string, rel: string, out: FileToMove[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(path.join(root, rel), { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    if (e.name.startsWith('.')) continue; // temp files of an interrupted write
    const child = path.join(rel, e.name);
    if (e.isDirectory()) walk(root, child, out);
    else if (e.isFile()) out.push({ rel: child, size: fs.statSync(path.join(root, child)).size });
  }
}

function nearestExisting(dir: string): string {
  let at = dir;
  while (!fs.existsSync(at) && path.dirname(at) !== at) at = path.dirname(at);
  return at;
}

function canCreateFolderIn(dir: string): boolean {
  try {
    fs.rmdirSync(fs.mkdtempSync(path.join(dir, '.par-thu-ghi-')));
    return true;
  } catch {
    return false;
  }
}

export async function gatherMoveFacts(from: string, to: string, neededBytes: number): Promise<MoveFacts> {
  const stat = fs.statSync(to, { throwIfNoEntry: false });
  const isDir = stat?.isDirectory() ?? false;
  const existing = nearestExisting(isDir ? to : path.dirname(to));
  const space = await fs.promises.statfs(existing);
  return {
    from,
    to,
    targetEntries: isDir ? fs.readdirSync(to).length : null,
    targetIsFile: stat !== undefined && !isDir,
    writable: canCreateFolderIn(existing),
    freeBytes: space.bavail * space.bsize,
    neededBytes,
  };
}

async function sha256OfFile(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(file, { highWaterMark: STREAM_CHUNK_BYTES })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Step 3: the copy proves itself, or the move stops with what is wrong. */
async function verifyCopy(staging: string, files: FileToMove[]): Promise<void> {
  const bad = (what: string) => new AppFailure('FILE_CHANGED', `Bản chép ở thư mục mới không khớp (${what}); thư mục dữ liệu hiện tại không bị thay đổi.`);
  for (const f of files) {
    const copy = path.join(staging, f.rel);
    if (fs.statSync(copy).size !== f.size) throw bad(f.rel);
    if (f.rel.startsWith(path.join('evidence', 'blobs') + path.sep) && (await sha256OfFile(copy)) !== path.basename(copy)) throw bad(f.rel);
  }
  const dbFile = path.join(staging, DB_FILE_NAME);
  const health = inspectDatabaseFile(dbFile);
  if (!health.ok) throw bad(`${DB_FILE_NAME}: ${health.detail}`);
  const db = openSqlite(dbFile, { readonly: true, fileMustExist: true });
  try {
    const missing = blobsNamedByFiles(db).find((b) => !fs.existsSync(path.join(staging, 'evidence', 'blobs', b.hash.slice(0, 2), b.hash)));
    if (missing) throw bad(`thiếu tệp kiểm chứng ${missing.name}`);
  } finally {
    db.close();
  }
}

async function copyInto(staging: string, from: string, files: FileToMove[], onProgress: MoveProgress, total: number, done: number): Promise<void> {
  const folders = new Set<string>([staging]);
  for (const f of files) {
    const dest = path.join(staging, f.rel);
    await fs.promises.mkdir(path.dirname(dest), { recursive: true });
    await fs.promises.copyFile(path.join(from, f.rel), dest, fs.constants.COPYFILE_EXCL);
    await fsyncFile(dest);
    for (let dir = path.dirname(dest); dir !== staging; dir = path.dirname(dir)) folders.add(dir);
    onProgress((done += f.size), total);
  }
  for (const dir of [...folders].sort((a, b) => b.length - a.length)) await fsyncFolder(dir);
}

export interface MovedFolder {
  from: string;
  to: string;
  files: number;
  bytes: number;
}

export function moveDataFolder(db: Database.Database, fromDir: string, toDir: string, onProgress: MoveProgress = () => {}): Promise<MovedFolder> {
  const from = path.resolve(fromDir);
  const to = path.resolve(toDir);
  return oneAtATime(from, async () => {
    const files: FileToMove[] = [];
    for (const part of MOVED_PARTS) walk(from, part, files);
    const dbSize = fs.statSync(path.join(from, DB_FILE_NAME)).size;
    const total = files.reduce((sum, f) => sum + f.size, 0) + dbSize;
    const refusal = moveRefusal(await gatherMoveFacts(from, to, total + FREE_SPACE_MARGIN_BYTES));
    if (refusal) throw new AppFailure('INVALID_INPUT', refusal);
    const staging = path.join(path.dirname(to), `${path.basename(to)}${MOVE_STAGING_MARK}${crypto.randomBytes(4).toString('hex')}`);
    await fs.promises.mkdir(staging, { recursive: true });
    try {
      const { temp: copy } = await writeVerifiedCopy(db, staging);
      await renameWithRetry(copy, path.join(staging, DB_FILE_NAME));
      onProgress(dbSize, total);
      await copyInto(staging, from, files, onProgress, total, dbSize);
      await verifyCopy(staging, files);
      if (fs.existsSync(to)) await fs.promises.rmdir(to);
      await renameWithRetry(staging, to);
      await fsyncFolder(path.dirname(to));
    } catch (err) {
      await fs.promises.rm(staging, { recursive: true, force: true });
      throw err;
    }
    return { from, to, files: files.length, bytes: total };
  });
}

/** After the new folder is recorded as the chosen one: the old folder says where the data went. */
export async function leaveMovedNote(from: string, to: string, now: string): Promise<void> {
  const text = `Dữ liệu của ứng dụng tự đánh giá Chỉ số CCHC đã được chuyển sang:\r\n${to}\r\nlúc ${now}, đã kiểm tra đủ mọi tệp (mã SHA-256) và cơ sở dữ liệu.\r\n\r\nThư mục này được giữ nguyên để dự phòng; ứng dụng không dùng nó nữa. Khi ứng dụng đã chạy tốt trên thư mục mới, có thể xóa thư mục này.\r\n`;
  await fs.promises.writeFile(path.join(from, MOVED_NOTE), text, 'utf8');
}
