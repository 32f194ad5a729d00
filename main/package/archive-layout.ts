/** The archive's layout against its central directory: every entry's LOCAL header must say what the
 *  central directory says (name bytes, flags, method, CRC-32, sizes, and the data descriptor when
 *  bit 3 defers them), and the entries must follow each other from byte 0 to the central directory
 *  with nothing before, between or after them. A tool that reads local headers (streaming
 *  extractors do) then sees exactly the files that were verified. */
import type { FileHandle } from 'node:fs/promises';
import type { Entry } from 'yauzl';
import { msg } from './package-messages';

const LOCAL_SIGNATURE = 0x04034b50;
const DESCRIPTOR_SIGNATURE = 0x08074b50;
const ZIP64_END_SIGNATURE = 0x06064b50;
const ZIP64_END_AND_LOCATOR = 56 + 20;
const END_RECORD = 22;
const DEFERRED_SIZES = 0x8;
const ZIP64_FIELD = 0x0001;
const UNICODE_PATH_FIELD = 0x7075;
const MARK32 = 0xffffffff;

export interface LocalHeader {
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  name: Buffer;
  extra: Buffer;
  dataStart: number;
}

async function readAt(fh: FileHandle, at: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await fh.read(buf, 0, length, at);
  return buf.subarray(0, bytesRead);
}

/** The extra field's records as id → body (the first of each id). */
export function extraRecords(extra: Buffer): Map<number, Buffer> {
  const out = new Map<number, Buffer>();
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (!out.has(id)) out.set(id, extra.subarray(at + 4, at + 4 + length));
    at += 4 + length;
  }
  return out;
}

export async function readLocalHeader(fh: FileHandle, at: number): Promise<LocalHeader | null> {
  const fixed = await readAt(fh, at, 30);
  if (fixed.length < 30 || fixed.readUInt32LE(0) !== LOCAL_SIGNATURE) return null;
  const nameLength = fixed.readUInt16LE(26);
  const extraLength = fixed.readUInt16LE(28);
  const rest = await readAt(fh, at + 30, nameLength + extraLength);
  if (rest.length < nameLength + extraLength) return null;
  const header = { flags: fixed.readUInt16LE(6), method: fixed.readUInt16LE(8), crc: fixed.readUInt32LE(14), compressedSize: fixed.readUInt32LE(18), size: fixed.readUInt32LE(22) };
  const extra = rest.subarray(nameLength);
  const zip64 = extraRecords(extra).get(ZIP64_FIELD);
  if (zip64 && header.size === MARK32 && zip64.length >= 8) header.size = Number(zip64.readBigUInt64LE(0));
  if (zip64 && header.compressedSize === MARK32 && zip64.length >= 16) header.compressedSize = Number(zip64.readBigUInt64LE(8));
  return { ...header, name: rest.subarray(0, nameLength), extra, dataStart: at + 30 + nameLength + extraLength };
}

/** Data descriptor after the data (bit 3): its CRC and sizes, and its length in bytes. */
async function readDescriptor(fh: FileHandle, entry: Entry, at: number): Promise<{ crc: number; compressedSize: number; size: number; length: number } | null> {
  const zip64 = entry.compressedSize >= MARK32 || entry.uncompressedSize >= MARK32 || entry.extraFields.some((f) => f.id === ZIP64_FIELD);
  const buf = await readAt(fh, at, 28);
  const skip = buf.length >= 4 && buf.readUInt32LE(0) === DESCRIPTOR_SIGNATURE ? 4 : 0;
  const length = skip + (zip64 ? 20 : 12);
  if (buf.length < length) return null;
  const sizes = zip64 ? [Number(buf.readBigUInt64LE(skip + 4)), Number(buf.readBigUInt64LE(skip + 12))] : [buf.readUInt32LE(skip + 4), buf.readUInt32LE(skip + 8)];
  return { crc: buf.readUInt32LE(skip), compressedSize: sizes[0]!, size: sizes[1]!, length };
}

/** Where the entry's data ends (after its descriptor), or the message of the first disagreement. */
export async function localHeaderProblem(fh: FileHandle, entry: Entry): Promise<{ problem: string } | { end: number }> {
  const name = entry.fileName;
  const local = await readLocalHeader(fh, entry.relativeOffsetOfLocalHeader);
  if (!local) return { problem: msg.dataDamaged(name) };
  const unicode = extraRecords(local.extra).get(UNICODE_PATH_FIELD);
  if (!local.name.equals(entry.fileNameRaw) || (unicode && !unicode.subarray(5).equals(entry.fileNameRaw))) return { problem: msg.localName(name, local.name.toString('utf8')) };
  if (local.flags !== entry.generalPurposeBitFlag || local.method !== entry.compressionMethod) return { problem: msg.localHeaderDiffers(name) };
  const dataEnd = local.dataStart + entry.compressedSize;
  if ((local.flags & DEFERRED_SIZES) === 0) {
    const same = local.crc === entry.crc32 && local.compressedSize === entry.compressedSize && local.size === entry.uncompressedSize;
    return same ? { end: dataEnd } : { problem: msg.localHeaderDiffers(name) };
  }
  const deferred = (local.crc === 0 || local.crc === entry.crc32) && [0, entry.compressedSize].includes(local.compressedSize) && [0, entry.uncompressedSize].includes(local.size);
  const descriptor = deferred ? await readDescriptor(fh, entry, dataEnd) : null;
  const same = descriptor !== null && descriptor.crc === entry.crc32 && descriptor.compressedSize === entry.compressedSize && descriptor.size === entry.uncompressedSize;
  return same ? { end: dataEnd + descriptor.length } : { problem: msg.localHeaderDiffers(name) };
}

/** Local headers against the central directory, and no bytes outside the entries: the first entry
 *  starts at byte 0, each starts where the previous one ended, the last ends where the central
 *  directory (read from `centralStart` to `centralEnd`) begins, and only the end records follow. */
export async function layoutProblem(fh: FileHandle, entries: readonly Entry[], dir: { centralStart: number; centralEnd: number; commentBytes: number }): Promise<string | null> {
  const tail = await tailProblem(fh, dir);
  if (tail) return tail;
  let expected = 0;
  for (const entry of [...entries].sort((a, b) => a.relativeOffsetOfLocalHeader - b.relativeOffsetOfLocalHeader)) {
    if (entry.relativeOffsetOfLocalHeader < expected) return msg.overlapping(entry.fileName);
    if (entry.relativeOffsetOfLocalHeader > expected) return msg.bytesOutside();
    const checked = await localHeaderProblem(fh, entry);
    if ('problem' in checked) return checked.problem;
    expected = checked.end;
  }
  return expected === dir.centralStart ? null : msg.bytesOutside();
}

/** The central directory read (as many records as the end record counts) must reach the end
 *  records: fewer counted than written means hidden entries. */
async function tailProblem(fh: FileHandle, dir: { centralEnd: number; commentBytes: number }): Promise<string | null> {
  const endRecord = (await fh.stat()).size - END_RECORD - dir.commentBytes;
  if (endRecord === dir.centralEnd) return null;
  if (endRecord - dir.centralEnd !== ZIP64_END_AND_LOCATOR) return msg.lyingDirectory();
  const zip64End = await readAt(fh, dir.centralEnd, 4);
  return zip64End.length === 4 && zip64End.readUInt32LE(0) === ZIP64_END_SIGNATURE ? null : msg.lyingDirectory();
}
