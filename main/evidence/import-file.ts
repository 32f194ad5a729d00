/**
 * Importing one evidence file: from a path chosen in the system dialog (Electron) or from an
 * upload's chunks (web mode), into the content-addressed store, then its row.
 *
 * Order matters for crash safety: copy to tmp/ (hashing) → fsync → rename to the blob's final
 * name → fsync the folder → ONLY THEN the DB transaction (blob row, file row, search text),
 * possibly shared with other imports that reached the same point (commit-queue.ts). A crash before
 * the commit leaves at most a temp file (removed at startup) or a blob without a row, noted in
 * the blob journal (swept after an hour); never a row without its blob.
 *
 * Three ways in: a small file by path is read whole, hashed and written only if new
 * (small-file.ts); a large one streams through the hash worker (path-to-temp.ts); an upload
 * streams as it arrives (stream-to-temp.ts).
 */
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { SMALL_EVIDENCE_FILE_BYTES, type ImportedFile } from '../../shared/api/evidence-entities';
import { blobFileSize, publishBlob, removeTempFile } from './blob-store';
import { commitWithOthers } from './commit-queue';
import { requireEditableItem } from './editable-item';
import { sanitizeDisplayName } from '../../shared/files/file-names';
import { checkExtension } from '../../shared/files/file-types';
import { pathToTemp } from './path-to-temp';
import { checkSmallRead, discardTemp, openTempEarly, publishBytes, type SmallFile } from './small-file';
import { readSmallOnWorker, type SmallRead, type SourceStat } from './hash-worker';
import {
  blobVanished,
  cancelled,
  diskFull,
  emptyFile,
  fileChanged,
  itemNotFound,
  notAFile,
  sourceNotFound,
  tooLarge,
  unsupportedType,
} from './import-failures';
import { streamToTemp, type StreamedFile } from './stream-to-temp';
import { sqliteCode } from '../store/statements';
import { itemExists, refreshSearchText, touchItem } from '../store/queries/evidence';
import { forgetBlob } from '../store/queries/blob-journal';
import { findFileOnItem, insertBlobIfMissing, insertFile, itemsHoldingBlob } from '../store/queries/evidence-files';
import { recordChange, recordInEach } from '../history/record';
import { assessmentsLinking } from '../store/queries/history';

export type { ImportedFile } from '../../shared/api/evidence-entities';

export const DEFAULT_MAX_EVIDENCE_BYTES = 500 * 1024 * 1024;
/** Free space kept beyond the file itself (the database, its WAL, the OS). */
export const FREE_SPACE_MARGIN_BYTES = 64 * 1024 * 1024;

export interface ImportRequest {
  itemId: number;
  /** The assessment the officer adds the file from: checked before a byte is read and again inside
   *  the commit (the officer may lock it while a large file is being copied). */
  assessmentId?: number;
  /** As given by the dialog or the browser; sanitized before use. */
  fileName: string;
  /** A path chosen in a system dialog, or the chunks of an upload (not reused after being yielded). */
  source: AsyncIterable<Uint8Array> | string;
  /** Size announced by an upload (Content-Length); a path's size comes from stat. */
  declaredSize?: number;
  signal?: AbortSignal;
  /** Called inside the commit, after the signal's last check: from here on the file is stored. */
  onCommitting?: () => void;
  onProgress?: (bytesDone: number, bytesTotal: number | null) => void;
  maxBytes?: number;
  now: string;
}

/** The source's stat as the worker found it: missing and not-a-file are refused here. */
function sourceStat(read: SmallRead, name: string): SourceStat {
  if (read.kind === 'missing') throw sourceNotFound(name);
  if (!read.before.isFile) throw notAFile(name);
  return read.before;
}

function checkExpectedSize(size: number | null, maxBytes: number): void {
  if (size === null) return;
  if (size <= 0) throw emptyFile();
  if (size > maxBytes) throw tooLarge(maxBytes);
}

/** Free bytes where temp files and blobs live (the data folder, created on first use by openDatabase). */
async function availableBytes(dataDir: string): Promise<number> {
  const stats = await fs.promises.statfs(dataDir);
  return stats.bavail * stats.bsize;
}

/** Free space for the file plus a margin, checked before a byte is copied: a large import never
 *  fills the disk half-way. */
function checkFreeSpace(available: number, size: number | null): void {
  const needed = (size ?? 0) + FREE_SPACE_MARGIN_BYTES;
  if (available < needed) throw diskFull(needed, available);
}

/** What the row needs once the blob is durable under its final name. */
type Published = Pick<StreamedFile, 'hash' | 'size' | 'mediaType'>;

/** The source checked afterwards (a path's stat, an upload's declared size), then published. */
async function publishTemp(db: Database.Database, dataDir: string, streamed: StreamedFile, verify: () => Promise<void>, signal: AbortSignal | undefined): Promise<Published> {
  try {
    await verify();
    if (signal?.aborted) throw cancelled();
    await publishBlob(db, dataDir, streamed.tempFile, streamed.hash, streamed.size);
    return streamed;
  } catch (err) {
    await removeTempFile(streamed.tempFile);
    throw err;
  }
}

/**
 * A path: stat before and after; size, mtime and bytes read must all agree. The worker stats the
 * file and, if small, reads and hashes it in the same round trip (small-file.ts), while the free
 * space is looked up and the temp file created (removed again if unused); a large file streams
 * through the hash worker (path-to-temp.ts).
 */
async function importPath(db: Database.Database, dataDir: string, file: string, displayName: string, req: ImportRequest, maxBytes: number): Promise<Published> {
  const temp = openTempEarly(dataDir);
  let before: SourceStat;
  let small: SmallFile | undefined;
  try {
    const [read, available] = await Promise.all([readSmallOnWorker(file, Math.min(SMALL_EVIDENCE_FILE_BYTES, maxBytes)), availableBytes(dataDir)]);
    before = sourceStat(read, displayName);
    checkExpectedSize(before.size, maxBytes);
    checkFreeSpace(available, before.size);
    if (req.signal?.aborted) throw cancelled();
    if (read.kind === 'read' || read.kind === 'unreadable') small = checkSmallRead(read, displayName);
  } catch (err) {
    await discardTemp(temp);
    throw err;
  }
  const size = before.size;
  if (small) {
    req.onProgress?.(size, size);
    await publishBytes(db, dataDir, small.hash, small.bytes, temp);
    return { hash: small.hash, size, mediaType: small.mediaType };
  }
  const opts = { fileName: displayName, maxBytes, total: size, signal: req.signal, onProgress: req.onProgress, expectedSize: size };
  const streamed = await pathToTemp(file, opts, temp);
  const verify = async () => {
    const after = await fs.promises.stat(file).catch(() => undefined);
    const same = after !== undefined && after.size === size && after.mtimeMs === before.mtimeMs;
    if (!same || streamed.size !== size) throw fileChanged();
  };
  return publishTemp(db, dataDir, streamed, verify, req.signal);
}

/** An upload: its chunks as they come; its length must match what it announced. */
async function importStream(db: Database.Database, dataDir: string, chunks: AsyncIterable<Uint8Array>, displayName: string, req: ImportRequest, maxBytes: number): Promise<Published> {
  checkFreeSpace(await availableBytes(dataDir), req.declaredSize ?? null);
  if (req.signal?.aborted) throw cancelled();
  const streamed = await streamToTemp(dataDir, chunks, { fileName: displayName, maxBytes, total: req.declaredSize ?? null, signal: req.signal, onProgress: req.onProgress });
  const verify = async () => {
    if (req.declaredSize !== undefined && streamed.size !== req.declaredSize) throw fileChanged();
  };
  return publishTemp(db, dataDir, streamed, verify, req.signal);
}

interface Recorded {
  assessmentId: number | undefined;
  published: Published;
  displayName: string;
  itemId: number;
  now: string;
  signal: AbortSignal | undefined;
  onCommitting: (() => void) | undefined;
}

/** The row, once the blob is durable; run inside a transaction (commit-queue.ts). The blob file is
 *  checked inside it (sync), so a garbage collection that removed it meanwhile cannot leave a row
 *  pointing to nothing. */
function recordImport(db: Database.Database, dataDir: string, r: Recorded): ImportedFile {
  const { hash, size, mediaType } = r.published;
  requireTarget(db, r.itemId, r.assessmentId);
  if (r.signal?.aborted) throw cancelled(); // the blob stays without a row; the orphan sweep removes it
  r.onCommitting?.();
  if (blobFileSize(dataDir, hash) !== size) throw blobVanished();
  const newBlob = insertBlobIfMissing(db, hash, size, r.now);
  forgetBlob(db, hash);
  const existing = findFileOnItem(db, r.itemId, hash);
  const file = existing ?? insertFile(db, { itemId: r.itemId, hash, displayName: r.displayName, mediaType, size, addedAt: r.now });
  if (!existing) {
    refreshSearchText(db, r.itemId);
    touchItem(db, r.itemId, r.now);
    const added = { kind: 'file' as const, action: 'add', itemId: r.itemId, after: { fileName: file.displayName, size, sha256: hash } };
    if (r.assessmentId !== undefined) recordChange(db, { ...added, assessmentId: r.assessmentId }, r.now);
    else recordInEach(db, assessmentsLinking(db, r.itemId), added, r.now);
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
}

/** The item can take a file: it exists, and when the import comes from an assessment, that one is
 *  not locked and the item may change from it (editable-item.ts). Checked before and at the commit. */
function requireTarget(db: Database.Database, itemId: number, assessmentId: number | undefined): void {
  if (assessmentId !== undefined) requireEditableItem(db, assessmentId, itemId);
  else if (!itemExists(db, itemId)) throw itemNotFound();
}

export async function importEvidenceFile(db: Database.Database, dataDir: string, req: ImportRequest): Promise<ImportedFile> {
  requireTarget(db, req.itemId, req.assessmentId);
  const displayName = sanitizeDisplayName(req.fileName);
  const ext = checkExtension(displayName);
  if (!ext.ok) throw unsupportedType(ext.message);
  const maxBytes = req.maxBytes ?? DEFAULT_MAX_EVIDENCE_BYTES;
  checkExpectedSize(req.declaredSize ?? null, maxBytes);
  const published =
    typeof req.source === 'string'
      ? await importPath(db, dataDir, req.source, displayName, req, maxBytes)
      : await importStream(db, dataDir, req.source, displayName, req, maxBytes);
  try {
    return await commitWithOthers(db, () => recordImport(db, dataDir, {
        assessmentId: req.assessmentId,
        published,
        displayName,
        itemId: req.itemId,
        now: req.now,
        signal: req.signal,
        onCommitting: req.onCommitting,
      }));
  } catch (err) {
    // The blob stays without a row, noted in the journal; the sweep removes it after an hour.
    throw sqliteCode(err) === 'SQLITE_FULL' ? diskFull() : err;
  }
}
