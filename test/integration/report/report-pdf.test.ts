/** The report converted with LibreOffice headless and read back with poppler: the text a person
 *  sees, the page-number rule, and PNG renders of page 1 and an appendix page kept in
 *  test/artifacts/report/ for a person to look at. */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSoffice } from '../../../main/report/libreoffice';
import { formatPercentVi, formatPointsVi } from '../../../shared/format/numbers';
import type { Totals } from '../../../shared/domain/scoring-types';
import { createHarness, type Harness } from '../../helpers/app-harness';
import { departmentAssessment, type ReportAssessment } from '../../helpers/report-assessment';
import { repoRoot } from '../../helpers/web-server-process';

const soffice = findSoffice();
const hasPoppler = ['pdftotext', 'pdfinfo', 'pdftoppm'].every((tool) => spawnSync(tool, ['-v']).error === undefined);
const canRun = soffice !== null && hasPoppler;
if (!canRun) {
  const missing = [soffice ? '' : 'LibreOffice (soffice; Debian: apt-get install -y libreoffice-writer-nogui fonts-liberation, elsewhere libreoffice.org or PAR_SOFFICE)', hasPoppler ? '' : 'poppler (pdftotext, pdfinfo, pdftoppm; Debian: apt-get install -y poppler-utils, macOS: brew install poppler)'];
  console.log(`report-pdf: SKIPPED: not installed here: ${missing.filter(Boolean).join(' and ')}; .ci/run installs them on Debian.`);
}

const artifacts = path.join(repoRoot, 'test', 'artifacts', 'report');
/** The top margin (20 mm) in PDF points, where the page number sits. */
const TOP_MARGIN_PT = 56;

let h: Harness;
let a: ReportAssessment;
let pdf: string;
let totals: Totals;

const pdftotext = (...args: string[]): string => execFileSync('pdftotext', [...args, pdf, '-'], { encoding: 'utf8' });
const oneLine = (text: string): string => text.replace(/\s+/g, ' ');
const pageCount = (): number => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
const topMarginText = (page: number): string => pdftotext('-f', String(page), '-l', String(page), '-x', '0', '-y', '0', '-W', '900', '-H', String(TOP_MARGIN_PT)).trim();

function renderPage(page: number, name: string): string {
  fs.mkdirSync(artifacts, { recursive: true });
  const base = path.join(artifacts, name);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', String(page), '-l', String(page), '-singlefile', pdf, base]);
  return `${base}.png`;
}

beforeAll(async () => {
  if (!canRun) return;
  h = createHarness();
  a = await departmentAssessment(h, { complete: true });
  await h.call('report:saveSettings', {
    assessmentId: a.assessmentId,
    settings: { docNumber: '', docSymbol: 'BC-SNV', reportDate: '2026-01-05', difficulties: 'Đề nghị Sở Nội vụ tổ chức tập huấn chấm điểm.', recipients: [] },
  });
  const r = await h.call('report:export', { assessmentId: a.assessmentId, final: true, format: 'pdf' });
  expect(r.fileName).toBe('bao-cao-tu-danh-gia-cchc-2026-snv.pdf');
  pdf = path.join(h.dataDir, r.downloadPath);
  totals = (await h.call('assessments:open', { assessmentId: a.assessmentId })).totals;
}, 180_000);
afterAll(() => h?.dispose());

describe('report PDF (LibreOffice)', () => {
  it.skipIf(!canRun)('is a PDF whose text holds the agency, every field, the totals, the signer and the recipients', () => {
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const text = oneLine(pdftotext());
    for (const expected of [
      'SỞ NỘI VỤ',
      'ỦY BAN NHÂN DÂN THÀNH PHỐ ĐÀ NẴNG',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Đà Nẵng, ngày 05 tháng 01 năm 2026',
      'Nơi nhận:',
      '- Lưu: VT, SNV.',
      'Nguyễn Văn An',
      'KT. GIÁM ĐỐC',
      'Chấm theo Bộ chỉ số mẫu, không phải bộ chỉ số chính thức',
      'Đề nghị Sở Nội vụ tổ chức tập huấn chấm điểm.',
      'Chưa có tài liệu kiểm chứng.',
    ]) {
      expect(text, expected).toContain(expected);
    }
    for (const field of a.set.fields) expect(text, field.title).toContain(field.title);
    const total = formatPointsVi(totals.totalMilli);
    expect(total).toMatch(/^\d+,\d+$/);
    expect(text).toContain(`Tổng điểm tự đánh giá: ${total} điểm`);
    expect(text).toContain(`đạt ${formatPercentVi(totals.percent)}%`);
    expect(text).not.toContain('DỰ THẢO');
  });

  it.skipIf(!canRun)('numbers pages in the top margin from page 2, none on page 1, and lays the appendix out in landscape', () => {
    expect(pageCount()).toBeGreaterThan(3);
    expect(topMarginText(1)).toBe('');
    expect(topMarginText(2)).toBe('2');
    const info = execFileSync('pdfinfo', ['-f', '1', '-l', String(pageCount()), pdf], { encoding: 'utf8' });
    const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => Number(m[1]) > Number(m[2]));
    expect(sizes[0]).toBe(false);
    expect(sizes.at(-1)).toBe(true);
    expect(Math.round(Number(/Page\s+1 size:\s+([\d.]+) x ([\d.]+)/.exec(info)![1]))).toBe(595);
  });

  it.skipIf(!canRun)('renders page 1 and the first appendix page to PNG for a person to check', () => {
    const pages = pageCount();
    const appendixPage = Array.from({ length: pages }, (_, i) => i + 1).find((p) => pdftotext('-f', String(p), '-l', String(p)).split('\n').some((line) => line.trim() === 'Phụ lục 1'));
    expect(appendixPage).toBeGreaterThan(1);
    for (const file of [renderPage(1, 'page-1'), renderPage(appendixPage!, 'appendix-1')]) {
      expect(fs.readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
    }
  });
});
