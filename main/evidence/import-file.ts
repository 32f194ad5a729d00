/**
 * Importing one evidence file: from a path chosen in the system dialog (Electron) or from an
 * upload's chunks (web mode), into the content-addressed store, then its row.
 *
 * Order matters for crash safety: stream to tmp/ (hashing) → fsync → rename to the blob's final
 * name → fsync the folder → ONLY THEN one DB transaction (blob row, file row, search text). A crash
 * before the commit leaves at most a temp file (removed at startup) or a blob without a row (swept
 * by garbage collection after an hour); never a row without its blob.
 */
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import type { ImportedFile } from '../../shared/api/evidence-entities';
import { blobFileSize, publishBlob, removeTempFile } from './blob-store';
import { sanitizeDisplayName } from './file-names';
import { checkExtension } from './file-types';
import { readFileChunks } from './read-file-chunks';
import {
  blobVanished,
  cancelled,
  diskFull,
  emptyFile,
  fileChanged,
  isMissingFileError,
  itemNotFound,
  notAFile,
  sourceNotFound,
  tooLarge,
  unsupportedType,
} from './import-failures';
import { streamToTemp, type StreamedFile } from './stream-to-temp';
import { sqliteCode } from '../store/statements';
import { itemExists, refreshSearchText, touchItem } from '../store/queries/evidence';
import { findFileOnItem, insertBlobIfMissing, insertFile, itemsHoldingBlob } from '../store/queries/evidence-files';

export type { ImportedFile } from '../../shared/api/evidence-entities';

export const DEFAULT_MAX_EVIDENCE_BYTES = 500 * 1024 * 1024;
/** Free space kept beyond the file itself (the database, its WAL, the OS). */
export const FREE_SPACE_MARGIN_BYTES = 64 * 1024 * 1024;
/** Big reads: SHA-256 over the default 64 KiB chunks is 2–3× slower (TOOLCHAIN.md). */
export const READ_CHUNK_BYTES = 4 * 1024 * 1024;

export interface ImportRequest {
  itemId: number;
  /** As given by the dialog or the browser; sanitized before use. */
  fileName: string;
  /** A path chosen in a system dialog, or the chunks of an upload (not reused after being yielded). */
  source: AsyncIterable<Uint8Array> | string;
  /** Size announced by an upload (Content-Length); a path's size comes from stat. */
  declaredSize?: number;
  signal?: AbortSignal;
  onProgress?: (bytesDone: number, bytesTotal: number | null) => void;
  maxBytes?: number;
  now: string;
}

/** Where the bytes come from, and how to check afterwards that they did not change meanwhile. */
interface Origin {
  /** Opened only once every check has passed. */
  open: () => AsyncIterable<Uint8Array>;
  expectedSize: number | null;
  verify: (bytesRead: number) => Promise<void>;
}

async function statSource(file: string, name: string): Promise<fs.Stats> {
  try {
    const stat = await fs.promises.stat(file);
    if (!stat.isFile()) throw notAFile(name);
    return stat;
  } catch (err) {
    if (isMissingFileError(err)) throw sourceNotFound(name);
    throw err;
  }
}

/** A path: stat before and after; size, mtime and bytes read must all agree. */
async function pathOrigin(file: string, name: string): Promise<Origin> {
  const before = await statSource(file, name);
  const verify = async (bytesRead: number) => {
    const after = await fs.promises.stat(file).catch(() => undefined);
    const same = after !== undefined && after.size === before.size && after.mtimeMs === before.mtimeMs;
    if (!same || bytesRead !== before.size) throw fileChanged();
  };
  const open = () => readFileChunks(file, READ_CHUNK_BYTES);
  return { open, expectedSize: before.size, verify };
}

function iterableOrigin(chunks: AsyncIterable<Uint8Array>, declaredSize: number | undefined): Origin {
  const verify = async (bytesRead: number) => {
    if (declaredSize !== undefined && bytesRead !== declaredSize) throw fileChanged();
  };
  return { open: () => chunks, expectedSize: declaredSize ?? null, verify };
}

function checkExpectedSize(size: number | null, maxBytes: number): void {
  if (size === null) return;
  if (size <= 0) throw emptyFile();
  if (size > maxBytes) throw tooLarge(maxBytes);
}

/** statfs of the data folder (created on first use by openDatabase): temp files and blobs live there. */
async function checkFreeSpace(dataDir: string, size: number | null): Promise<void> {
  const stats = await fs.promises.statfs(dataDir);
  const available = stats.bavail * stats.bsize;
  const needed = (size ?? 0) + FREE_SPACE_MARGIN_BYTES;
  if (available < needed) throw diskFull(needed, available);
}

async function readIntoTemp(dataDir: string, origin: Origin, displayName: string, req: ImportRequest, maxBytes: number): Promise<StreamedFile> {
  const streamed = await streamToTemp(dataDir, origin.open(), {
    fileName: displayName,
    maxBytes,
    total: origin.expectedSize,
    signal: req.signal,
    onProgress: req.onProgress,
  });
  try {
    await origin.verify(streamed.size);
    if (req.signal?.aborted) throw cancelled();
    return streamed;
  } catch (err) {
    await removeTempFile(streamed.tempFile);
    throw err;
  }
}

interface Recorded {
  streamed: StreamedFile;
  displayName: string;
  itemId: number;
  now: string;
}

/** The one transaction after the blob is durable. The blob file is checked inside it (sync), so a
 *  garbage collection that removed it meanwhile cannot leave a row pointing to nothing. */
function recordImport(db: Database.Database, dataDir: string, r: Recorded): ImportedFile {
  const { hash, size, mediaType } = r.streamed;
  return db.transaction((): ImportedFile => {
    if (!itemExists(db, r.itemId)) throw itemNotFound();
    if (blobFileSize(dataDir, hash) !== size) throw blobVanished();
    const newBlob = insertBlobIfMissing(db, hash, size, r.now);
    const existing = findFileOnItem(db, r.itemId, hash);
    const file = existing ?? insertFile(db, { itemId: r.itemId, hash, displayName: r.displayName, mediaType, size, addedAt: r.now });
    if (!existing) {
      refreshSearchText(db, r.itemId);
      touchItem(db, r.itemId, r.now);
    }
    return {
      fileId: file.id,
      itemId: r.itemId,
      displayName: file.displayName,
      mediaType: file.mediaType,
      size,
      hash,
      deduplicated: !newBlob || existing !== undefined,
      alreadyOnItems: itemsHoldingBlob(db, hash, r.itemId),
    };
  })();
}

export async function importEvidenceFile(db: Database.Database, dataDir: string, req: ImportRequest): Promise<ImportedFile> {
  if (!itemExists(db, req.itemId)) throw itemNotFound();
  const displayName = sanitizeDisplayName(req.fileName);
  const ext = checkExtension(displayName);
  if (!ext.ok) throw unsupportedType(ext.message);
  const maxBytes = req.maxBytes ?? DEFAULT_MAX_EVIDENCE_BYTES;
  checkExpectedSize(req.declaredSize ?? null, maxBytes);
  const origin = typeof req.source === 'string' ? await pathOrigin(req.source, displayName) : iterableOrigin(req.source, req.declaredSize);
  checkExpectedSize(origin.expectedSize, maxBytes);
  await checkFreeSpace(dataDir, origin.expectedSize);
  if (req.signal?.aborted) throw cancelled();
  const streamed = await readIntoTemp(dataDir, origin, displayName, req, maxBytes);
  try {
    await publishBlob(dataDir, streamed.tempFile, streamed.hash, streamed.size);
  } catch (err) {
    await removeTempFile(streamed.tempFile);
    throw err;
  }
  try {
    return recordImport(db, dataDir, { streamed, displayName, itemId: req.itemId, now: req.now });
  } catch (err) {
    // The blob stays without a row; the orphan sweep removes it after an hour.
    throw sqliteCode(err) === 'SQLITE_FULL' ? diskFull() : err;
  }
}
