/** Raw zip bytes written by hand, for the hostile packages yazl rightly refuses to produce (names
 *  with "..", absolute paths, backslashes, symlinks, duplicates, invalid UTF-8, lying sizes …),
 *  and a reader of the central directory that shows the flags and methods a writer used. */
import zlib from 'node:zlib';

export interface RawEntry {
  name: string | Buffer;
  data?: Buffer;
  /** 0 stored (default), 8 deflated (compressed here unless `raw` is given), any other as declared. */
  method?: number;
  /** The bytes written as the entry's data, instead of `data` (compressed) itself. */
  raw?: Buffer;
  /** Declared uncompressed size (default: data length); above 0xfffffffe it goes in a zip64 field. */
  size?: number;
  crc?: number;
  /** General purpose flags; the UTF-8 flag (0x800) is set unless given otherwise. */
  flags?: number;
  /** Unix mode in the upper 16 bits of the external attributes (e.g. 0o120777 for a symlink). */
  unixMode?: number;
  /** Low byte of the external attributes (MS-DOS: 0x10 = directory). */
  dosAttributes?: number;
  /** Write no data of its own: point the central record at the local record of entry N. */
  sharesDataOf?: number;
  /** Extra field records written in both headers (e.g. a Unicode path field, unicodePathField()). */
  extra?: Buffer;
  /** What the LOCAL header says instead (the central directory keeps the honest values). */
  local?: { name?: string; method?: number; flags?: number; crc?: number; compressedSize?: number; size?: number; extra?: Buffer };
}

/** Archive-level lies: bytes before (offsets shifted to match, like a self-extractor) or after the
 *  archive, and an end record that declares another number of entries. */
export interface RawZipOptions {
  prefix?: Buffer;
  suffix?: Buffer;
  declaredCount?: number;
}

/** Info-ZIP's Unicode path extra field (0x7075) naming `name`, with the CRC-32 of `rawName`. */
export function unicodePathField(name: string, rawName: string): Buffer {
  const body = Buffer.concat([Buffer.from([1]), Buffer.alloc(4), Buffer.from(name, 'utf8')]);
  body.writeUInt32LE(zlib.crc32(Buffer.from(rawName, 'utf8')) >>> 0, 1);
  const head = Buffer.alloc(4);
  head.writeUInt16LE(0x7075, 0);
  head.writeUInt16LE(body.length, 2);
  return Buffer.concat([head, body]);
}

const UTF8 = 0x800;
const ZIP64_MARK = 0xffffffff;

interface Prepared {
  name: Buffer;
  raw: Buffer;
  size: number;
  crc: number;
  flags: number;
  method: number;
  external: number;
  extra: Buffer;
  local: Prepared | null;
}

function prepare(e: RawEntry): Prepared {
  const data = e.data ?? Buffer.alloc(0);
  const method = e.method ?? 0;
  const raw = e.raw ?? (method === 8 ? zlib.deflateRawSync(data) : data);
  const size = e.size ?? data.length;
  const extra = Buffer.concat([size > 0xfffffffe ? zip64Extra(size) : Buffer.alloc(0), e.extra ?? Buffer.alloc(0)]);
  const external = (((e.unixMode ?? 0o100644) << 16) | (e.dosAttributes ?? 0)) >>> 0;
  const name = typeof e.name === 'string' ? Buffer.from(e.name, 'utf8') : e.name;
  const p: Prepared = { name, raw, size, crc: e.crc ?? zlib.crc32(data), flags: e.flags ?? UTF8, method, external, extra, local: null };
  const l = e.local;
  if (!l) return p;
  const local = { ...p, name: l.name === undefined ? name : Buffer.from(l.name, 'utf8'), method: l.method ?? method, flags: l.flags ?? p.flags, crc: l.crc ?? p.crc, size: l.size ?? size, extra: l.extra ?? extra };
  return { ...p, local: { ...local, raw: l.compressedSize === undefined ? raw : Buffer.alloc(l.compressedSize) } };
}

function zip64Extra(size: number): Buffer {
  const b = Buffer.alloc(12);
  b.writeUInt16LE(0x0001, 0);
  b.writeUInt16LE(8, 2);
  b.writeBigUInt64LE(BigInt(size), 4);
  return b;
}

const size32 = (p: Prepared): number => (p.extra.length > 0 ? ZIP64_MARK : p.size);

function localHeader(honest: Prepared): Buffer {
  const p = honest.local ?? honest;
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(p.extra.length > 0 ? 45 : 20, 4);
  h.writeUInt16LE(p.flags, 6);
  h.writeUInt16LE(p.method, 8);
  h.writeUInt16LE(0, 10);
  h.writeUInt16LE(0x5c21, 12); // 2026-01-01
  h.writeUInt32LE(p.crc >>> 0, 14);
  h.writeUInt32LE(p.raw.length, 18);
  h.writeUInt32LE(size32(p), 22);
  h.writeUInt16LE(p.name.length, 26);
  h.writeUInt16LE(p.extra.length, 28);
  return Buffer.concat([h, p.name, p.extra]);
}

function centralHeader(p: Prepared, offset: number): Buffer {
  const h = Buffer.alloc(46);
  h.writeUInt32LE(0x02014b50, 0);
  h.writeUInt16LE((3 << 8) | 45, 4); // made by Unix
  h.writeUInt16LE(p.extra.length > 0 ? 45 : 20, 6);
  h.writeUInt16LE(p.flags, 8);
  h.writeUInt16LE(p.method, 10);
  h.writeUInt16LE(0, 12);
  h.writeUInt16LE(0x5c21, 14);
  h.writeUInt32LE(p.crc >>> 0, 16);
  h.writeUInt32LE(p.raw.length, 20);
  h.writeUInt32LE(size32(p), 24);
  h.writeUInt16LE(p.name.length, 28);
  h.writeUInt16LE(p.extra.length, 30);
  h.writeUInt32LE(p.external, 38);
  h.writeUInt32LE(offset, 42);
  return Buffer.concat([h, p.name, p.extra]);
}

function endOfCentralDirectory(count: number, size: number, offset: number): Buffer {
  const e = Buffer.alloc(22);
  e.writeUInt32LE(0x06054b50, 0);
  e.writeUInt16LE(count, 8);
  e.writeUInt16LE(count, 10);
  e.writeUInt32LE(size, 12);
  e.writeUInt32LE(offset, 16);
  return e;
}

export function writeRawZip(entries: RawEntry[], opts: RawZipOptions = {}): Buffer {
  const prefix = opts.prefix ?? Buffer.alloc(0);
  const parts: Buffer[] = [prefix];
  const central: Buffer[] = [];
  const offsets: number[] = [];
  let offset = prefix.length;
  for (const [i, p] of entries.map(prepare).entries()) {
    const shared = entries[i]!.sharesDataOf;
    offsets.push(shared === undefined ? offset : offsets[shared]!);
    central.push(centralHeader(p, offsets[i]!));
    if (shared !== undefined) continue;
    const local = Buffer.concat([localHeader(p), p.raw]);
    parts.push(local);
    offset += local.length;
  }
  const dir = Buffer.concat(central);
  const end = endOfCentralDirectory(opts.declaredCount ?? entries.length, dir.length, offset);
  return Buffer.concat([...parts, dir, end, opts.suffix ?? Buffer.alloc(0)]);
}

export interface CentralEntry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  size: number;
  externalAttributes: number;
}

/** The central directory of a (non-zip64) archive. */
export function centralEntries(zip: Buffer): CentralEntry[] {
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('no end of central directory');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const out: CentralEntry[] = [];
  for (let i = 0; i < count; i++) {
    const nameLength = zip.readUInt16LE(at + 28);
    out.push({
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      flags: zip.readUInt16LE(at + 8),
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      externalAttributes: zip.readUInt32LE(at + 38),
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return out;
}
