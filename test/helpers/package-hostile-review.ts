/**
 * The hostile packages a security review listed beyond the first set (package-hostile.ts): local
 * headers that disagree with the central directory, archive-level lies (bytes around the archive,
 * a lying entry count), more name, type and manifest cases, and hostile values in assessment.json.
 */
import { EVIDENCE, PackageParts, PDF_NAME, type HostileCase } from './package-hostile';
import { unicodePathField, writeRawZip, type RawEntry } from './package-raw-zip';

const MIB = 1024 * 1024;
const MZ = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(120)]);
const LOCAL_NAME = 'mang tên khác';
const LOCAL_DIFFERS = 'ghi phương pháp nén, cờ, dung lượng hoặc mã CRC-32 khác';

/** The real package with its PDF entry changed by `change` (the manifest still lists it). */
const withPdf = (p: PackageParts, change: Partial<RawEntry>): Buffer => p.zip(p.files.map((f) => (f.name === PDF_NAME ? { ...f, ...change } : f)));

function localHeaderCases(): HostileCase[] {
  return [
    { name: 'a local header naming ../../../evil.exe under an honest central directory', build: (p) => withPdf(p, { local: { name: '../../../evil.exe' } }), message: LOCAL_NAME },
    { name: 'a local Unicode path field naming ../evil.exe', build: (p) => withPdf(p, { local: { extra: unicodePathField('../evil.exe', PDF_NAME) } }), message: LOCAL_NAME },
    { name: 'a local header with another compression method', build: (p) => withPdf(p, { local: { method: 8 } }), message: LOCAL_DIFFERS },
    { name: 'a local header with other flags', build: (p) => withPdf(p, { local: { flags: 0 } }), message: LOCAL_DIFFERS },
    { name: 'a local header with another CRC-32', build: (p) => withPdf(p, { local: { crc: 0x12345678 } }), message: LOCAL_DIFFERS },
    { name: 'a local header with another size', build: (p) => withPdf(p, { local: { size: 7 } }), message: LOCAL_DIFFERS },
    { name: 'a local header with another compressed size', build: (p) => withPdf(p, { local: { compressedSize: 7 } }), message: LOCAL_DIFFERS },
  ];
}

function archiveCases(): HostileCase[] {
  const entries = (p: PackageParts): RawEntry[] => [{ name: 'manifest.json', data: p.manifestFor(p.files), method: 8 }, ...p.files];
  return [
    { name: 'an end record declaring one entry fewer (a hidden entry)', build: (p) => writeRawZip(entries(p), { declaredCount: entries(p).length - 1 }), message: 'ghi sai số mục' },
    { name: 'an end record declaring one entry more', build: (p) => writeRawZip(entries(p), { declaredCount: entries(p).length + 1 }), message: 'ghi sai số mục' },
    { name: 'an executable before the archive (offsets shifted to match)', build: (p) => writeRawZip(entries(p), { prefix: MZ }), message: 'dữ liệu nằm ngoài các mục' },
    { name: 'bytes after the archive', build: (p) => writeRawZip(entries(p), { suffix: MZ }), message: 'dữ liệu nằm ngoài các mục' },
  ];
}

function nameCases(): HostileCase[] {
  const pdf = (name: string, more: Partial<RawEntry> = {}) => (p: PackageParts) => p.with({ name, data: p.data(PDF_NAME), ...more });
  const other = `${EVIDENCE}/khac.pdf`;
  return [
    { name: 'a Unicode path field naming another file', build: pdf(other, { extra: unicodePathField(`${EVIDENCE}/that.pdf`, other) }), message: 'mang hai tên khác nhau' },
    { name: 'a Unicode path field naming ../', build: pdf(other, { extra: unicodePathField('../x.pdf', other) }), message: 'chứa đoạn ".."' },
    { name: 'a Unicode path field with a stale CRC naming another file', build: pdf(other, { extra: unicodePathField(`${EVIDENCE}/that.pdf`, 'khac') }), message: 'mang hai tên khác nhau' },
    { name: 'a name used as both a file and a folder', build: pdf(`${PDF_NAME}/ben-trong.pdf`), message: 'vừa là tệp vừa là thư mục' },
    { name: 'a trailing dot collision', build: pdf(`${PDF_NAME}.`), message: 'trùng tên trên Windows/macOS' },
    { name: 'a trailing space collision', build: pdf(`${PDF_NAME} `), message: 'trùng tên trên Windows/macOS' },
    { name: 'a control character', build: pdf(`${EVIDENCE}/chuong\u0007.pdf`), message: 'ký tự điều khiển' },
    { name: 'a bidi override (exe.pdf shown as fdp.exe)', build: pdf(`${EVIDENCE}/hoa-don\u202Efdp.pdf`), message: 'ký tự điều khiển' },
    { name: 'an empty segment', build: pdf(`${EVIDENCE}//x.pdf`), message: 'đoạn đường dẫn rỗng hoặc "."' },
    { name: 'a "." segment', build: pdf(`${EVIDENCE}/./x.pdf`), message: 'đoạn đường dẫn rỗng hoặc "."' },
    { name: 'a name over 1,024 bytes', build: pdf(`${EVIDENCE}/${'ạ'.repeat(400)}.pdf`), message: 'quá dài (tối đa 1024 byte)' },
    { name: '"ſ" and "s" colliding under full case folding', build: pdf(PDF_NAME.replace('SNV', 'ſNV')), message: 'trùng tên trên Windows/macOS' },
    { name: '"ﬁ" and "fi" colliding under full case folding', build: (p) => p.with({ name: `${EVIDENCE}/fi.pdf`, data: p.data(PDF_NAME) }, { name: `${EVIDENCE}/ﬁ.pdf`, data: p.data(PDF_NAME) }), message: 'trùng tên trên Windows/macOS' },
  ];
}

function typeCases(): HostileCase[] {
  const method = (m: number): HostileCase => ({ name: `compression method ${m}`, build: (p) => p.with({ name: `${EVIDENCE}/nen.pdf`, data: p.data(PDF_NAME), method: m }), message: `phương pháp nén không hỗ trợ (${m})` });
  return [
    method(9),
    method(12),
    method(99),
    { name: 'a file with the DOS directory attribute', build: (p) => p.with({ name: `${EVIDENCE}/tep.pdf`, data: p.data(PDF_NAME), dosAttributes: 0x10 }), message: 'không phải thư mục thông thường' },
    { name: 'a stored entry whose sizes disagree', build: (p) => p.with({ name: `${EVIDENCE}/tep.pdf`, data: p.data(PDF_NAME), size: p.data(PDF_NAME).length + 5 }), message: 'được lưu nguyên (không nén)' },
    { name: 'an MZ executable named .pdf', build: (p) => p.with({ name: `${EVIDENCE}/chuong-trinh.pdf`, data: MZ }), message: 'không phải là PDF' },
  ];
}

function manifestText(p: PackageParts, text: (json: string) => string): Buffer {
  return writeRawZip([{ name: 'manifest.json', data: Buffer.from(text(p.manifestFor(p.files).toString('utf8'))), method: 8 }, ...p.files]);
}

function manifestCases(): HostileCase[] {
  const deep = `${'['.repeat(20)}${']'.repeat(20)}`;
  return [
    { name: 'a manifest over 32 MiB', build: (p) => writeRawZip([{ name: 'manifest.json', data: Buffer.alloc(33 * MIB, 0x20) }, ...p.files]), message: 'quá lớn (tối đa 32 MB)' },
    { name: 'a manifest nested deeper than 16', build: (p) => manifestText(p, (t) => t.replace(/^\{/, `{"sau": ${deep},`)), message: 'lồng nhau quá sâu' },
    { name: 'a manifest with a __proto__ key', build: (p) => manifestText(p, (t) => t.replace(/^\{/, '{"__proto__": {"admin": true},')), message: 'Khóa không được phép: "__proto__"' },
    { name: 'a manifest with a non-finite number', build: (p) => manifestText(p, (t) => t.replace(/"total": [0-9.]+/, '"total": 1e999')), message: 'phải là số hữu hạn' },
    { name: 'a manifest that is not UTF-8', build: (p) => writeRawZip([{ name: 'manifest.json', data: Buffer.concat([p.manifestFor(p.files), Buffer.from([0xff, 0xfe])]) }, ...p.files]), message: 'không phải văn bản UTF-8' },
    { name: 'a manifest listing an unexpected path', build: (p) => p.zip([...p.files, { name: 'khac/tep.pdf', data: p.data(PDF_NAME) }]), message: 'không thuộc cấu trúc gói hồ sơ' },
  ];
}

type Doc = { assessment: { status: string }; evidence: { files: { displayName: string; mediaType: string }[] }[] };

/** The real package with assessment.json changed by `change` (manifest hashes follow). */
function withDoc(p: PackageParts, change: (doc: Doc) => void): Buffer {
  const doc = JSON.parse(p.data('assessment.json').toString('utf8')) as Doc;
  change(doc);
  return p.zip(p.files.map((f) => (f.name === 'assessment.json' ? { ...f, data: Buffer.from(JSON.stringify(doc)) } : f)));
}

function assessmentCases(): HostileCase[] {
  const file = (d: Doc) => d.evidence.find((e) => e.files.length > 0)!.files[0]!;
  return [
    { name: 'a displayName that is a path (../../evil.exe)', build: (p) => withDoc(p, (d) => (file(d).displayName = '../../evil.exe')), message: 'không phải tên tệp hợp lệ' },
    { name: 'a displayName with a bidi override', build: (p) => withDoc(p, (d) => (file(d).displayName = `a\u202Efdp.exe.pdf`)), message: 'không phải tên tệp hợp lệ' },
    { name: 'a displayName with another extension', build: (p) => withDoc(p, (d) => (file(d).displayName = 'hoa-don.exe')), message: 'không phải tên tệp hợp lệ' },
    { name: 'a mediaType that is not the extension’s', build: (p) => withDoc(p, (d) => (file(d).mediaType = 'text/html')), message: 'Loại nội dung "text/html"' },
    { name: 'an unknown status', build: (p) => withDoc(p, (d) => (d.assessment.status = 'approved')), message: 'assessment.status: Giá trị phải là một trong' },
  ];
}

export function reviewHostileCases(): HostileCase[] {
  return [...localHeaderCases(), ...archiveCases(), ...nameCases(), ...typeCases(), ...manifestCases(), ...assessmentCases()];
}
