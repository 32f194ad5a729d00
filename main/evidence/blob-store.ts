/**
 * Content-addressed blob files: `<data>/evidence/blobs/<first 2 hex>/<sha-256>`. A file appears
 * under its final name only whole and durable: it is written to `<data>/evidence/tmp/` (same file
 * system), fsynced, closed, renamed, and the folder is fsynced. After a crash, partial files can
 * only be in tmp/, which `cleanTempFolder` empties at startup. The DB row for a blob is written
 * only after `publishBlob` has returned, and `publishBlob` notes the blob in the database's blob
 * journal before the rename: a file left without a row by a crash is known to be this database's
 * own, and only such a file is ever swept (garbage.ts).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { noteBlob, refreshNotedBlob } from '../store/queries/blob-journal';
import { SHA256_HEX } from '../../shared/domain/sha256';

const RENAME_RETRIES = 8;
const RENAME_RETRY_MS = 60;
/** Errors an antivirus or indexer holding the file causes on Windows: worth a retry. */
const TRANSIENT_RENAME_ERRORS = new Set(['EACCES', 'EPERM', 'EBUSY']);
/** Folders cannot be opened for fsync on Windows (EPERM/EISDIR); there the rename is already durable enough. */
const UNSYNCABLE_FOLDER_ERRORS = new Set(['EPERM', 'EISDIR', 'EINVAL', 'EACCES']);

export const evidenceDir = (dataDir: string): string => path.join(dataDir, 'evidence');
export const blobsDir = (dataDir: string): string => path.join(evidenceDir(dataDir), 'blobs');
export const tempDir = (dataDir: string): string => path.join(evidenceDir(dataDir), 'tmp');

export const isBlobHash = (hash: string): boolean => SHA256_HEX.test(hash);

export function blobPath(dataDir: string, hash: string): string {
  if (!isBlobHash(hash)) throw new Error(`not a blob hash (64 lowercase hex digits): ${JSON.stringify(hash)}`);
  return path.join(blobsDir(dataDir), hash.slice(0, 2), hash);
}

const errnoCode = (err: unknown): string | undefined =>
  err instanceof Error && 'code' in err && typeof err.code === 'string' ? err.code : undefined;

/** Size of the blob file, or undefined when it is not there. */
export function blobFileSize(dataDir: string, hash: string): number | undefined {
  try {
    return fs.statSync(blobPath(dataDir, hash)).size;
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return undefined;
    throw err;
  }
}

export const hasBlob = (dataDir: string, hash: string): boolean => blobFileSize(dataDir, hash) !== undefined;

/** Synchronous on purpose: garbage collection deletes rows and files in one uninterrupted step. */
export function removeBlobFile(dataDir: string, hash: string): boolean {
  try {
    fs.unlinkSync(blobPath(dataDir, hash));
    return true;
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return false;
    throw err;
  }
}

export interface TempFile {
  file: string;
  handle: fs.promises.FileHandle;
}

/** Creates a new temp file under tmp/ (and the folder, the first time) and opens it for writing. */
export async function createTempFile(dataDir: string): Promise<TempFile> {
  const file = path.join(tempDir(dataDir), `${crypto.randomBytes(12).toString('hex')}.part`);
  try {
    return { file, handle: await fs.promises.open(file, 'wx') };
  } catch (err) {
    if (errnoCode(err) !== 'ENOENT') throw err;
    await fs.promises.mkdir(tempDir(dataDir), { recursive: true });
    return { file, handle: await fs.promises.open(file, 'wx') };
  }
}

/** Startup: partial files left by a crash. Returns how many were removed. Never call it while an import runs. */
export async function cleanTempFolder(dataDir: string): Promise<number> {
  let names: string[];
  try {
    names = await fs.promises.readdir(tempDir(dataDir));
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return 0;
    throw err;
  }
  await Promise.all(names.map((name) => fs.promises.rm(path.join(tempDir(dataDir), name), { force: true, recursive: true })));
  return names.length;
}

export async function removeTempFile(file: string): Promise<void> {
  await fs.promises.rm(file, { force: true });
}

/** fsync a folder so a rename or a new entry in it survives power loss. Opening and closing a
 *  local folder take microseconds: done synchronously, they spare two thread-pool round trips
 *  (each a tenth of a millisecond or more on a busy machine); only the fsync runs off the thread. */
export async function fsyncFolder(dir: string): Promise<void> {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    await fsyncFd(fd);
  } catch (err) {
    if (!UNSYNCABLE_FOLDER_ERRORS.has(errnoCode(err) ?? '')) throw err;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

const fsyncFd = (fd: number): Promise<void> => new Promise((resolve, reject) => fs.fsync(fd, (err) => (err ? reject(err) : resolve())));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.promises.rename(from, to);
      return;
    } catch (err) {
      if (attempt >= RENAME_RETRIES || !TRANSIENT_RENAME_ERRORS.has(errnoCode(err) ?? '')) throw err;
      await sleep(RENAME_RETRY_MS * (attempt + 1));
    }
  }
}

/** mkdir -p for the shard folder; a folder created here is made durable in its parent. */
async function ensureShard(dataDir: string, shard: string): Promise<void> {
  const created = await fs.promises.mkdir(shard, { recursive: true });
  if (created === undefined) return;
  await fsyncFolder(blobsDir(dataDir));
  await fsyncFolder(evidenceDir(dataDir));
}

/**
 * True when a whole blob of this content is stored already. If the journal holds it (a file this
 * database published and has no row for yet), its time is refreshed so the sweep (journaled files
 * without a row, older than an hour) cannot take it while its row is being written. A file the
 * journal does not hold is never swept, so it is not noted here. Only a shield: the check inside
 * the row's transaction is the guarantee.
 */
export async function reuseStoredBlob(db: Database.Database, dataDir: string, hash: string, size: number): Promise<boolean> {
  if (blobFileSize(dataDir, hash) !== size) return false;
  refreshNotedBlob(db, hash, Date.now());
  return true;
}

/**
 * Moves a complete, fsynced and closed temp file to its final name and makes the rename durable.
 * When a whole blob with that name is already there (same content), the temp file is deleted
 * instead (reuseStoredBlob). Otherwise the blob is noted in the journal (committed) before the
 * rename, so a crash before its row leaves a file the sweep knows to be this database's own.
 */
export async function publishBlob(db: Database.Database, dataDir: string, tempFile: string, hash: string, size: number): Promise<{ existed: boolean }> {
  const final = blobPath(dataDir, hash);
  if (await reuseStoredBlob(db, dataDir, hash, size)) {
    await removeTempFile(tempFile);
    return { existed: true };
  }
  noteBlob(db, hash, Date.now());
  try {
    await renameWithRetry(tempFile, final);
  } catch (err) {
    if (errnoCode(err) !== 'ENOENT' || !fs.existsSync(tempFile)) throw err;
    await ensureShard(dataDir, path.dirname(final)); // the first blob of this shard
    await renameWithRetry(tempFile, final);
  }
  await fsyncFolder(path.dirname(final));
  return { existed: false };
}
