/**
 * Locking a finished assessment, end to end in Chromium against the real backend. Every leaf but
 * one is answered through the backend API from the page (as the renderer would; typing the whole
 * sample set would be slow), the officer answers the last one in the UI, sees the lock button come
 * alive, locks after confirming, finds every input read only (also after a reload and on the list),
 * unlocks after a confirmation that warns about the signed report, and edits again.
 */
import type { Page } from '@playwright/test';
import type { AnswerInput } from '../../shared/domain/answer';
import { walkSet } from '../../shared/domain/criteria-tree';
import { fullAnswers } from '../helpers/answer-generator';
import { expect, test } from './fixtures';
import { evidenceSection, quickStart, sampleSet, saveThroughApi, treeItem } from './officer-steps';

const EXPLANATION = 'Tài liệu kiểm chứng lưu tại Văn phòng Sở.';
const answers = [...fullAnswers(sampleSet, 1)].map(([code, a]): [string, AnswerInput] => [code, { ...a, explanation: a.explanation || EXPLANATION }]);
/** The leaf the officer answers in the UI: the last yes/no leaf of the main scale. */
const lastCode: string = (() => {
  const leaf = [...walkSet(sampleSet)].filter((v) => v.part === 'main' && v.isLeaf && v.node.rule?.kind === 'yesNo' && v.node.maxPoints > 0).at(-1);
  if (!leaf) throw new Error('the sample set needs a yes/no leaf on the main scale');
  return leaf.node.code;
})();
const seeded = answers.filter(([code]) => code !== lastCode);

const banner = (page: Page) => page.getByRole('region', { name: 'Kỳ đánh giá đã khóa — chỉ xem. Mở khóa để sửa.' });
const lockButton = (page: Page) => page.getByRole('button', { name: 'Khóa kỳ đánh giá' });
const achieved = (page: Page) => page.getByRole('radio', { name: 'Đạt', exact: true });
const notAchieved = (page: Page) => page.getByRole('radio', { name: 'Không đạt', exact: true });
const explanationBox = (page: Page) => page.getByRole('textbox', { name: 'Giải trình', exact: true });

async function expectReadOnly(page: Page): Promise<void> {
  await expect(banner(page)).toBeVisible();
  await expect(lockButton(page)).toHaveCount(0);
  await treeItem(page, lastCode).click();
  await expect(achieved(page)).toBeChecked();
  await expect(achieved(page)).toBeDisabled();
  await expect(notAchieved(page)).toBeDisabled();
  await expect(explanationBox(page)).toHaveValue(EXPLANATION);
  await expect(explanationBox(page)).not.toBeEditable();
  const evidence = evidenceSection(page);
  await expect(evidence.getByRole('button', { name: 'Thêm tài liệu' })).toBeDisabled();
  await expect(evidence.getByRole('button', { name: 'Dùng tài liệu đã có' })).toBeDisabled();
  await expect(evidence).toContainText('Kỳ đánh giá đã khóa: không thêm, sửa, gỡ hoặc đính kèm tài liệu được.');
}

test('an officer locks a finished assessment, finds it read only after a reload, unlocks it and edits again', async ({ page, app }) => {
  await quickStart(page, app.url);
  await saveThroughApi(page, seeded);
  await page.reload();

  // --- One leaf is left: locking is not possible yet, and the reason says what is missing.
  await expect(lockButton(page)).toBeDisabled();
  await expect(page.getByText('Chưa khóa được: còn 1 tiêu chí chưa chấm.')).toBeVisible();

  await treeItem(page, lastCode).click();
  await achieved(page).check();
  await explanationBox(page).fill(EXPLANATION);
  await explanationBox(page).blur();
  await expect(treeItem(page, lastCode)).toContainText('Đã chấm');
  await expect(lockButton(page)).toBeEnabled();
  await expect(page.getByText(/^Chưa khóa được/)).toHaveCount(0);

  // --- Lock, after a confirmation that says what locking means (cancel first: nothing changes).
  await lockButton(page).click();
  let dialog = page.getByRole('dialog', { name: 'Khóa kỳ đánh giá?' });
  await expect(dialog).toContainText('chỉ xem được, không sửa được');
  await dialog.getByRole('button', { name: 'Hủy' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(banner(page)).toHaveCount(0);
  await lockButton(page).click();
  await page.getByRole('dialog', { name: 'Khóa kỳ đánh giá?' }).getByRole('button', { name: 'Khóa', exact: true }).click();
  await expectReadOnly(page);
  await page.screenshot({ path: test.info().outputPath('locked.png') });

  // --- Still locked after a reload, and the list says so.
  await page.reload();
  await expectReadOnly(page);
  await page.getByRole('button', { name: 'Danh sách kỳ đánh giá' }).click();
  await expect(page.getByRole('row', { name: /2026/ })).toContainText('Đã khóa');
  await page.getByRole('button', { name: /^Mở kỳ đánh giá năm 2026/ }).click();
  await expectReadOnly(page);

  // --- Unlock, after a warning that the signed report may no longer match.
  await banner(page).getByRole('button', { name: 'Mở khóa' }).click();
  dialog = page.getByRole('dialog', { name: 'Mở khóa kỳ đánh giá?' });
  await expect(dialog).toContainText('Báo cáo đã xuất hoặc đã ký có thể không còn khớp với dữ liệu');
  await dialog.getByRole('button', { name: 'Mở khóa để sửa' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Hãy ghi lý do.'); // going back needs a reason, kept in the history
  await dialog.getByLabel('Lý do mở khóa (được lưu trong lịch sử thay đổi)').fill('Sửa tiêu chí cuối');
  await dialog.getByRole('button', { name: 'Mở khóa để sửa' }).click();
  await expect(banner(page)).toHaveCount(0);
  await expect(lockButton(page)).toBeEnabled();

  // --- Editing works again, and is kept.
  await notAchieved(page).check();
  await expect(page.getByRole('status').filter({ hasText: /^Đã lưu lúc/ })).toBeVisible();
  await expect(evidenceSection(page).getByRole('button', { name: 'Thêm tài liệu' })).toBeEnabled();
  await page.reload();
  await treeItem(page, lastCode).click();
  await expect(notAchieved(page)).toBeChecked();
  await expect(notAchieved(page)).toBeEnabled();
  await page.getByRole('button', { name: 'Danh sách kỳ đánh giá' }).click();
  await expect(page.getByRole('row', { name: /2026/ })).toContainText('Đang chấm');
});
