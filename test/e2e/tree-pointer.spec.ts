/**
 * A row of the criteria tree is chosen when the mouse button goes down on it, as in a desktop tree:
 * rows that take their real height just after a jump can move the row from under the pointer
 * before the button comes up, and the officer's press must still choose the row pressed (CI once
 * saw a click that only focused the row). Pressing the twisty folds the group and chooses nothing.
 */
import { expect, test } from './fixtures';
import { quickStart, treeItem } from './officer-steps';

test('a row pressed and released elsewhere is still the chosen criterion; the twisty only folds', async ({ page, app }) => {
  await quickStart(page, app.url);
  const pressed = treeItem(page, '1.2');
  const other = treeItem(page, '1.3');
  await expect(pressed).toHaveAttribute('aria-selected', 'false');
  const from = (await pressed.boundingBox())!;
  const to = (await other.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2);
  await page.mouse.up();
  await expect(pressed).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { level: 2 })).toContainText('1.2');
  await expect(other).toHaveAttribute('aria-selected', 'false');

  const group = treeItem(page, '2');
  await expect(group).toHaveAttribute('aria-expanded', 'true');
  await group.locator('.twisty').click();
  await expect(group).toHaveAttribute('aria-expanded', 'false');
  await expect(group).toHaveAttribute('aria-selected', 'false');
  await expect(pressed).toHaveAttribute('aria-selected', 'true');
});
