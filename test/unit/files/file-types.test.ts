import { describe, expect, it } from 'vitest';
import { ALLOWED_EXTENSIONS, checkExtension, detectType, evidencePickerFilters, previewableOf } from '../../../shared/files/file-types';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));

const ZIP = bytes([0x50, 0x4b, 0x03, 0x04], 'rest');
const OLE = bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'rest');
const EXE = bytes('MZ', [0x90, 0, 3, 0]);

const GOOD: [string, Uint8Array, string, 'pdf' | 'image' | null][] = [
  ['a.pdf', bytes('%PDF-1.7\n'), 'application/pdf', 'pdf'],
  ['a.png', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'image/png', 'image'],
  ['a.jpg', bytes([0xff, 0xd8, 0xff, 0xe0]), 'image/jpeg', 'image'],
  ['a.JPEG', bytes([0xff, 0xd8, 0xff, 0xe1]), 'image/jpeg', 'image'],
  ['a.tif', bytes('II*', [0]), 'image/tiff', null],
  ['a.tiff', bytes('MM', [0], '*'), 'image/tiff', null],
  ['a.webp', bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '), 'image/webp', 'image'],
  ['a.docx', ZIP, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', null],
  ['a.xlsx', ZIP, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', null],
  ['a.pptx', ZIP, 'application/vnd.openxmlformats-officedocument.presentationml.presentation', null],
  ['a.odt', ZIP, 'application/vnd.oasis.opendocument.text', null],
  ['a.ods', ZIP, 'application/vnd.oasis.opendocument.spreadsheet', null],
  ['a.doc', OLE, 'application/msword', null],
  ['a.xls', OLE, 'application/vnd.ms-excel', null],
  ['a.ppt', OLE, 'application/vnd.ms-powerpoint', null],
  ['a.rtf', bytes('{\\rtf1\\ansi'), 'application/rtf', null],
  ['a.txt', new TextEncoder().encode('Kế hoạch đào tạo'), 'text/plain', null],
  ['a.csv', bytes('ma,ten\n1,x\n'), 'text/csv', null],
  ['a.txt', bytes([0xff, 0xfe], 'K', [0], 'e', [0]), 'text/plain', null],
];

describe('detectType', () => {
  it.each(GOOD)('accepts %s with its signature', (name, head, mediaType, previewable) => {
    expect(detectType(name, head)).toEqual({ ok: true, ext: name.split('.')[1]!.toLowerCase(), mediaType, previewable });
  });

  it('refuses a type outside the allowlist, naming what is allowed', () => {
    expect(detectType('setup.exe', EXE)).toEqual({
      ok: false,
      message: 'Loại tệp .exe không được phép. Chỉ nhận: PDF, ảnh (JPG, PNG, TIFF, WEBP), Word, Excel, PowerPoint, ODT/ODS, RTF, TXT, CSV.',
    });
    expect(detectType('a.gif', bytes('GIF89a'))).toMatchObject({ ok: false, message: expect.stringMatching(/^Loại tệp \.gif không được phép/) });
    expect(detectType('README', bytes('text'))).toMatchObject({ ok: false, message: expect.stringContaining('không có đuôi') });
  });

  it('refuses a renamed executable and other mismatches', () => {
    expect(detectType('x.pdf', EXE)).toEqual({ ok: false, message: 'Nội dung tệp "x.pdf" không phải là PDF (có thể là tệp đã bị đổi đuôi).' });
    expect(detectType('a.png', bytes([0xff, 0xd8, 0xff]))).toMatchObject({ ok: false });
    expect(detectType('a.docx', OLE)).toMatchObject({ ok: false, message: expect.stringContaining('tài liệu Word') });
    expect(detectType('a.doc', ZIP)).toMatchObject({ ok: false });
    expect(detectType('a.webp', bytes('RIFF', [1, 2, 3, 4], 'WAVE'))).toMatchObject({ ok: false });
    expect(detectType('a.txt', bytes('MZ', [0x90, 0]))).toMatchObject({ ok: false });
    expect(detectType('a.pdf', bytes('%PD'))).toMatchObject({ ok: false });
  });

  it('checks the extension alone before reading', () => {
    expect(checkExtension('Báo cáo.PDF')).toEqual({ ok: true, ext: 'pdf' });
    expect(checkExtension('photo_high_regnp.js')).toMatchObject({ ok: false });
    expect(ALLOWED_EXTENSIONS).toContain('xlsx');
    expect(ALLOWED_EXTENSIONS).not.toContain('gif');
  });

  it('knows what the app can preview itself', () => {
    expect(previewableOf('application/pdf')).toBe('pdf');
    expect(previewableOf('image/png')).toBe('image');
    expect(previewableOf('image/tiff')).toBeNull();
    expect(previewableOf('application/msword')).toBeNull();
  });
});

describe('evidencePickerFilters', () => {
  it('offers exactly the allowlisted types, in lower and upper case (a Linux dialog matches case), and no wildcard', () => {
    const offered = evidencePickerFilters().flatMap((f) => f.extensions);
    expect(offered).toEqual(expect.arrayContaining(['pdf', 'PDF', 'docx', 'DOCX', 'jpg', 'JPG']));
    expect(new Set(offered.map((e) => e.toLowerCase()))).toEqual(new Set(ALLOWED_EXTENSIONS));
    expect(offered).not.toContain('*');
    expect(offered).not.toContain('exe');
  });
});
