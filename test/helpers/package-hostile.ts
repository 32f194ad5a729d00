/**
 * Hostile and damaged submission packages, built from the entries of a real one with raw zip
 * bytes (package-raw-zip.ts), each with the message a reader must refuse it with. The manifest is
 * recomputed for the entries actually written unless a case is about the manifest itself.
 */
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { centralEntries, writeRawZip, type RawEntry } from './package-raw-zip';
import { readZipEntry } from './zip-read';

export interface HostileCase {
  name: string;
  /** `p`: the entries of a real package; `good`: its bytes. */
  build: (p: PackageParts, good: Buffer) => Buffer | Promise<Buffer>;
  /** A part of the specific Vietnamese message (verify's first problem, and the import error). */
  message: string;
}

interface ManifestFile {
  path: string;
  size: number;
  sha256: string;
}
type ManifestJson = Record<string, unknown> & { files: ManifestFile[] };

const MIB = 1024 * 1024;
export const EVIDENCE = 'tai-lieu-kiem-chung/1.1.1/125-KH-SNV';
const sha = (b: Buffer): string => crypto.createHash('sha256').update(b).digest('hex');

export class PackageParts {
  readonly manifest: ManifestJson;
  readonly files: RawEntry[];

  constructor(good: Buffer) {
    const names = centralEntries(good).map((e) => e.name);
    this.manifest = JSON.parse(readZipEntry(good, 'manifest.json').toString('utf8')) as ManifestJson;
    this.files = names.filter((n) => n !== 'manifest.json').map((name) => ({ name, data: readZipEntry(good, name), method: name.endsWith('.json') ? 8 : 0 }));
  }

  data(name: string): Buffer {
    return this.files.find((f) => f.name === name)!.data!;
  }

  /** The manifest listing exactly the given entries (string names only). */
  manifestFor(entries: RawEntry[], change: (m: ManifestJson) => void = () => {}): Buffer {
    const m: ManifestJson = structuredClone(this.manifest);
    m.files = entries.filter((e) => typeof e.name === 'string').map((e) => ({ path: e.name as string, size: e.size ?? e.data?.length ?? 0, sha256: sha(e.data ?? Buffer.alloc(0)) }));
    change(m);
    return Buffer.from(JSON.stringify(m, null, 2));
  }

  /** manifest.json first, then the entries; `listed` decides what the manifest names. */
  zip(entries: RawEntry[], opts: { listed?: RawEntry[]; change?: (m: ManifestJson) => void } = {}): Buffer {
    return writeRawZip([{ name: 'manifest.json', data: this.manifestFor(opts.listed ?? entries, opts.change), method: 8 }, ...entries]);
  }

  with(...extra: RawEntry[]): Buffer {
    return this.zip([...this.files, ...extra]);
  }
}

/** Deflate of `zeros` bytes of zeros (then `tail`), streamed: never holds the expanded data. */
async function deflatedZeros(zeros: number, tail = Buffer.alloc(0)): Promise<{ raw: Buffer; crc: number; size: number }> {
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const block = Buffer.alloc(MIB);
  let crc = 0;
  for (let i = 0; i < zeros / MIB; i++) {
    crc = zlib.crc32(block, crc);
    if (!deflate.write(block)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  crc = zlib.crc32(tail, crc);
  deflate.end(tail);
  await done;
  return { raw: Buffer.concat(out), crc, size: zeros + tail.length };
}

const nested = (): Buffer => writeRawZip([{ name: 'ben-trong.exe', data: Buffer.from('MZ not really a program') }]);

function tooManyEntries(p: PackageParts): Buffer {
  const many: RawEntry[] = Array.from({ length: 20_001 }, (_, i) => ({ name: `${EVIDENCE}/tep-${i}.txt`, data: Buffer.from('x') }));
  return p.with(...many);
}

export const PDF_NAME = `${EVIDENCE}/Kế hoạch CCHC 2026.pdf`;

function nameCases(): HostileCase[] {
  return [
    { name: 'an entry escaping with ../', build: (p) => p.with({ name: '../x.pdf', data: p.data(PDF_NAME) }), message: 'chứa đoạn ".."' },
    { name: 'an absolute path /etc/x', build: (p) => p.with({ name: '/etc/x', data: p.data(PDF_NAME) }), message: 'là đường dẫn tuyệt đối' },
    { name: 'a drive letter C:\\x', build: (p) => p.with({ name: 'C:\\x', data: p.data(PDF_NAME) }), message: 'mang ký tự ổ đĩa' },
    { name: 'a drive letter with a slash C:/x', build: (p) => p.with({ name: 'C:/Windows/x.pdf', data: p.data(PDF_NAME) }), message: 'mang ký tự ổ đĩa' },
    { name: 'backslashes a\\..\\..\\x', build: (p) => p.with({ name: 'a\\..\\..\\x', data: p.data(PDF_NAME) }), message: 'chứa dấu gạch ngược' },
    { name: 'an empty name', build: (p) => p.with({ name: '', data: p.data(PDF_NAME) }), message: 'tên rỗng' },
    { name: 'an invalid UTF-8 name', build: (p) => p.with({ name: Buffer.from([0x74, 0x61, 0x69, 0xff, 0xfe, 0x2e, 0x70, 0x64, 0x66]), data: p.data(PDF_NAME) }), message: 'không phải chuỗi UTF-8 hợp lệ' },
    { name: 'a non-ASCII name without the UTF-8 flag', build: (p) => p.with({ name: 'Báo cáo.pdf', data: p.data(PDF_NAME), flags: 0 }), message: 'không được đánh dấu UTF-8' },
    { name: 'duplicate names', build: (p) => p.with({ name: `${EVIDENCE}/Kế hoạch CCHC 2026.pdf`, data: p.data(PDF_NAME) }), message: 'hai mục trùng tên' },
    { name: 'NFC/NFD duplicates', build: (p) => p.with({ name: `${EVIDENCE}/Kế hoạch CCHC 2026.pdf`.normalize('NFD'), data: p.data(PDF_NAME) }), message: 'chuẩn hóa Unicode (NFC/NFD' },
    { name: 'upper/lower case duplicates', build: (p) => p.with({ name: `${EVIDENCE}/KẾ HOẠCH CCHC 2026.PDF`, data: p.data(PDF_NAME) }), message: 'không phân biệt chữ hoa, chữ thường' },
  ];
}

function typeCases(): HostileCase[] {
  return [
    { name: 'a symlink entry', build: (p) => p.with({ name: `${EVIDENCE}/lien-ket.pdf`, data: Buffer.from('/etc/passwd'), unixMode: 0o120777 }), message: 'liên kết tượng trưng (symlink)' },
    { name: 'a directory entry holding data', build: (p) => p.with({ name: 'thu-muc/', data: Buffer.from('du lieu') }), message: 'không phải thư mục thông thường' },
    { name: 'a FIFO entry', build: (p) => p.with({ name: `${EVIDENCE}/ong.txt`, data: Buffer.alloc(0), unixMode: 0o010644 }), message: 'không phải tệp thông thường' },
    { name: 'an encrypted entry', build: (p) => p.with({ name: `${EVIDENCE}/mat.pdf`, data: Buffer.alloc(20), size: 8, flags: 0x801 }), message: 'được mã hóa' },
    { name: 'a nested zip named .pdf', build: (p) => p.with({ name: `${EVIDENCE}/ho-so.pdf`, data: nested() }), message: 'tệp nén (zip) lồng bên trong' },
    { name: 'an empty evidence file', build: (p) => p.with({ name: `${EVIDENCE}/rong.pdf`, data: Buffer.alloc(0) }), message: 'rỗng (0 byte)' },
  ];
}

function sizeCases(): HostileCase[] {
  const gib = 1024 * MIB;
  const small = { raw: zlib.deflateRawSync(Buffer.alloc(10)), data: Buffer.alloc(10), method: 8 as const };
  return [
    { name: 'a zip bomb: 200 MB of zeros (refused from the headers)', build: async (p) => { const z = await deflatedZeros(200 * MIB); return p.with({ name: `${EVIDENCE}/bom.txt`, raw: z.raw, size: z.size, crc: z.crc, method: 8 }); }, message: 'nghi là "bom zip"' },
    {
      name: 'a zip bomb whose header ratio passes (200 MB of zeros, then 2 MiB of noise): refused while streaming',
      build: async (p) => {
        const z = await deflatedZeros(200 * MIB, crypto.randomBytes(2 * MIB));
        const e: RawEntry = { name: `${EVIDENCE}/bom.txt`, raw: z.raw, size: z.size, crc: z.crc, method: 8, data: Buffer.alloc(0) };
        return p.with(e);
      },
      message: 'nghi là "bom zip"',
    },
    {
      name: 'a zip bomb with lying headers (200 MB of zeros declared as 1 MB): refused while streaming',
      build: async (p) => {
        const z = await deflatedZeros(200 * MIB);
        const e: RawEntry = { name: `${EVIDENCE}/bom.txt`, raw: z.raw, size: MIB, crc: z.crc, method: 8, data: Buffer.alloc(0) };
        return p.with(e);
      },
      message: 'khác với dung lượng ghi trong mục lục zip',
    },
    {
      name: 'overlapping entries (two names over the same data)',
      build: (p) => p.with({ name: `${EVIDENCE}/ban-sao.pdf`, data: p.data(PDF_NAME), sharesDataOf: p.files.findIndex((f) => f.name === PDF_NAME) + 1 }),
      message: 'chồng lên mục khác',
    },
    { name: 'an entry over 4 GiB', build: (p) => p.with({ name: `${EVIDENCE}/lon.txt`, ...small, size: 5 * gib }), message: 'tối đa 4,00 GiB mỗi mục' },
    { name: 'a total over 8 GiB', build: (p) => p.with(...[1, 2, 3].map((i) => ({ name: `${EVIDENCE}/lon-${i}.txt`, ...small, size: 3 * gib }))), message: 'Tổng dung lượng sau giải nén' },
    { name: 'too many entries', build: (p) => tooManyEntries(p), message: 'Gói có quá nhiều mục' },
  ];
}

function manifestCases(): HostileCase[] {
  const pdfName = PDF_NAME;
  return [
    { name: 'an empty package file', build: () => Buffer.alloc(0), message: 'Tệp gói rỗng' },
    { name: 'a truncated archive', build: (_p, good) => good.subarray(0, Math.floor(good.length / 2)), message: 'bị cắt cụt' },
    { name: 'no manifest', build: (p) => writeRawZip(p.files), message: 'không có tệp manifest.json' },
    { name: 'a manifest that is not JSON', build: (p) => writeRawZip([{ name: 'manifest.json', data: Buffer.from('{"format": "par-package/v1", ') }, ...p.files]), message: 'không phải JSON hợp lệ' },
    { name: 'an unknown format version', build: (p) => p.zip(p.files, { change: (m) => (m.format = 'par-package/v2') }), message: '"par-package/v2" mà phiên bản ứng dụng này không hỗ trợ' },
    { name: 'a manifest lying about a size', build: (p) => p.zip(p.files, { change: (m) => (m.files.find((f) => f.path === pdfName)!.size += 1) }), message: 'đã bị thay đổi: manifest.json ghi' },
    { name: 'a manifest lying about a hash', build: (p) => p.zip(p.files, { change: (m) => (m.files.find((f) => f.path === pdfName)!.sha256 = 'a'.repeat(64)) }), message: 'mã SHA-256 tính lại không khớp' },
    { name: 'an extra file', build: (p) => p.zip([...p.files, { name: `${EVIDENCE}/them.pdf`, data: p.data(pdfName) }], { listed: p.files }), message: 'Tệp thừa' },
    { name: 'a missing file', build: (p) => p.zip(p.files.filter((f) => f.name !== pdfName), { listed: p.files }), message: 'Thiếu tệp' },
    {
      name: 'a criteria set whose hash is not the one named',
      build: (p) => p.zip(p.files.map((f) => (f.name === 'criteria-set.json' ? { ...f, data: Buffer.from(f.data!.toString('utf8').replace('Bộ chỉ số mẫu', 'Bộ chỉ số giả')) } : f))),
      message: 'Mã băm bộ chỉ số không khớp',
    },
    { name: 'totals that the answers do not give', build: (p) => p.zip(p.files, { change: (m) => ((m.totals as { total: number }).total += 10) }), message: 'Tổng điểm ghi trong manifest.json' },
  ];
}

/** At least 20 packages, each refused with its own message. */
export function hostileCases(): HostileCase[] {
  return [...nameCases(), ...typeCases(), ...sizeCases(), ...manifestCases()];
}
