/**
 * Search with more matching documents than one page (50): the status says how many match in all
 * (counted by the database), and "Xem thêm tài liệu" brings the rest into the list until every
 * one is shown; a result on a later page still opens.
 */
import { expect, test } from './fixtures';
import { escapeRegExp, quickStart, sampleSet, treeItem } from './officer-steps';
import { createDocumentsThroughApi } from './page-api';
import { leavesOf } from '../../shared/domain/criteria-tree';

const MATCHING = 130;
const leaf = leavesOf(sampleSet).map((v) => v.node).find((n) => n.rule?.kind === 'yesNo')!;

test('"Tìm thấy" counts every match and "Xem thêm" shows them all', async ({ page, app }) => {
  await quickStart(page, app.url);
  const docs = Array.from({ length: MATCHING }, (_, i) => ({ docNumber: `${i + 1}/KH-SNV`, summary: `Kế hoạch tuyên truyền đợt ${i + 1}` }));
  await createDocumentsThroughApi(page, leaf.code, [...docs, { docNumber: '9/TB-SNV', summary: 'Thông báo lịch họp' }]);
  await page.reload();
  await expect(treeItem(page, leaf.code)).toBeVisible();

  const search = page.getByRole('search').getByRole('searchbox', { name: 'Tìm kiếm' });
  await search.fill('ke hoach tuyen truyen');
  const results = page.getByRole('region', { name: 'Kết quả tìm kiếm' });
  await expect(results.getByRole('status')).toHaveText(new RegExp(`${MATCHING} tài liệu\\.$`));
  const documentButtons = results.getByRole('button', { name: /\/KH-SNV/ });
  await expect(documentButtons).toHaveCount(50);

  const more = results.getByRole('button', { name: /^Xem thêm tài liệu/ });
  await expect(more).toHaveText(`Xem thêm tài liệu (đang hiện 50 trong ${MATCHING})`);
  await more.click();
  await expect(documentButtons).toHaveCount(100);
  await more.click();
  await expect(documentButtons).toHaveCount(MATCHING);
  await expect(more).toHaveCount(0);

  // The oldest document (last page) opens its criterion like any other result.
  await results.getByRole('button', { name: new RegExp(`^1/KH-SNV${escapeRegExp(' ')}`) }).click();
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^${escapeRegExp(leaf.code)} `) })).toBeVisible();
});
