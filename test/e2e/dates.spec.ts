/**
 * Dates typed the Vietnamese way in a browser set to English (US): 10/01/2026 is 10 January, an
 * impossible date is refused clearly, and a document without a date is saved only when the officer
 * says so ("Văn bản chưa có ngày"), which the card then shows.
 */
import { expect, test } from './fixtures';
import { evidenceSection, quickStart, sampleSet, treeItem } from './officer-steps';
import { walkSet } from '../../shared/domain/criteria-tree';

test.use({ locale: 'en-US', timezoneId: 'America/New_York' });

const leaf = [...walkSet(sampleSet)].find((v) => v.part === 'main' && v.isLeaf && v.node.rule?.kind !== 'survey')!.node;

test('dd/mm/yyyy whatever the browser locale; no date only when said so', async ({ page, app }) => {
  await quickStart(page, app.url);
  await treeItem(page, leaf.code).click();
  const section = evidenceSection(page);

  await section.getByRole('button', { name: 'Thêm tài liệu' }).click();
  const date = page.getByLabel('Ngày ban hành');
  await expect(date).toHaveAttribute('placeholder', 'dd/mm/yyyy');
  await page.getByLabel('Số, ký hiệu').fill('12/KH-UBND');
  await date.fill('31/02/2026');
  await expect(page.getByRole('alert').filter({ hasText: 'Ngày 31/02/2026 không có thật: tháng 2 năm 2026 chỉ có 28 ngày.' })).toBeVisible();
  await page.getByRole('button', { name: 'Lưu tài liệu' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Ngày ban hành không hợp lệ' })).toBeVisible();
  await expect(section.getByRole('article', { name: '12/KH-UBND' })).toHaveCount(0);

  await date.fill('10012026'); // the slashes come by themselves
  await expect(date).toHaveValue('10/01/2026');
  await page.getByRole('button', { name: 'Lưu tài liệu' }).click();
  const card = section.getByRole('article', { name: '12/KH-UBND' });
  await expect(card).toContainText('10/01/2026');

  // Without a date: refused until "Văn bản chưa có ngày" is ticked, then shown on the card.
  await section.getByRole('button', { name: 'Thêm tài liệu' }).click();
  await page.getByLabel('Số, ký hiệu').fill('13/TB-UBND');
  await page.getByRole('button', { name: 'Lưu tài liệu' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Hãy nhập ngày ban hành (ngày/tháng/năm) hoặc đánh dấu “Văn bản chưa có ngày”.' }).first()).toBeVisible();
  await page.getByLabel('Văn bản chưa có ngày').check();
  await page.getByRole('button', { name: 'Lưu tài liệu' }).click();
  await expect(section.getByRole('article', { name: '13/TB-UBND' })).toContainText('chưa có ngày');

  // After a reload the stored date reads the same.
  await page.reload();
  await expect(evidenceSection(page).getByRole('article', { name: '12/KH-UBND' })).toContainText('10/01/2026');
});
