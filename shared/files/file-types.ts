/**
 * The allowlist of evidence file types (pure). A type is accepted only when the extension is on
 * the list AND the first bytes carry that type's signature, so an .exe renamed .pdf (it starts
 * with `MZ`) is refused. Text types have no signature: they are accepted when the head holds no
 * NUL byte (or starts with a UTF-16 byte-order mark, as Excel's "Unicode text" does).
 */
import { fileExtension } from './file-names';

export type Previewable = 'pdf' | 'image' | null;

interface FileType {
  label: string;
  mediaType: string;
  previewable: Previewable;
  matches: (head: Uint8Array) => boolean;
}

export type DetectedType =
  | { ok: true; ext: string; mediaType: string; previewable: Previewable }
  | { ok: false; message: string };

/** How many first bytes detectType wants to see (fewer is fine for a smaller file). */
export const HEAD_BYTES = 4096;

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

/** `pattern` at `offset`; null entries match any byte. */
function startsWith(head: Uint8Array, pattern: (number | null)[], offset = 0): boolean {
  if (head.length < offset + pattern.length) return false;
  return pattern.every((b, i) => b === null || head[offset + i] === b);
}

const signature =
  (...patterns: (number | null)[][]) =>
  (head: Uint8Array): boolean =>
    patterns.some((p) => startsWith(head, p));

const ZIP = signature([0x50, 0x4b, 0x03, 0x04]);
const OLE = signature([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const isWebp = (head: Uint8Array): boolean => startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8);

function isText(head: Uint8Array): boolean {
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) return true;
  return !head.includes(0);
}

const OOXML = 'application/vnd.openxmlformats-officedocument';
const ODF = 'application/vnd.oasis.opendocument';

const PDF: FileType = { label: 'PDF', mediaType: 'application/pdf', previewable: 'pdf', matches: signature(ascii('%PDF-')) };
const JPEG: FileType = { label: 'ảnh JPEG', mediaType: 'image/jpeg', previewable: 'image', matches: signature([0xff, 0xd8, 0xff]) };
const TIFF: FileType = {
  label: 'ảnh TIFF',
  mediaType: 'image/tiff',
  previewable: null, // browsers (and so the renderer) cannot show TIFF
  matches: signature([0x49, 0x49, 0x2a, 0x00], [0x4d, 0x4d, 0x00, 0x2a]),
};

const TYPES: ReadonlyMap<string, FileType> = new Map([
  ['pdf', PDF],
  ['png', { label: 'ảnh PNG', mediaType: 'image/png', previewable: 'image', matches: signature([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) }],
  ['jpg', JPEG],
  ['jpeg', JPEG],
  ['tif', TIFF],
  ['tiff', TIFF],
  ['webp', { label: 'ảnh WEBP', mediaType: 'image/webp', previewable: 'image', matches: isWebp }],
  ['docx', { label: 'tài liệu Word', mediaType: `${OOXML}.wordprocessingml.document`, previewable: null, matches: ZIP }],
  ['xlsx', { label: 'bảng tính Excel', mediaType: `${OOXML}.spreadsheetml.sheet`, previewable: null, matches: ZIP }],
  ['pptx', { label: 'bản trình chiếu PowerPoint', mediaType: `${OOXML}.presentationml.presentation`, previewable: null, matches: ZIP }],
  ['odt', { label: 'tài liệu ODT', mediaType: `${ODF}.text`, previewable: null, matches: ZIP }],
  ['ods', { label: 'bảng tính ODS', mediaType: `${ODF}.spreadsheet`, previewable: null, matches: ZIP }],
  ['doc', { label: 'tài liệu Word', mediaType: 'application/msword', previewable: null, matches: OLE }],
  ['xls', { label: 'bảng tính Excel', mediaType: 'application/vnd.ms-excel', previewable: null, matches: OLE }],
  ['ppt', { label: 'bản trình chiếu PowerPoint', mediaType: 'application/vnd.ms-powerpoint', previewable: null, matches: OLE }],
  ['rtf', { label: 'tài liệu RTF', mediaType: 'application/rtf', previewable: null, matches: signature(ascii('{\\rtf')) }],
  ['txt', { label: 'văn bản thuần (TXT)', mediaType: 'text/plain', previewable: null, matches: isText }],
  ['csv', { label: 'bảng CSV', mediaType: 'text/csv', previewable: null, matches: isText }],
]);

export const ALLOWED_EXTENSIONS: readonly string[] = [...TYPES.keys()];

/** The system file picker's filter: only allowlisted types are offered (no "all files"). Upper
 *  case too: a Linux file dialog matches patterns case-sensitively, and scanners write "SCAN.PDF". */
export function evidencePickerFilters(): { name: string; extensions: string[] }[] {
  return [{ name: 'Tài liệu và hình ảnh', extensions: [...ALLOWED_EXTENSIONS, ...ALLOWED_EXTENSIONS.map((e) => e.toUpperCase())] }];
}
const ALLOWED_LIST = 'PDF, ảnh (JPG, PNG, TIFF, WEBP), Word, Excel, PowerPoint, ODT/ODS, RTF, TXT, CSV';

function unsupportedMessage(fileName: string, ext: string): string {
  const what = ext === '' ? `Tệp "${fileName}" không có đuôi tên tệp nên không xác định được loại.` : `Loại tệp .${ext} không được phép.`;
  return `${what} Chỉ nhận: ${ALLOWED_LIST}.`;
}

/** The extension check alone, before any byte is read. */
export function checkExtension(fileName: string): { ok: true; ext: string } | { ok: false; message: string } {
  const ext = fileExtension(fileName);
  return TYPES.has(ext) ? { ok: true, ext } : { ok: false, message: unsupportedMessage(fileName, ext) };
}

/** The media type an allowlisted name's extension stands for (null when not allowlisted). */
export function mediaTypeOf(fileName: string): string | null {
  return TYPES.get(fileExtension(fileName))?.mediaType ?? null;
}

/** Extension on the allowlist and content signature in `head` (the first HEAD_BYTES, or the whole file if smaller). */
export function detectType(fileName: string, head: Uint8Array): DetectedType {
  const ext = fileExtension(fileName);
  const type = TYPES.get(ext);
  if (!type) return { ok: false, message: unsupportedMessage(fileName, ext) };
  if (!type.matches(head.subarray(0, HEAD_BYTES))) {
    return { ok: false, message: `Nội dung tệp "${fileName}" không phải là ${type.label} (có thể là tệp đã bị đổi đuôi).` };
  }
  return { ok: true, ext, mediaType: type.mediaType, previewable: type.previewable };
}

/** Whether the app can show a stored file itself (PDF viewer, <img>); otherwise it opens with the system application. */
export function previewableOf(mediaType: string): Previewable {
  if (mediaType === 'application/pdf') return 'pdf';
  if (mediaType === 'image/png' || mediaType === 'image/jpeg' || mediaType === 'image/webp') return 'image';
  return null;
}
