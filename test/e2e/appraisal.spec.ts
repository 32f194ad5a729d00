/**
 * The appraisal end to end in Chromium against the real backend: the officer locks, submits the
 * signed PDF, opens "Kết quả thẩm định", imports the council's file with two requests, answers
 * one with an explanation and the other with a new document (and its file), exports the response
 * .docx and the response package (downloaded and checked with `par verify`), imports a second round that publishes the rank and class, and sees the assessment closed.
 * The screen passes axe with an answer form open.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { AnswerInput } from '../../shared/domain/answer';
import { canonicalJson } from '../../shared/domain/canonical-json';
import { findLeaf } from '../../shared/domain/criteria-tree';
import { evaluateLeaf } from '../../shared/domain/scoring-leaf';
import { fullAnswers } from '../helpers/answer-generator';
import { makePdf } from '../helpers/sample-documents';
import { repoRoot } from '../helpers/web-server-process';
import { expect, test } from './fixtures';
import { quickStart, sampleSet, saveThroughApi } from './officer-steps';

const EXPLANATION = 'Tài liệu kiểm chứng lưu tại Văn phòng Sở.';
const answers = [...fullAnswers(sampleSet, 1)].map(([code, a]): [string, AnswerInput] => [code, { ...a, explanation: a.explanation || EXPLANATION }]);
const leaf111 = findLeaf(sampleSet, '1.1.1')!.node;
const self111 = evaluateLeaf(sampleSet, leaf111, new Map(answers).get('1.1.1')).pointsMilli ?? 0;
/** The council's points for 1.1.1: always different from the self score, so the row is highlighted. */
const appraised111 = self111 === 0 ? 1 : 0;
const setHash = createHash('sha256').update(canonicalJson(sampleSet), 'utf8').digest('hex');

const round = (n: number, extra: Record<string, unknown>) =>
  Buffer.from(JSON.stringify({ format: 'par-appraisal/v1', agency: { name: 'SỞ NỘI VỤ', abbreviation: 'SNV' }, year: 2026, setHash, round: n, appraisedOn: '2027-01-20', ...extra }));

const first = round(1, {
  criteria: [
    { code: '1.1.1', points: appraised111, comment: 'Kế hoạch ban hành chậm.', request: 'explain', deadline: '2027-02-05' },
    { code: '1.4.2', comment: 'Thiếu tin, bài đã đăng.', request: 'add-evidence', deadline: '2027-02-05' },
  ],
  survey: [{ code: '8.1.1', points: 2 }],
});
const second = round(2, { criteria: [{ code: '1.1.1', points: 1, comment: 'Đã giải trình hợp lý.' }], published: { rank: 4, rankOf: 21, className: 'Tốt', publishedOn: '2027-03-01' } });

test('an officer imports the appraisal, answers both requests, exports the response, and a second round closes with rank and class', async ({ page, app }) => {
  await quickStart(page, app.url);
  await saveThroughApi(page, answers);
  await page.reload();

  // --- Lock and submit.
  await page.getByRole('button', { name: 'Khóa kỳ đánh giá' }).click();
  await page.getByRole('dialog', { name: 'Khóa kỳ đánh giá?' }).getByRole('button', { name: 'Khóa', exact: true }).click();
  const steps = page.getByRole('region', { name: 'Các bước của kỳ đánh giá' });
  const form = steps.getByRole('form', { name: 'Nộp báo cáo đã ký' });
  await form.getByLabel('Ngày gửi').fill('10/01/2027');
  await form.getByLabel('Số văn bản').fill('12/BC-SNV');
  await form.getByLabel('Ngày ký văn bản').fill('08/01/2027');
  await form.getByLabel('Báo cáo đã ký (PDF hoặc ảnh quét)').setInputFiles({ name: 'bao-cao-ky-so.pdf', mimeType: 'application/pdf', buffer: makePdf('bao cao da ky') });
  await form.getByRole('button', { name: 'Nộp báo cáo' }).click();
  await expect(steps.locator('[aria-current="step"]')).toContainText('Đã nộp');

  // --- Import the first round.
  await steps.getByRole('button', { name: 'Kết quả thẩm định' }).click();
  await expect(page.getByRole('heading', { name: 'Kết quả thẩm định năm 2026' })).toBeVisible();
  const fileInput = page.getByLabel(/^Nhập kết quả thẩm định/);
  await fileInput.setInputFiles({ name: 'tham-dinh-vong-1.json', mimeType: 'application/json', buffer: first });
  await expect(page.getByText('Đã nhập vòng thẩm định 1.')).toBeVisible();
  await expect(page.getByText('Còn 2/2 đề nghị chưa trả lời')).toBeVisible();
  await expect(page.getByText(/Còn 9 tiêu chí điều tra xã hội học chưa có điểm/)).toBeVisible();
  const row111 = page.locator('tr[data-code="1.1.1"]');
  await expect(row111).toHaveClass(/appraisal-row--differs/);
  await expect(row111).toContainText('Đề nghị giải trình');

  // --- Filters.
  await page.getByLabel('Chỉ có đề nghị').check();
  await expect(page.locator('tr.appraisal-row')).toHaveCount(2);
  await page.getByLabel('Chỉ có đề nghị').uncheck();
  await page.getByLabel('Chỉ chỗ khác nhau').check();
  await expect(page.locator('tr[data-code="8.1.1"]')).toBeVisible();
  await expect(page.locator('tr[data-code="1.4.2"]')).toHaveCount(0);
  await page.getByLabel('Chỉ chỗ khác nhau').uncheck();

  // --- Answer 1.1.1 with an explanation.
  await row111.getByRole('button', { name: 'Trả lời 1.1.1' }).click();
  await page.getByLabel('Giải trình cho tiêu chí 1.1.1').fill('Kế hoạch ban hành chậm do sáp nhập đơn vị.');
  await page.getByRole('button', { name: 'Lưu giải trình' }).click();
  await expect(page.getByText('Còn 1/2 đề nghị chưa trả lời')).toBeVisible();
  await row111.getByRole('button', { name: 'Trả lời 1.1.1' }).click();

  // --- Answer 1.4.2 with a new document and its file.
  await page.locator('tr[data-code="1.4.2"]').getByRole('button', { name: 'Trả lời 1.4.2' }).click();
  const answer = page.getByRole('group', { name: 'Trả lời' });
  // The screen with an answer form open passes axe (WCAG 2.1 A/AA): nothing serious or critical.
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
  await answer.getByLabel('Số, ký hiệu').fill('45/BC-SNV');
  await answer.getByLabel('Trích yếu').fill('Báo cáo tin, bài tuyên truyền CCHC');
  await answer.getByLabel('Tệp tài liệu').setInputFiles({ name: 'tin-bai.pdf', mimeType: 'application/pdf', buffer: makePdf('tin bai') });
  await answer.getByRole('button', { name: 'Thêm tài liệu' }).click();
  await expect(answer.getByText('tin-bai.pdf')).toBeVisible();
  await expect(page.getByText('Đã trả lời đủ 2 đề nghị')).toBeVisible();

  // --- The response report.
  const response = page.getByRole('form', { name: /Báo cáo giải trình, bổ sung tài liệu kiểm chứng/ });
  await response.getByLabel('Số văn bản').fill('15');
  await response.getByLabel('Ngày văn bản').fill('03/02/2027');
  await response.getByRole('button', { name: 'Xuất báo cáo giải trình' }).click();
  const link = response.getByRole('link', { name: /bao-cao-giai-trinh-2026-snv\.docx/ });
  await expect(link).toBeVisible();
  const href = await link.getAttribute('href');
  expect(await page.evaluate(async (url) => (await fetch(url!)).status, href)).toBe(200);

  // --- The response package: created, downloaded, and checked by `par verify`.
  await response.getByRole('button', { name: 'Xuất gói giải trình' }).click();
  await expect(response.getByText('Đã tạo gói giải trình vòng 1: 2 đề nghị, 1 tệp tài liệu kèm theo. Gói kiểm tra được bằng lệnh par verify.')).toBeVisible();
  const packageLink = response.getByRole('link', { name: /goi-giai-trinh-cchc-2026-snv-vong-1\.zip/ });
  const [download] = await Promise.all([page.waitForEvent('download'), packageLink.click()]);
  expect(download.suggestedFilename()).toBe('goi-giai-trinh-cchc-2026-snv-vong-1.zip');
  const verified = spawnSync(process.execPath, [path.join(repoRoot, 'main', 'bin', 'par.mjs'), 'verify', await download.path()], { cwd: repoRoot, encoding: 'utf8', timeout: 120_000 });
  expect(verified.stderr).toBe('');
  expect(verified.status).toBe(0);
  expect(verified.stdout).toContain('Loại gói: gói giải trình cho vòng thẩm định 1 (2 đề nghị).');
  expect(verified.stdout).toContain('KẾT QUẢ: HỢP LỆ — gói giải trình vòng 1');

  // --- The second round publishes the result: the assessment is closed with its rank and class.
  await fileInput.setInputFiles({ name: 'tham-dinh-vong-2.json', mimeType: 'application/json', buffer: second });
  await expect(page.getByText('Đã nhập vòng thẩm định 2.')).toBeVisible();
  await expect(page.getByText(/^Vòng 2: tệp tham-dinh-vong-2\.json/)).toBeVisible();
  await expect(page.getByText('Kỳ đánh giá đã có kết quả công bố: không trả lời thêm được.')).toBeVisible();
  await page.getByRole('button', { name: 'Quay lại kỳ đánh giá' }).click();
  await expect(steps.locator('[aria-current="step"]')).toContainText('Đã có kết quả');
  await expect(steps).toContainText('Tốt');
});
