/**
 * Importing a SMALL file chosen by path (at most SMALL_EVIDENCE_FILE_BYTES, so memory stays bounded): it is
 * read whole and hashed on the worker (hash-worker.ts: one round trip), checked (size unchanged,
 * content signature) BEFORE anything is written, and then written only when the store does not
 * hold that content yet: a re-imported document costs no write and no fsync at all. The written
 * bytes are the hashed bytes (the same buffer). The temp file is created while the worker reads.
 */
import type Database from 'better-sqlite3';
import { createTempFile, publishBlob, removeTempFile, reuseStoredBlob, type TempFile } from './blob-store';
import { detectType, type Previewable } from '../../shared/files/file-types';
import type { SmallRead } from './hash-worker';
import { diskFull, fileChanged, isDiskFullError, unsupportedType } from './import-failures';

export interface SmallFile {
  bytes: Buffer;
  hash: string;
  mediaType: string;
  previewable: Previewable;
}

/** The checks on what the worker read (readSmallOnWorker): the same size as at stat, stat
 *  unchanged afterwards, and the content signature — all before a byte is written. */
export function checkSmallRead(read: Extract<SmallRead, { kind: 'read' | 'unreadable' }>, fileName: string): SmallFile {
  if (read.kind === 'unreadable') throw fileChanged(); // it was there at stat
  const { before, after, bytes } = read;
  const type = detectType(fileName, bytes);
  if (!type.ok) throw unsupportedType(type.message);
  const same = after !== null && after.size === before.size && after.mtimeMs === before.mtimeMs;
  if (!same || bytes.length !== before.size) throw fileChanged();
  return { bytes, hash: read.hash, mediaType: type.mediaType, previewable: type.previewable };
}

/** A temp file created while the source is looked at and read (off the critical path). */
export function openTempEarly(dataDir: string): Promise<TempFile> {
  const opening = createTempFile(dataDir);
  opening.catch(() => {}); // awaited by publishBytes or discardTemp
  return opening;
}

/** The import failed before writing, or the content is stored already: the temp file goes. */
export async function discardTemp(opening: Promise<TempFile>): Promise<void> {
  const temp = await opening.catch(() => undefined);
  if (!temp) return;
  await temp.handle.close().catch(() => {});
  await removeTempFile(temp.file);
}

async function writeTemp(opening: Promise<TempFile>, bytes: Uint8Array): Promise<string> {
  const { file, handle } = await opening;
  try {
    for (let done = 0; done < bytes.length; ) done += (await handle.write(bytes, done, bytes.length - done, done)).bytesWritten;
    await handle.datasync();
  } catch (err) {
    await handle.close().catch(() => {});
    await removeTempFile(file);
    throw isDiskFullError(err) ? diskFull() : err;
  }
  try {
    await handle.close();
  } catch (err) {
    await removeTempFile(file);
    throw err;
  }
  return file;
}

/**
 * Makes `bytes` durable as the blob `hash` through the temp file `opening` (write, fsync, then
 * publishBlob: rename, folder fsync). When a whole blob of that content is there already
 * (reuseStoredBlob), nothing is written and the temp file is removed.
 */
export async function publishBytes(db: Database.Database, dataDir: string, hash: string, bytes: Uint8Array, opening: Promise<TempFile>): Promise<{ existed: boolean }> {
  if (await reuseStoredBlob(db, dataDir, hash, bytes.length)) {
    await discardTemp(opening);
    return { existed: true };
  }
  const tempFile = await writeTemp(opening, bytes);
  try {
    return await publishBlob(db, dataDir, tempFile, hash, bytes.length);
  } catch (err) {
    await removeTempFile(tempFile);
    throw err;
  }
}
