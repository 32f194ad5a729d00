/**
 * Honest input states on the usual office laptop (1366×768): a refused score never pretends to be
 * saved, the stored value stays visible beside the field without scrolling, and leaving the item
 * asks first. Also: the score box of a leaf is in view without scrolling.
 */
import { expect, test } from './fixtures';
import { quickStart, sampleSet, treeItem } from './officer-steps';
import { walkSet } from '../../shared/domain/criteria-tree';
import { formatDecimalVi } from '../../shared/format/numbers';

test.use({ viewport: { width: 1366, height: 768 } });

const leaves = [...walkSet(sampleSet)].filter((v) => v.part === 'main' && v.isLeaf).map((v) => v.node);
const manual = leaves.find((n) => n.rule?.kind === 'manual')!;
const other = leaves.find((n) => n.code !== manual.code && n.rule?.kind === 'yesNo')!;

async function inViewport(page: import('@playwright/test').Page, locator: import('@playwright/test').Locator): Promise<void> {
  const box = await locator.boundingBox();
  expect(box, 'the element is laid out').not.toBeNull();
  const vp = page.viewportSize()!;
  expect(box!.y, 'top edge inside the window').toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, 'bottom edge inside the window (no scrolling)').toBeLessThanOrEqual(vp.height);
}

test('a refused score shows what is stored, what is not saved, and asks before leaving', async ({ page, app }) => {
  await quickStart(page, app.url);
  await treeItem(page, manual.code).click();
  const score = page.getByLabel('Điểm tự chấm');
  await inViewport(page, score);
  const good = formatDecimalVi(manual.maxPoints - (manual.rule?.kind === 'manual' ? manual.rule.step : 0));
  await score.fill(good);
  await score.blur();
  await expect(page.getByRole('status').filter({ hasText: /^Đã lưu lúc/ })).toBeVisible();

  const bad = formatDecimalVi(manual.maxPoints + 1);
  await score.fill(bad);
  const note = page.getByText(`Giá trị vừa gõ “${bad}” chưa được lưu; điểm đã lưu vẫn là ${good}.`);
  await expect(note).toBeVisible();
  await inViewport(page, note);
  await expect(page.getByRole('status').filter({ hasText: /^Đã lưu lúc/ })).toHaveCount(0);
  await expect(page.locator('.save-status--saved')).toHaveCount(0);
  await expect(treeItem(page, manual.code)).toContainText(good);

  // Leaving asks first; "Cancel" keeps the officer on the item with the typed value.
  let asked = '';
  page.once('dialog', (d) => {
    asked = d.message();
    void d.dismiss();
  });
  await treeItem(page, other.code).click();
  expect(asked).toContain(`Mục ${manual.code} có giá trị vừa gõ “${bad}” không hợp lệ`);
  await expect(score).toHaveValue(bad);
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^${manual.code.replace(/\./g, '\\.')} `) })).toBeVisible();

  // "OK" leaves; the stored score is untouched and the badge is green again.
  page.once('dialog', (d) => void d.accept());
  await treeItem(page, other.code).click();
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^${other.code.replace(/\./g, '\\.')} `) })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^Đã lưu lúc/ })).toBeVisible();
  await treeItem(page, manual.code).click();
  await expect(score).toHaveValue(good);
});
