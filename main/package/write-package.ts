/**
 * Writing a package: yazl streams the entries into a temp file beside the target, which is then
 * fsynced and renamed (atomic: the target is either the old file or the whole new one). Evidence
 * is streamed from the blob store one file at a time (addReadStreamLazy), hashed on the way, and
 * compared with its blob name: a damaged blob aborts the export and nothing is left behind.
 * Memory does not grow with the evidence size. Already-compressed types are stored, others deflated.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { AppFailure } from '../../shared/api/result';
import { blobFileSize, blobPath, fsyncFolder, renameWithRetry } from '../evidence/blob-store';
import { FREE_SPACE_MARGIN_BYTES } from '../evidence/import-file';
import { diskFull } from '../evidence/import-failures';
import { useNativeCrc32ForYazl } from './fast-crc32';
import { MANIFEST_PATH, shouldCompress, STREAM_CHUNK_BYTES } from './format';
import type { EvidenceEntry, PackageContent } from './package-content';
import type { Manifest, ManifestFile } from './package-schema';

/** What the writer streams: a manifest (its `files` are filled in here), small in-memory entries and
 *  files streamed from disk (blobs, or the database copy of a data archive: main/backup). */
export interface ZipContent<M extends { createdAt: string }> {
  manifest: M;
  buffers: { path: string; bytes: Buffer }[];
  evidence: EvidenceEntry[];
}

export interface WrittenPackage<M extends { createdAt: string } = Omit<Manifest, 'files'>> {
  size: number;
  manifest: M & { files: ManifestFile[] };
}

const sha256 = (bytes: Buffer): string => crypto.createHash('sha256').update(bytes).digest('hex');

function blobMissing(e: EvidenceEntry): AppFailure {
  return new AppFailure('NOT_FOUND', `Tệp kiểm chứng "${e.displayName}" không còn trong kho dữ liệu; gói chưa được tạo. Hãy đính kèm lại tệp rồi xuất gói.`);
}

export function blobDamaged(e: EvidenceEntry): AppFailure {
  return new AppFailure(
    'FILE_CHANGED',
    `Tệp kiểm chứng "${e.displayName}" trong kho dữ liệu đã bị hỏng (nội dung không còn khớp mã SHA-256 ${e.hash.slice(0, 12)}…); gói chưa được tạo. Hãy khôi phục từ bản sao lưu hoặc đính kèm lại tệp.`,
  );
}

/** The file an entry's bytes are read from: its own source, else its blob. */
const sourceOf = (dataDir: string, e: EvidenceEntry): string => e.source ?? blobPath(dataDir, e.hash);

/** Every blob is there with its recorded size before anything is written. */
function checkBlobs(dataDir: string, evidence: EvidenceEntry[]): void {
  for (const e of evidence) {
    const size = e.source === undefined ? blobFileSize(dataDir, e.hash) : fs.statSync(e.source, { throwIfNoEntry: false })?.size;
    if (size === undefined) throw blobMissing(e);
    if (size !== e.size) throw blobDamaged(e);
  }
}

/** The evidence plus a margin must fit where the package is written: a full disk is refused before
 *  the first byte, not found half-way through. */
async function checkFreeSpace(dir: string, evidence: EvidenceEntry[]): Promise<void> {
  const needed = evidence.reduce((sum, e) => sum + e.size, 0) + FREE_SPACE_MARGIN_BYTES;
  const stats = await fs.promises.statfs(dir);
  if (stats.bavail * stats.bsize < needed) throw diskFull(needed, stats.bavail * stats.bsize);
}

/** Passes the bytes through and checks, at the end, that they hash to the blob's name. */
class BlobHashCheck extends Transform {
  private readonly hash = crypto.createHash('sha256');
  constructor(private readonly entry: EvidenceEntry) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    done(null, chunk);
  }
  override _flush(done: TransformCallback): void {
    done(this.hash.digest('hex') === this.entry.hash ? null : blobDamaged(this.entry));
  }
}

export function manifestFiles(content: Pick<PackageContent, 'buffers' | 'evidence'>): ManifestFile[] {
  return [
    ...content.buffers.map((b) => ({ path: b.path, size: b.bytes.length, sha256: sha256(b.bytes) })),
    ...content.evidence.map((e) => ({ path: e.path, size: e.size, sha256: e.hash })),
  ];
}

/** Adds the entries; `fail` aborts the whole write (pipe() does not carry errors to yazl). */
function fillZip(zip: yazl.ZipFile, dataDir: string, content: Pick<PackageContent, 'buffers' | 'evidence'>, manifest: { createdAt: string }, fail: (err: unknown) => void): void {
  const mtime = new Date(manifest.createdAt);
  zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'), MANIFEST_PATH, { mtime, compress: true });
  for (const b of content.buffers) zip.addBuffer(b.bytes, b.path, { mtime, compress: shouldCompress(b.path) });
  for (const e of content.evidence) {
    zip.addReadStreamLazy(e.path, { mtime, size: e.size, compress: e.compress ?? shouldCompress(e.path) }, (give) => {
      const source = fs.createReadStream(sourceOf(dataDir, e), { highWaterMark: STREAM_CHUNK_BYTES });
      const checked = new BlobHashCheck(e);
      source.on('error', (err) => fail((err as NodeJS.ErrnoException).code === 'ENOENT' ? blobMissing(e) : err));
      checked.on('error', fail);
      give(null, source.pipe(checked));
    });
  }
  zip.end();
}

/** Streams the zip into `temp` (created exclusively); `flush` fsyncs the data before the close. */
async function streamZipTo(temp: string, dataDir: string, content: Pick<PackageContent, 'buffers' | 'evidence'>, manifest: { createdAt: string }): Promise<number> {
  const zip = new yazl.ZipFile();
  const output = zip.outputStream as NodeJS.ReadableStream & { destroy(err?: Error): void };
  const fail = (err: unknown) => output.destroy(err instanceof Error ? err : new Error(String(err)));
  zip.on('error', fail);
  const sink = fs.createWriteStream(temp, { flags: 'wx', flush: true, highWaterMark: STREAM_CHUNK_BYTES });
  fillZip(zip, dataDir, content, manifest, fail);
  await pipeline(output, sink);
  return sink.bytesWritten;
}

function translateWriteError(err: unknown, target: string): unknown {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return new AppFailure('DISK_FULL', 'Ổ đĩa không đủ chỗ trống để ghi gói hồ sơ. Hãy giải phóng dung lượng rồi thử lại.');
  if (code === 'EBUSY' || code === 'EPERM' || code === 'EACCES') {
    return new AppFailure('CONFLICT', `Không ghi được tệp "${path.basename(target)}": tệp đang mở trong chương trình khác. Hãy đóng tệp rồi xuất lại.`);
  }
  return err;
}

/** Streams the package (or a data archive) to `target` atomically; returns its size and the manifest written. */
export async function writePackage<M extends { createdAt: string }>(target: string, dataDir: string, content: ZipContent<M>): Promise<WrittenPackage<M>> {
  useNativeCrc32ForYazl();
  checkBlobs(dataDir, content.evidence);
  const manifest = { ...content.manifest, files: manifestFiles(content) };
  const dir = path.dirname(target);
  await fs.promises.mkdir(dir, { recursive: true });
  await checkFreeSpace(dir, content.evidence);
  const temp = path.join(dir, `.${path.basename(target)}.${crypto.randomBytes(6).toString('hex')}.tmp`);
  try {
    const size = await streamZipTo(temp, dataDir, content, manifest);
    await renameWithRetry(temp, target);
    await fsyncFolder(dir);
    return { size, manifest };
  } catch (err) {
    await fs.promises.rm(temp, { force: true });
    throw translateWriteError(err, target);
  }
}
