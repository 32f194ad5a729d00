/**
 * An agency with many documents. Search with more matches than one page (50): the status says how
 * many match in all (counted by the database), and "Xem thêm tài liệu" brings the rest into the list
 * until every one is shown. "Dùng tài liệu đã có" and "Danh sách còn thiếu" draw only the rows in
 * view, yet the filter and the Tab key reach every document.
 */
import { expect, test } from './fixtures';
import { escapeRegExp, evidenceSection, quickStart, sampleSet, treeItem } from './officer-steps';
import { createDocumentsThroughApi } from './page-api';
import { leavesOf } from '../../shared/domain/criteria-tree';

const MATCHING = 130;
const yesNo = leavesOf(sampleSet).map((v) => v.node).filter((n) => n.rule?.kind === 'yesNo');
const leaf = yesNo[0]!;
const otherLeaf = yesNo[1]!;
const MANY = 400;
/** Far fewer rows than documents are drawn (the box shows about ten; a few more around them). */
const MAX_DRAWN = 40;

test('"Tìm thấy" counts every match and "Xem thêm" shows them all', async ({ page, app }) => {
  test.slow(); // 131 documents are created first
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

test('"Dùng tài liệu đã có" and "Danh sách còn thiếu" with 400 documents draw only the rows in view; keyboard reaches any', async ({ page, app }) => {
  test.slow(); // 400 documents are created first
  await quickStart(page, app.url);
  const docs = Array.from({ length: MANY }, (_, i) => ({ docNumber: `${i + 1}/KH-SNV`, summary: `Kế hoạch số ${i + 1}` }));
  await createDocumentsThroughApi(page, leaf.code, docs);
  await page.reload();
  await treeItem(page, otherLeaf.code).click();
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^${escapeRegExp(otherLeaf.code)} `) })).toBeVisible();

  await evidenceSection(page).getByRole('button', { name: 'Dùng tài liệu đã có' }).click();
  const picker = page.getByRole('dialog', { name: `Dùng tài liệu đã có cho tiêu chí ${otherLeaf.code}` });
  await expect(picker.getByRole('status')).toHaveText(`Hiện ${MANY}/${MANY} tài liệu của cơ quan (kể cả các năm trước).`);
  const rows = picker.getByRole('list', { name: 'Tài liệu của cơ quan' }).getByRole('listitem');
  await expect(rows.first()).toContainText(`${MANY}/KH-SNV`);
  expect(await rows.count()).toBeLessThanOrEqual(MAX_DRAWN);
  // The database pages them: 100 at a time, the rest a button away.
  await expect(rows.first()).toHaveAttribute('aria-setsize', '100');
  await expect(picker.getByRole('button', { name: 'Xem thêm tài liệu (đang hiện 100 trong 400)' })).toBeVisible();

  // Tab walks row after row past the drawn ones (newest first: the 30th is number MANY − 29).
  const filter = picker.getByLabel('Lọc tài liệu');
  await expect(filter).toBeFocused();
  for (let i = 0; i < 30; i++) await page.keyboard.press('Tab');
  const focused = picker.getByRole('button', { name: `Dùng tài liệu ${MANY - 29}/KH-SNV cho tiêu chí này` });
  await expect(focused).toBeFocused();
  await expect(focused).toBeInViewport();

  // The filter finds an old one; Enter links it here.
  await filter.focus();
  await page.keyboard.type('317/KH-SNV');
  await expect(picker.getByRole('status')).toHaveText(`Hiện 1/${MANY} tài liệu của cơ quan (kể cả các năm trước).`);
  await page.keyboard.press('Tab');
  await expect(picker.getByRole('button', { name: 'Dùng tài liệu 317/KH-SNV cho tiêu chí này' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  await expect(evidenceSection(page).getByRole('article', { name: '317/KH-SNV' })).toBeVisible();

  // Every document is file-less: the completeness list counts them all and draws a few.
  await page.getByRole('button', { name: 'Danh sách còn thiếu' }).click();
  const gaps = page.getByRole('region', { name: 'Danh sách còn thiếu' });
  await expect(gaps.getByRole('status')).toContainText(`${MANY} tài liệu chưa có tệp.`);
  const withoutFiles = gaps.getByRole('list', { name: 'Tài liệu chưa có tệp đính kèm' }).getByRole('listitem');
  await expect(withoutFiles.first()).toBeVisible();
  expect(await withoutFiles.count()).toBeLessThanOrEqual(MAX_DRAWN);
  await expect(gaps.getByRole('button', { name: `Xem thêm tài liệu chưa có tệp (đang hiện 100 trong ${MANY})` })).toBeVisible();
});
