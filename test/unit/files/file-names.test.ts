import { describe, expect, it } from 'vitest';
import { fileExtension, MAX_NAME_BYTES, sanitizeDisplayName, truncateUtf8 } from '../../../shared/files/file-names';

const bytes = (s: string): number => new TextEncoder().encode(s).length;

describe('sanitizeDisplayName', () => {
  it('keeps an ordinary Vietnamese name as it is', () => {
    expect(sanitizeDisplayName('Kế hoạch CCHC năm 2025.pdf')).toBe('Kế hoạch CCHC năm 2025.pdf');
  });

  it('normalises to NFC', () => {
    const nfd = 'Báo cáo đào tạo.pdf'.normalize('NFD');
    expect(nfd).not.toBe('Báo cáo đào tạo.pdf');
    expect(sanitizeDisplayName(nfd)).toBe('Báo cáo đào tạo.pdf'.normalize('NFC'));
  });

  it('strips the directory part, with either separator', () => {
    expect(sanitizeDisplayName('../../x.pdf')).toBe('x.pdf');
    expect(sanitizeDisplayName('..\\..\\Windows\\system32\\x.pdf')).toBe('x.pdf');
    expect(sanitizeDisplayName('/etc/passwd')).toBe('passwd');
    expect(sanitizeDisplayName('C:\\Users\\a\\Tờ trình.docx')).toBe('Tờ trình.docx');
    expect(sanitizeDisplayName('..')).toBe('tep');
    expect(sanitizeDisplayName('a/')).toBe('tep');
  });

  it('removes control and bidi characters', () => {
    expect(sanitizeDisplayName('photo_high_re\u202Egnp.js')).toBe('photo_high_regnp.js');
    expect(sanitizeDisplayName('a\u0000b\u001fc\u007f\u0085\u200e\u200f\u061c\u2066\u2069\ufeff.pdf')).toBe('abc.pdf');
    expect(sanitizeDisplayName('dòng\nmới\t.pdf')).toBe('dòngmới.pdf');
  });

  it('replaces the characters Windows forbids', () => {
    expect(sanitizeDisplayName('a<b>c:d"e|f?g*h.pdf')).toBe('a_b_c_d_e_f_g_h.pdf');
  });

  it('trims trailing dots and spaces, and leading spaces', () => {
    expect(sanitizeDisplayName('  báo cáo.pdf. . ')).toBe('báo cáo.pdf');
    expect(sanitizeDisplayName('...')).toBe('tep');
  });

  it('suffixes Windows reserved names, any case, with or without an extension', () => {
    expect(sanitizeDisplayName('CON.pdf')).toBe('CON_.pdf');
    expect(sanitizeDisplayName('con.pdf')).toBe('con_.pdf');
    expect(sanitizeDisplayName('nul')).toBe('nul_');
    expect(sanitizeDisplayName('Com1.tar.gz')).toBe('Com1_.tar.gz');
    expect(sanitizeDisplayName('LPT9.docx')).toBe('LPT9_.docx');
    expect(sanitizeDisplayName('AUX .pdf')).toBe('AUX_ .pdf');
    expect(sanitizeDisplayName('CONSOLE.pdf')).toBe('CONSOLE.pdf');
    expect(sanitizeDisplayName('COM0.pdf')).toBe('COM0.pdf');
  });

  it('falls back to "tep" with the extension kept', () => {
    expect(sanitizeDisplayName('')).toBe('tep');
    expect(sanitizeDisplayName('\u202E')).toBe('tep');
    expect(sanitizeDisplayName('.pdf')).toBe('tep.pdf');
    expect(sanitizeDisplayName('  .pdf')).toBe('tep.pdf');
  });

  it('shortens a name over 255 UTF-8 bytes, keeping the extension', () => {
    const long = `${'Báo cáo kết quả thực hiện công tác cải cách hành chính '.repeat(6)}.pdf`;
    expect(bytes(long.normalize('NFC'))).toBeGreaterThan(MAX_NAME_BYTES);
    const out = sanitizeDisplayName(long);
    expect(bytes(out)).toBeLessThanOrEqual(MAX_NAME_BYTES);
    expect(out.endsWith('.pdf')).toBe(true);
    expect(out.startsWith('Báo cáo kết quả')).toBe(true);
    expect(out).not.toMatch(/[ .]\.pdf$/);
  });

  it('a 318-character NFD name becomes ≤ 255 bytes of NFC', () => {
    const name = `${'ữ'.repeat(314)}.pdf`.normalize('NFD');
    const out = sanitizeDisplayName(name);
    expect(out.normalize('NFC')).toBe(out);
    expect(bytes(out)).toBeLessThanOrEqual(MAX_NAME_BYTES);
    expect(out).toBe(`${'ữ'.repeat(83)}.pdf`);
  });

  it('never splits a surrogate pair or leaves a combining mark without its letter', () => {
    const emoji = `${'😀'.repeat(70)}.png`;
    const out = sanitizeDisplayName(emoji);
    expect(bytes(out)).toBeLessThanOrEqual(MAX_NAME_BYTES);
    expect(out).toBe(`${'😀'.repeat(62)}.png`);
    expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    // q + combining hook above has no precomposed form: NFC keeps two code points.
    const combining = `${'q\u0309'.repeat(90)}.pdf`;
    const cut = sanitizeDisplayName(combining);
    expect(cut).toMatch(/^(q\u0309)+\.pdf$/u);
    expect(bytes(cut)).toBeLessThanOrEqual(MAX_NAME_BYTES);
  });

  it('is idempotent', () => {
    for (const name of ['../../CON.pdf. ', 'a\u202Eb.pdf', `${'é'.repeat(300)}.docx`, 'x:y.txt']) {
      const once = sanitizeDisplayName(name);
      expect(sanitizeDisplayName(once)).toBe(once);
    }
  });
});

describe('fileExtension', () => {
  it('is lowercase without the dot', () => {
    expect(fileExtension('Báo cáo.PDF')).toBe('pdf');
    expect(fileExtension('a.tar.GZ')).toBe('gz');
    expect(fileExtension('README')).toBe('');
    expect(fileExtension('a.')).toBe('');
    expect(fileExtension('dir.d/file')).toBe('');
  });
});

describe('truncateUtf8', () => {
  it('cuts between graphemes within the byte budget', () => {
    expect(truncateUtf8('đào tạo', 4)).toBe('đà');
    expect(truncateUtf8('abc', 10)).toBe('abc');
    expect(truncateUtf8('😀😀', 5)).toBe('😀');
  });
});
