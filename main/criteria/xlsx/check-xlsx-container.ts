/**
 * Checks on the bytes of an .xlsx before any parser sees them: the size cap, the container
 * (an encrypted workbook or an old .xls is an OLE/CFB file starting D0 CF 11 E0, not a zip),
 * and the zip's central directory read by hand: how many parts, how large they say they become
 * once unzipped (against zip bombs), and whether it carries macros (a vbaProject part).
 */

import { MAX_CRITERIA_SET_XLSX_BYTES } from '../../../shared/api/channels/criteria-sets';

export const MAX_XLSX_BYTES = MAX_CRITERIA_SET_XLSX_BYTES;
/** The parts together may unzip to at most this (the zip's declared sizes, checked again by the unzipper's CRC). */
export const MAX_XLSX_UNZIPPED_BYTES = 200 * 1024 * 1024;
export const MAX_XLSX_PARTS = 2000;

const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0];
const ZIP_LOCAL_HEADER = 0x04034b50;
const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const MAX_COMMENT = 0xffff;

export const XLSX_MESSAGES = {
  tooLarge: (bytes: number) =>
    `Tệp lớn ${Math.ceil(bytes / 1024 / 1024)} MB, vượt giới hạn ${MAX_XLSX_BYTES / 1024 / 1024} MB của một bộ chỉ số; hãy kiểm tra lại tệp (bỏ hình ảnh, trang thừa).`,
  encrypted:
    'Tệp được mã hóa (đặt mật khẩu) hoặc là tệp Excel cũ (.xls): ứng dụng không đọc được. Hãy bỏ mật khẩu và lưu lại dưới dạng "Sổ làm việc Excel (.xlsx)".',
  notZip: 'Tệp không phải sổ làm việc Excel .xlsx (không đọc được cấu trúc tệp); hãy lưu lại dưới dạng "Sổ làm việc Excel (.xlsx)".',
  macros: 'Tệp có macro (VBA, tệp .xlsm): ứng dụng không nhận tệp có macro. Hãy lưu lại dưới dạng "Sổ làm việc Excel (.xlsx)" (không macro).',
  bomb: 'Tệp .xlsx khi giải nén quá lớn hoặc có quá nhiều phần; ứng dụng từ chối để an toàn.',
} as const;

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}

/** Returns a Vietnamese reason to refuse the file, or undefined when it may be parsed. */
export function checkXlsxContainer(bytes: Uint8Array, fileName = ''): string | undefined {
  if (bytes.length > MAX_XLSX_BYTES) return XLSX_MESSAGES.tooLarge(bytes.length);
  if (startsWith(bytes, CFB_SIGNATURE)) return XLSX_MESSAGES.encrypted;
  if (/\.xlsm$/i.test(fileName)) return XLSX_MESSAGES.macros;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 22 || view.getUint32(0, true) !== ZIP_LOCAL_HEADER) return XLSX_MESSAGES.notZip;
  const end = findEndOfDirectory(view);
  if (end === undefined) return XLSX_MESSAGES.notZip;
  const entries = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (entries > MAX_XLSX_PARTS) return XLSX_MESSAGES.bomb;
  if (directoryOffset + directorySize > end) return XLSX_MESSAGES.notZip;
  return checkDirectory(view, bytes, directoryOffset, entries);
}

function findEndOfDirectory(view: DataView): number | undefined {
  const lowest = Math.max(0, view.byteLength - 22 - MAX_COMMENT);
  for (let at = view.byteLength - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) return at;
  }
  return undefined;
}

function checkDirectory(view: DataView, bytes: Uint8Array, offset: number, entries: number): string | undefined {
  const decoder = new TextDecoder();
  let unzipped = 0;
  let at = offset;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > view.byteLength || view.getUint32(at, true) !== DIRECTORY_ENTRY) return XLSX_MESSAGES.notZip;
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (/vba[^/]*\.bin$/i.test(name)) return XLSX_MESSAGES.macros; // vbaProject.bin, vbaProjectSignature.bin
    unzipped += size;
    if (size === 0xffffffff || unzipped > MAX_XLSX_UNZIPPED_BYTES) return XLSX_MESSAGES.bomb;
    at += 46 + nameLength + extraLength + commentLength;
  }
  return undefined;
}
