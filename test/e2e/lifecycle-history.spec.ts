/**
 * After the lock, end to end in Chromium against the real backend: the officer edits one leaf
 * twice, locks, submits the signed PDF with the document's number and dates, sees "Đã nộp" in the
 * steps and in the assessment list, reads the leaf's "Lịch sử thay đổi" (both edits, in words), opens the
 * whole assessment's history and exports it to .xlsx.
 */
import type { AnswerInput } from '../../shared/domain/answer';
import { walkSet } from '../../shared/domain/criteria-tree';
import { fullAnswers } from '../helpers/answer-generator';
import { lifecycleSteps, lockAssessment, submitSignedReport } from './cycle-steps';
import { expect, test } from './fixtures';
import { quickStart, sampleSet, saveThroughApi, treeItem } from './officer-steps';

const EXPLANATION = 'Tài liệu kiểm chứng lưu tại Văn phòng Sở.';
const SECOND = 'Lần thứ hai, đã bổ sung: Kế hoạch cải cách hành chính năm 2026 ban hành kèm Quyết định số 15/QĐ-SNV, lưu tại Văn phòng Sở.';
const answers = [...fullAnswers(sampleSet, 1)].map(([code, a]): [string, AnswerInput] => [code, { ...a, explanation: a.explanation || EXPLANATION }]);
const lastCode: string = (() => {
  const leaf = [...walkSet(sampleSet)].filter((v) => v.part === 'main' && v.isLeaf && v.node.rule?.kind === 'yesNo' && v.node.maxPoints > 0).at(-1);
  if (!leaf) throw new Error('the sample set needs a yes/no leaf on the main scale');
  return leaf.node.code;
})();

test('an officer locks, submits the signed PDF, sees the status in the list, reads the leaf history and exports the assessment history', async ({ page, app }) => {
  await quickStart(page, app.url);
  await saveThroughApi(page, answers.filter(([code]) => code !== lastCode));
  await page.reload();

  // --- Two edits of one leaf.
  await treeItem(page, lastCode).click();
  await page.getByRole('radio', { name: 'Đạt', exact: true }).check();
  const explanation = page.getByRole('textbox', { name: 'Giải trình', exact: true });
  await explanation.fill('Lần thứ nhất');
  await explanation.blur();
  await expect(page.getByRole('status').filter({ hasText: /^Đã lưu lúc/ })).toBeVisible();
  await explanation.fill(SECOND);
  await explanation.blur();
  await expect(page.getByRole('status').filter({ hasText: /^Đã lưu lúc/ })).toBeVisible();

  // --- Lock.
  await lockAssessment(page);
  const steps = lifecycleSteps(page);

  // --- Submit with the signed PDF.
  const form = steps.getByRole('form', { name: 'Nộp báo cáo đã ký' });
  await form.getByRole('button', { name: 'Nộp báo cáo' }).click();
  await expect(form.getByRole('alert')).toContainText('Hãy điền đủ');
  await submitSignedReport(page, { sentOn: '10/12/2026', docNumber: '125/BC-SNV', docDate: '08/12/2026', fileName: 'bao-cao-ky-so.pdf' });
  await expect(steps.getByText('Kỳ đánh giá ở trạng thái “Đã nộp” — chỉ xem.')).toBeVisible();
  await expect(steps).toContainText('văn bản số 125/BC-SNV ngày 08/12/2026; báo cáo đã ký: bao-cao-ky-so.pdf');
  await steps.getByRole('button', { name: 'Xuất lại gói đã nộp' }).click();
  await expect(steps.getByRole('link', { name: /goi-tu-danh-gia-cchc-2026/ })).toBeVisible();

  // --- The list shows the status of the year.
  await page.getByRole('button', { name: 'Danh sách kỳ đánh giá' }).click();
  await expect(page.getByRole('row', { name: /2026/ })).toContainText('Đã nộp');
  await page.getByRole('button', { name: /^Mở kỳ đánh giá năm 2026/ }).click();

  // --- The leaf's history holds every save, newest first: the two explanations, then "Đạt" alone.
  await treeItem(page, lastCode).click();
  await page.getByText('Lịch sử thay đổi', { exact: true }).last().click();
  const rows = page.locator('.leaf-history tbody tr');
  await expect(rows).toHaveCount(3);
  // A long text is cut on screen; "Xem đủ" opens the whole line.
  const full = `Giải trình: “Lần thứ nhất” → “${SECOND}”`;
  await expect(rows.nth(0).getByText(full, { exact: true })).toBeHidden();
  await rows.nth(0).getByText('Xem đủ').click();
  await expect(rows.nth(0).getByText(full, { exact: true })).toBeVisible();
  await expect(rows.nth(1)).toContainText('Giải trình: (trống) → “Lần thứ nhất”');
  await expect(rows.nth(2)).toContainText('Kết quả: (chưa chấm) → Đạt');

  // --- The whole assessment's history: filter to status changes, export.
  await page.getByRole('button', { name: 'Lịch sử thay đổi' }).click();
  await expect(page.getByRole('heading', { name: 'Lịch sử thay đổi của kỳ đánh giá năm 2026' })).toBeVisible();
  await expect(page.getByText(/^\d+ \/ \d+ thay đổi$/)).toBeVisible();
  await page.getByLabel('Loại thay đổi').selectOption({ label: 'Trạng thái' });
  await page.getByRole('button', { name: 'Lọc' }).click();
  await expect(page.getByText('2 / 2 thay đổi')).toBeVisible();
  await page.getByRole('button', { name: 'Xuất Excel (.xlsx)' }).click();
  const link = page.getByRole('link', { name: /lich-su-thay-doi-2026/ });
  await expect(link).toBeVisible();
  const href = await link.getAttribute('href');
  const status = await page.evaluate(async (url) => (await fetch(url!)).status, href);
  expect(status).toBe(200);
});
