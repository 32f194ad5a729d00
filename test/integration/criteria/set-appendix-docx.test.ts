/** A criteria set published as the .docx appendix table: its XML (landscape A4, header row repeated,
 *  one row per node) and, where LibreOffice and poppler exist, the text a person reads in the PDF. */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { convertDocxToPdf, findSoffice } from '../../../main/report/libreoffice';
import { createHarness, type Harness } from '../../helpers/app-harness';
import { SAMPLE_FILES, loadSampleSet } from '../../helpers/criteria-xlsx';
import { docxParts, sections, tableRows, xmlText } from '../../helpers/docx-xml';
import { walkSet } from '../../../shared/domain/criteria-tree';

const soffice = findSoffice();
const hasPoppler = spawnSync('pdftotext', ['-v']).error === undefined;
const canConvert = soffice !== null && hasPoppler;
if (!canConvert) console.log('set-appendix-docx: PDF check skipped: LibreOffice (soffice) or poppler-utils is not installed; .ci/run installs them');

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.dispose());

async function exportDocx(): Promise<Buffer> {
  const installed = await h.call('criteriaSets:import', { fileName: 'xa.json', text: fs.readFileSync(SAMPLE_FILES[0], 'utf8'), confirmNewVersion: false });
  const exported = await h.call('criteriaSets:export', { hash: installed.summary.hash, format: 'docx' });
  expect(exported.fileName).toBe('phu-luc-bo-chi-so-mau-xa-phuong-2026-v1.docx');
  return fs.readFileSync(path.join(h.dataDir, exported.downloadPath));
}

describe('criteria set as a .docx appendix', () => {
  it('is one landscape A4 section with a repeated header row and one row per node, content 9 and the total', async () => {
    const { document } = docxParts(await exportDocx());
    const [section] = sections(document);
    expect(section).toContain('w:orient="landscape"');
    expect(section).toMatch(/<w:pgSz w:w="16838" w:h="11906"/);
    const rows = tableRows(document);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(xmlText(rows[0]!)).toBe('STTLĩnh vực/Tiêu chí/Tiêu chí thành phầnĐiểm tối đaHướng dẫn chấm điểmTài liệu kiểm chứng');
    const set = loadSampleSet(SAMPLE_FILES[0]);
    const nodes = [...walkSet(set)].length;
    expect(rows.length).toBe(1 + nodes + 3 + 1); // header, every node, content 9 and its two parts, the total
    expect(xmlText(rows[1]!)).toContain(`1${set.fields[0]!.title}9`);
    expect(xmlText(rows[rows.length - 1]!)).toBe('Tổng điểm tối đa100');
    expect(xmlText(document)).toContain('Cách chấm: Chọn một trong 3 mức: 1 / 0,5 / 0 điểm.');
  });

  it.skipIf(!canConvert)('opens in LibreOffice and reads as the appendix a Sở Nội vụ attaches', async () => {
    const pdf = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'par-appendix-')), 'phu-luc.pdf');
    fs.writeFileSync(pdf, await convertDocxToPdf(await exportDocx(), soffice!));
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Phụ lục');
    expect(text).toContain('BỘ CHỈ SỐ MẪU');
    // Table cells wrap, so only short texts are looked for whole.
    expect(text).toContain('Cải cách thể chế');
    expect(text).toContain('Điểm thưởng, điểm trừ');
    expect(text).toMatch(/Tổng điểm tối đa\s+100/);
  }, 180_000);
});
