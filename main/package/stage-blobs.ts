/**
 * Bringing the evidence bytes of a package into the blob store BEFORE the import's transaction:
 * each needed entry is streamed straight from the zip (no extraction folder) through the same
 * steps as importEvidenceFile (display-name sanitising, extension allowlist, content signature,
 * size limit, free-space check, temp file + fsync + rename). Its SHA-256 must be the one the
 * verified manifest gave. A blob that is already stored is not read again. A crash or a refusal
 * here leaves at most blobs without rows, which garbage collection removes.
 */
import fs from 'node:fs';
import type { Entry } from 'yauzl';
import { AppFailure } from '../../shared/api/result';
import type { HandlerContext } from '../context/handler-context';
import { blobFileSize, blobPath, publishBlob, removeTempFile } from '../evidence/blob-store';
import { sanitizeDisplayName } from '../../shared/files/file-names';
import { checkExtension, detectType, HEAD_BYTES } from '../../shared/files/file-types';
import { FREE_SPACE_MARGIN_BYTES } from '../evidence/import-file';
import { diskFull, unsupportedType } from '../evidence/import-failures';
import { streamToTemp } from '../evidence/stream-to-temp';
import { entryBytes, type OpenPackage } from './entry-stream';
import type { NeededFile } from './import-plan';
import { openCheckedZip } from './zip-reader';

export interface StagedBlob {
  hash: string;
  size: number;
  mediaType: string;
}

const changedDuringImport = (path: string): AppFailure =>
  new AppFailure('FILE_CHANGED', `Tệp gói đã thay đổi trong khi nhập (nội dung của ${JSON.stringify(path)} không còn khớp bảng kê); không có gì được nhập. Hãy thử lại.`);

/** The sanitized display name, refused early when its extension is not on the allowlist. */
export function storedDisplayName(file: Pick<NeededFile, 'displayName'>): string {
  const name = sanitizeDisplayName(file.displayName);
  const ext = checkExtension(name);
  if (!ext.ok) throw unsupportedType(ext.message);
  return name;
}

async function readHead(file: string): Promise<Buffer> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const head = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(head, 0, HEAD_BYTES, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** A blob already in the store: its type comes from its own first bytes, as for a new one. */
async function existingBlob(dataDir: string, f: NeededFile): Promise<StagedBlob> {
  const detected = detectType(storedDisplayName(f), await readHead(blobPath(dataDir, f.hash)));
  if (!detected.ok) throw unsupportedType(detected.message);
  return { hash: f.hash, size: f.size, mediaType: detected.mediaType };
}

async function streamedBlob(ctx: HandlerContext, pkg: OpenPackage, entries: Map<string, Entry>, f: NeededFile): Promise<StagedBlob> {
  const entry = entries.get(f.path);
  if (!entry) throw changedDuringImport(f.path);
  const streamed = await streamToTemp(ctx.dataDir, entryBytes(pkg, entry), { fileName: storedDisplayName(f), maxBytes: ctx.maxEvidenceBytes, total: f.size });
  try {
    if (streamed.hash !== f.hash || streamed.size !== f.size) throw changedDuringImport(f.path);
    await publishBlob(ctx.db, ctx.dataDir, streamed.tempFile, streamed.hash, streamed.size);
  } catch (err) {
    await removeTempFile(streamed.tempFile);
    throw err;
  }
  return { hash: f.hash, size: f.size, mediaType: streamed.mediaType };
}

async function checkFreeSpace(dataDir: string, bytes: number): Promise<void> {
  const stats = await fs.promises.statfs(dataDir);
  const available = stats.bavail * stats.bsize;
  if (available < bytes + FREE_SPACE_MARGIN_BYTES) throw diskFull(bytes + FREE_SPACE_MARGIN_BYTES, available);
}

/** Every needed file durable in the blob store; returns them by hash. */
export async function stageBlobs(ctx: HandlerContext, packageFile: string, files: NeededFile[]): Promise<Map<string, StagedBlob>> {
  for (const f of files) storedDisplayName(f);
  const staged = new Map<string, StagedBlob>();
  const missing = files.filter((f) => blobFileSize(ctx.dataDir, f.hash) !== f.size);
  const stored = files.filter((f) => blobFileSize(ctx.dataDir, f.hash) === f.size);
  for (const f of stored) staged.set(f.hash, await existingBlob(ctx.dataDir, f));
  if (missing.length === 0) return staged;
  await checkFreeSpace(ctx.dataDir, missing.reduce((sum, f) => sum + f.size, 0));
  const { entries, ...pkg } = await openCheckedZip(packageFile);
  try {
    const byName = new Map(entries.map((e) => [e.fileName, e]));
    const inOrder = [...missing].sort((a, b) => (byName.get(a.path)?.relativeOffsetOfLocalHeader ?? 0) - (byName.get(b.path)?.relativeOffsetOfLocalHeader ?? 0));
    for (const f of inOrder) staged.set(f.hash, await streamedBlob(ctx, pkg, byName, f));
  } finally {
    pkg.zip.close();
  }
  return staged;
}
