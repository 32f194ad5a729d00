/** The report .docx through the real dispatch on a real data folder: page setup, fonts, the
 *  repeated appendix header row, the page-number rule, the draft mark and the final-export rule. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatPointsVi } from '../../../shared/format/numbers';
import { createHarness, type Harness } from '../../helpers/app-harness';
import { docxParts, sectionHeader, sections, tableRows, xmlText, type DocxParts } from '../../helpers/docx-xml';
import { departmentAssessment } from '../../helpers/report-assessment';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.dispose());

async function exportDocx(assessmentId: number, final = false): Promise<{ parts: DocxParts; fileName: string; draft: boolean; missing: string[] }> {
  const r = await h.call('report:export', { assessmentId, final, format: 'docx' });
  const zip = fs.readFileSync(path.join(h.dataDir, r.downloadPath));
  expect(zip.length).toBe(r.size);
  return { parts: docxParts(zip), fileName: r.fileName, draft: r.draft, missing: r.missing };
}

describe('report .docx layout', () => {
  it('has A4 portrait then a landscape appendix section with the decree margins', async () => {
    const { assessmentId } = await departmentAssessment(h, { complete: true });
    const { parts } = await exportDocx(assessmentId);
    const [first, appendix, ...rest] = sections(parts.document);
    expect(rest).toEqual([]);
    expect(first).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(appendix).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
    for (const s of [first!, appendix!]) expect(s).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
  });

  it('uses Times New Roman everywhere, 14 pt body, 13 pt header lines, 12 pt motto, 11 pt recipients', async () => {
    const { assessmentId } = await departmentAssessment(h, { complete: true });
    const { parts } = await exportDocx(assessmentId);
    // Times New Roman 14 pt comes from the document defaults; no part names any other font.
    expect(parts.styles).toMatch(/<w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"\/><w:sz w:val="28"\/>/);
    for (const part of [parts.styles, parts.document, ...parts.headers.values()]) {
      const fonts = new Set([...part.matchAll(/w:(?:ascii|hAnsi|cs|eastAsia)="([^"]+)"/g)].map((m) => m[1]));
      expect([...fonts].filter((f) => f !== 'Times New Roman')).toEqual([]);
    }
    // Table cells take 12 pt (appendices) or 13 pt (summary table) from their paragraph styles.
    for (const [id, size] of [['Cell24Left', 24], ['Cell24Center', 24], ['Cell26Left', 26], ['Cell26Center', 26]] as const) {
      const style = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>(.*?)</w:style>`, 's').exec(parts.styles)?.[1];
      expect(style, id).toContain(`<w:sz w:val="${size}"/>`);
    }
    const runOf = (text: string): string => {
      const match = [...parts.document.matchAll(/<w:r>.*?<\/w:r>/gs)].find((m) => xmlText(m[0]) === text);
      if (!match) throw new Error(`no run "${text}"`);
      return match[0];
    };
    expect(runOf('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toMatch(/<w:b\/>.*<w:sz w:val="24"\/>/s);
    expect(runOf('Độc lập - Tự do - Hạnh phúc')).toContain('<w:sz w:val="26"/>');
    expect(runOf('SỞ NỘI VỤ')).toMatch(/<w:b\/>.*<w:sz w:val="26"\/>/s);
    expect(runOf('Số: …/BC-SNV')).toContain('<w:sz w:val="26"/>');
    expect(runOf('Đà Nẵng, ngày 27 tháng 11 năm 2026')).toMatch(/<w:i\/>.*<w:sz w:val="26"\/>/s);
    expect(runOf('Nơi nhận:')).toMatch(/<w:b\/>.*<w:i\/>.*<w:sz w:val="24"\/>/s);
    expect(runOf('- Lưu: VT, SNV.')).toContain('<w:sz w:val="22"/>');
    expect(runOf('BÁO CÁO')).toContain('<w:b/>');
    expect(runOf('BÁO CÁO')).not.toContain('<w:sz ');
    const justifiedIndented = /<w:spacing [^>]*\/><w:ind w:firstLine="720"\/><w:jc w:val="both"\/>/;
    expect(justifiedIndented.test(parts.document), 'body paragraphs are justified with a 1.27 cm first-line indent').toBe(true);
  });

  it('repeats the appendix header row on every page and writes fields in bold', async () => {
    const { assessmentId, set } = await departmentAssessment(h, { complete: true });
    const { parts } = await exportDocx(assessmentId);
    const rows = tableRows(parts.document);
    const header = rows.find((r) => xmlText(r).includes('Lĩnh vực/tiêu chí/tiêu chí thành phần'));
    expect(header).toContain('<w:tblHeader/>');
    const headerIndex = rows.indexOf(header!);
    const field = rows.slice(headerIndex).find((r) => xmlText(r).includes(set.fields[0]!.title));
    expect(field).toContain('<w:b/>');
    expect(rows.slice(headerIndex + 1).filter((r) => r.includes('<w:tblHeader/>'))).toEqual([]);
    const text = xmlText(parts.document);
    expect(text).toContain('Điều tra XHH');
    expect(text).toContain('Chưa có tài liệu kiểm chứng.');
  });

  it('numbers pages in the header, centred, except on page 1', async () => {
    const { assessmentId } = await departmentAssessment(h, { complete: true });
    const { parts } = await exportDocx(assessmentId);
    const [first, appendix] = sections(parts.document);
    expect(first).toContain('<w:titlePg/>');
    const defaultHeader = sectionHeader(parts, first!, 'default');
    expect(defaultHeader).toMatch(/<w:jc w:val="center"\/>.*<w:instrText xml:space="preserve">PAGE<\/w:instrText>/s);
    expect(sectionHeader(parts, first!, 'first')).not.toContain('PAGE');
    expect(sectionHeader(parts, appendix!, 'default')).toContain('PAGE');
  });
});

describe('draft and final', () => {
  it('marks an incomplete assessment DỰ THẢO, lists what is missing, and refuses a final export', async () => {
    const { assessmentId } = await departmentAssessment(h, { complete: false, leaveOut: 12 });
    const { parts, fileName, draft, missing } = await exportDocx(assessmentId);
    expect(draft).toBe(true);
    expect(fileName).toBe('bao-cao-tu-danh-gia-cchc-2026-snv-du-thao.docx');
    expect(missing[0]).toMatch(/^Còn 12 tiêu chí chưa chấm: [\d.]+(, [\d.]+){11}\.$/);
    expect(missing[1]).toMatch(/^Còn \d+ tiêu chí cần giải trình/);
    const text = xmlText(parts.document);
    expect(text).toContain('DỰ THẢO');
    for (const line of missing) expect(text).toContain(line);

    const refused = await h.fail('report:export', { assessmentId, final: true, format: 'docx' });
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toContain('Còn 12 tiêu chí chưa chấm');
  });

  it('exports a complete assessment without the mark, also as final, atomically under exports/', async () => {
    const { assessmentId } = await departmentAssessment(h, { complete: true });
    const { parts, fileName, draft, missing } = await exportDocx(assessmentId, true);
    expect({ fileName, draft, missing }).toEqual({ fileName: 'bao-cao-tu-danh-gia-cchc-2026-snv.docx', draft: false, missing: [] });
    expect(xmlText(parts.document)).not.toContain('DỰ THẢO');
    const view = await h.call('assessments:open', { assessmentId });
    expect(xmlText(parts.document)).toContain(formatPointsVi(view.totals.totalMilli));
    expect(fs.readdirSync(path.join(h.dataDir, 'exports'))).toEqual([fileName]);
  });

  it('refuses an unknown assessment or format, and a PDF where LibreOffice is missing', async () => {
    const missing = await h.fail('report:export', { assessmentId: 999, final: false, format: 'docx' });
    expect(missing.code).toBe('NOT_FOUND');
    const bad = await h.fail('report:export', { assessmentId: 1, final: false, format: 'odt' });
    expect(bad.code).toBe('INVALID_INPUT');
    const { assessmentId } = await departmentAssessment(h, { complete: true });
    process.env.PAR_SOFFICE = path.join(h.dataDir, 'khong-co-soffice');
    try {
      const pdf = await h.fail('report:export', { assessmentId, final: false, format: 'pdf' });
      expect(pdf.code).toBe('UNAVAILABLE');
      expect(pdf.message).toContain('chưa cài LibreOffice');
    } finally {
      delete process.env.PAR_SOFFICE;
    }
    expect(fs.existsSync(path.join(h.dataDir, 'exports'))).toBe(false);
  });
});

describe('report settings', () => {
  it('offers defaults, saves edits, and always ends the recipients with "- Lưu: VT, …"', async () => {
    const { assessmentId } = await departmentAssessment(h, { complete: true });
    expect(await h.call('report:getSettings', { assessmentId })).toEqual({
      docNumber: '',
      docSymbol: 'BC-SNV',
      reportDate: null,
      difficulties: '',
      recipients: ['- Sở Nội vụ (để báo cáo);', '- Lãnh đạo SNV;', '- Lưu: VT, SNV.'],
      updatedAt: null,
    });
    const saved = await h.call('report:saveSettings', {
      assessmentId,
      settings: { docNumber: ' 125 ', docSymbol: 'BC-SNV', reportDate: '2026-01-05', difficulties: 'Thiếu hướng dẫn chấm tiêu chí 7.3.\n', recipients: ['- UBND thành phố;', '', '- Sở Nội vụ;'] },
    });
    expect(saved).toMatchObject({ docNumber: '125', reportDate: '2026-01-05', difficulties: 'Thiếu hướng dẫn chấm tiêu chí 7.3.', recipients: ['- UBND thành phố;', '- Sở Nội vụ;', '- Lưu: VT, SNV.'] });
    h.reopen();
    expect(await h.call('report:getSettings', { assessmentId })).toEqual(saved);

    const text = xmlText((await exportDocx(assessmentId)).parts.document);
    expect(text).toContain('Số: 125/BC-SNV');
    expect(text).toContain('Đà Nẵng, ngày 05 tháng 01 năm 2026');
    expect(text).toContain('Thiếu hướng dẫn chấm tiêu chí 7.3.');
    expect(text).toContain('- UBND thành phố;');
  });

  it('rejects unknown keys, impossible dates, long lists, and unknown assessments', async () => {
    const { assessmentId } = await departmentAssessment(h, { complete: true });
    const base = { docNumber: '', docSymbol: 'BC-SNV', reportDate: null, difficulties: '', recipients: [] };
    const attempts = [
      { ...base, extra: 1 },
      { ...base, reportDate: '2026-02-30' },
      { ...base, recipients: Array.from({ length: 31 }, (_, i) => `- Nơi ${i};`) },
      { ...base, recipients: ['a\nb'] },
      { ...base, docNumber: 'x'.repeat(21) },
    ];
    for (const settings of attempts) expect((await h.fail('report:saveSettings', { assessmentId, settings })).code).toBe('INVALID_INPUT');
    expect((await h.fail('report:saveSettings', { assessmentId: 999, settings: base })).code).toBe('NOT_FOUND');
    expect((await h.fail('report:getSettings', { assessmentId: 999 })).code).toBe('NOT_FOUND');
  });
});
