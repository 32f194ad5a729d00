/** Reading one entry of an untrusted zip: yauzl hands over the RAW bytes and the inflating happens
 *  here, so that the compressed bytes consumed and the bytes produced are both counted while
 *  streaming. The expansion ratio (POI's rule), the 4 GiB cap and the declared size are enforced
 *  on the real data, whatever the headers say; a short or damaged entry is refused. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { pipeline, Readable, Transform, type TransformCallback } from 'node:stream';
import zlib from 'node:zlib';
import type { Entry, ZipFile } from 'yauzl';
import { HEAD_BYTES } from '../../shared/files/file-types';
import { LIMITS, STREAM_CHUNK_BYTES } from './format';
import { msg, PackageRefusal } from './package-messages';

interface Counts {
  compressed: number;
  produced: number;
}

class CompressedCounter extends Transform {
  constructor(private readonly counts: Counts) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.counts.compressed += chunk.length;
    done(null, chunk);
  }
}

function checkProduced(entry: Entry, counts: Counts): void {
  const n = counts.produced;
  if (n > LIMITS.ratioGraceBytes && counts.compressed < n * LIMITS.minInflateRatio) throw new PackageRefusal(msg.bomb(entry.fileName), entry.fileName);
  if (n > LIMITS.maxEntryBytes) throw new PackageRefusal(msg.entryTooLarge(entry.fileName, n), entry.fileName);
  if (n > entry.uncompressedSize) throw new PackageRefusal(msg.sizeLie(entry.fileName), entry.fileName);
}

function checkEnd(entry: Entry, counts: Counts): void {
  if (counts.compressed !== entry.compressedSize) throw new PackageRefusal(msg.dataDamaged(entry.fileName), entry.fileName);
  if (counts.produced !== entry.uncompressedSize) throw new PackageRefusal(msg.sizeLie(entry.fileName), entry.fileName);
}

/** An open package: yauzl's handle (headers, bounds checks) and its path (for large reads). */
export interface OpenPackage {
  zip: ZipFile;
  file: string;
}

/** The entry's stored bytes. yauzl reads the local header and checks that the data lies inside
 *  the file; the bytes themselves are read here in 1 MiB chunks (yauzl's own stream reads 16 KiB
 *  at a time, which makes hashing four times slower). */
async function rawStream(pkg: OpenPackage, entry: Entry): Promise<Readable> {
  let start: number;
  try {
    start = (await pkg.zip.readLocalFileHeaderPromise(entry, { minimal: true })).fileDataStart;
  } catch {
    throw new PackageRefusal(msg.dataDamaged(entry.fileName), entry.fileName);
  }
  if (entry.compressedSize === 0) return Readable.from([]);
  return fs.createReadStream(pkg.file, { start, end: start + entry.compressedSize - 1, highWaterMark: STREAM_CHUNK_BYTES });
}

/** The entry's bytes, decompressed, as they come; throws a PackageRefusal on any rule. */
export async function* entryBytes(pkg: OpenPackage, entry: Entry): AsyncGenerator<Buffer> {
  const counts: Counts = { compressed: 0, produced: 0 };
  const raw = await rawStream(pkg, entry);
  const counter = new CompressedCounter(counts);
  const source: Readable = entry.compressionMethod === 8 ? pipeline(raw, counter, zlib.createInflateRaw(), () => {}) : pipeline(raw, counter, () => {});
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      counts.produced += chunk.length;
      checkProduced(entry, counts);
      yield chunk;
    }
  } catch (err) {
    if (err instanceof PackageRefusal) throw err;
    throw new PackageRefusal(msg.dataDamaged(entry.fileName), entry.fileName);
  } finally {
    source.destroy();
    raw.destroy();
  }
  checkEnd(entry, counts);
}

export interface EntryDigest {
  sha256: string;
  size: number;
  crcOk: boolean;
  /** The first HEAD_BYTES (for the type check of evidence). */
  head: Buffer;
  /** The whole content, only when asked for (small JSON documents). */
  bytes: Buffer | null;
}

/** Streams the entry once: SHA-256, CRC-32, its head, and (up to `keepUpTo` bytes) its content. */
export async function digestEntry(pkg: OpenPackage, entry: Entry, keepUpTo = 0): Promise<EntryDigest> {
  const hash = crypto.createHash('sha256');
  const kept: Buffer[] = [];
  const headParts: Buffer[] = [];
  let size = 0;
  let crc = 0;
  for await (const chunk of entryBytes(pkg, entry)) {
    hash.update(chunk);
    crc = zlib.crc32(chunk, crc);
    if (size < HEAD_BYTES) headParts.push(chunk.subarray(0, HEAD_BYTES - size));
    if (keepUpTo > 0 && size + chunk.length <= keepUpTo) kept.push(chunk);
    size += chunk.length;
  }
  const bytes = keepUpTo > 0 && size <= keepUpTo ? Buffer.concat(kept) : null;
  return { sha256: hash.digest('hex'), size, crcOk: crc >>> 0 === entry.crc32 >>> 0, head: Buffer.concat(headParts), bytes };
}
