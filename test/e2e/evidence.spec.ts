/**
 * Evidence (tài liệu kiểm chứng) end to end in Chromium against the real backend: record a
 * document on a scored leaf, attach two real files through the file input, reuse the item on a
 * second criterion, preview the PDF inside the app, find it by a search without diacritics,
 * and watch the completeness list shrink when an explanation is written. Also drag-and-drop and
 * cancelling an upload (nothing is kept).
 *
 * The leaves are picked from seeds/sample-department-2026.json at test time.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { CriteriaNode } from '../../shared/domain/criteria-set-schema';
import { walkSet } from '../../shared/domain/criteria-tree';
import { makePdf, PNG_1X1 } from '../helpers/sample-documents';
import { repoRoot } from '../helpers/web-server-process';
import { expect, test } from './fixtures';
import { escapeRegExp, evidenceSection, quickStart, sampleSet, summaryStat, treeItem } from './officer-steps';

const set = sampleSet;
const mainLeaves = [...walkSet(set)].filter((v) => v.part === 'main' && v.isLeaf).map((v) => v.node);
const yesNoLeaves = mainLeaves.filter((n) => n.rule?.kind === 'yesNo' && n.maxPoints > 0);
if (yesNoLeaves.length < 3) throw new Error('the sample set needs three yes/no leaves');
const [leafA, leafB, leafC] = yesNoLeaves as [CriteriaNode, CriteriaNode, CriteriaNode];
const otherLeaf = mainLeaves.find((n) => n.rule?.kind === 'levels')!;

const DOC_NUMBER = '125/KH-UBND';
const SUMMARY = 'Kế hoạch cải cách hành chính năm 2026';
const PDF_NAME = 'ke-hoach-125.pdf';
const PNG_NAME = 'anh-hop-trien-khai.png';
const pdfBytes = makePdf('Ke hoach cai cach hanh chinh nam 2026 - so 125/KH-UBND');
const artifacts = path.join(repoRoot, 'test', 'artifacts');

const escape = escapeRegExp;
/** The size as the UI shows it (below 1 KB: "N byte"; else one decimal with a comma). */
const shownSize = (bytes: number) => (bytes < 1024 ? `${bytes} byte` : `${String(Math.round((bytes / 1024) * 10) / 10).replace('.', ',')} KB`);

async function openLeaf(page: Page, leaf: CriteriaNode): Promise<void> {
  await treeItem(page, leaf.code).click();
  await expect(leafHeading(page, leaf)).toBeVisible();
}

function leafHeading(page: Page, leaf: CriteriaNode): Locator {
  return page.getByRole('heading', { level: 2, name: new RegExp(`^${escape(leaf.code)} `) });
}

const needsExplanationStat = (page: Page) => summaryStat(page, 'Cần giải trình');

const card = (page: Page, label: string) => evidenceSection(page).getByRole('article', { name: label });

async function answerAchieved(page: Page, leaf: CriteriaNode): Promise<void> {
  await openLeaf(page, leaf);
  await page.getByRole('radio', { name: 'Đạt', exact: true }).check();
  await expect(treeItem(page, leaf.code)).toContainText('Cần tài liệu hoặc giải trình');
}

async function addItem(page: Page, docNumber: string, summary: string): Promise<void> {
  await evidenceSection(page).getByRole('button', { name: 'Thêm tài liệu' }).click();
  await page.getByLabel('Số, ký hiệu').fill(docNumber);
  await page.getByLabel('Ngày ban hành').fill('15/01/2026');
  await page.getByLabel('Cơ quan ban hành').fill('UBND thành phố Đà Nẵng');
  await page.getByLabel('Loại văn bản').selectOption({ label: 'Kế hoạch' });
  await page.getByLabel('Trích yếu').fill(summary);
  await page.getByRole('button', { name: 'Lưu tài liệu' }).click();
  await expect(card(page, docNumber)).toBeVisible();
}

test('attach two files, reuse the item, preview the PDF, search and close the gaps', async ({ page, app }) => {
  test.slow(); // a long walk through the whole feature
  await quickStart(page, app.url);
  await expect(needsExplanationStat(page)).toHaveText('0');

  // --- A scored yes/no leaf without evidence needs an explanation…
  await answerAchieved(page, leafA);
  await expect(needsExplanationStat(page)).toHaveText('1');
  await expect(evidenceSection(page).getByText('Chưa có tài liệu kiểm chứng cho tiêu chí này.')).toBeVisible();

  // --- …until a document WITH A FILE backs it: a document alone is not evidence yet.
  await addItem(page, DOC_NUMBER, SUMMARY);
  const item = card(page, DOC_NUMBER);
  await expect(item).toContainText('15/01/2026');
  await expect(item).toContainText('UBND thành phố Đà Nẵng');
  await expect(item).toContainText('Kế hoạch');
  await expect(item).toContainText(SUMMARY);
  await expect(item).toContainText('Chưa có tệp đính kèm.');
  await expect(needsExplanationStat(page)).toHaveText('1');
  await expect(treeItem(page, leafA.code)).not.toContainText('Đã chấm');

  // --- Two files through the file input (the system picker), uploaded one after the other.
  await item.getByLabel('Chọn tệp đính kèm').setInputFiles([
    { name: PDF_NAME, mimeType: 'application/pdf', buffer: pdfBytes },
    { name: PNG_NAME, mimeType: 'image/png', buffer: PNG_1X1 },
  ]);
  await expect(page.getByRole('region', { name: 'Tệp đang tải lên' }).getByRole('status')).toHaveText('Đã tải xong 2/2 tệp.');
  const files = item.getByRole('list', { name: `Tệp đính kèm của ${DOC_NUMBER}` }).getByRole('listitem');
  await expect(files).toHaveCount(2);
  await expect(files.filter({ hasText: PDF_NAME })).toContainText(shownSize(pdfBytes.length));
  await expect(files.filter({ hasText: PNG_NAME })).toContainText(shownSize(PNG_1X1.length));
  // The mark and the totals bar follow once the files are stored.
  await expect(needsExplanationStat(page)).toHaveText('0');
  await expect(treeItem(page, leafA.code)).toContainText('Đã chấm');
  await page.screenshot({ path: path.join(artifacts, 'evidence-section.png') });

  // --- Reuse the item on a second criterion, without importing the files again.
  await answerAchieved(page, leafB);
  await evidenceSection(page).getByRole('button', { name: 'Dùng tài liệu đã có' }).click();
  const picker = page.getByRole('dialog', { name: `Dùng tài liệu đã có cho tiêu chí ${leafB.code}` });
  await expect(picker).toBeVisible();
  await expect(picker.getByLabel('Lọc tài liệu')).toBeFocused();
  await picker.getByLabel('Lọc tài liệu').fill('cai cach');
  await picker.getByRole('button', { name: `Dùng tài liệu ${DOC_NUMBER} cho tiêu chí này` }).click();
  await expect(picker).toBeHidden();
  await expect(card(page, DOC_NUMBER)).toContainText(`Cũng dùng cho: ${leafA.code}`);
  await expect(card(page, DOC_NUMBER).getByRole('listitem')).toHaveCount(2);
  await expect(treeItem(page, leafB.code)).toContainText('Đã chấm');
  await openLeaf(page, leafA);
  await expect(card(page, DOC_NUMBER)).toContainText(`Cũng dùng cho: ${leafB.code}`);
  // Deleting an item that another criterion still uses is refused by the backend, with its reason.
  await card(page, DOC_NUMBER).getByRole('button', { name: 'Xóa tài liệu' }).click();
  await card(page, DOC_NUMBER).getByRole('group').getByRole('button', { name: 'Xóa', exact: true }).click();
  await expect(card(page, DOC_NUMBER).getByRole('alert')).toContainText('hãy bỏ liên kết trước');
  await expect(card(page, DOC_NUMBER).getByRole('alert')).toContainText(leafB.code);

  // --- Preview the PDF inside the app: Chromium's own viewer in a frame.
  const pdfResponse = page.waitForResponse((r) => r.url().includes('/files/evidence/') && r.request().resourceType() === 'document');
  const previewButton = card(page, DOC_NUMBER).getByRole('button', { name: `Xem trước ${PDF_NAME}` });
  await previewButton.click();
  const dialog = page.getByRole('dialog', { name: PDF_NAME });
  await expect(dialog).toBeVisible();
  const response = await pdfResponse;
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  // (What the page sees of that response is the viewer's wrapper; the bytes themselves are the file's.)
  const served = await page.request.get(response.url());
  expect(Buffer.compare(await served.body(), pdfBytes)).toBe(0);
  const frameElement = dialog.locator('iframe');
  await expect(frameElement).toHaveAttribute('title', `Nội dung tệp ${PDF_NAME}`);
  const box = await frameElement.boundingBox();
  expect(box!.width).toBeGreaterThan(600);
  expect(box!.height).toBeGreaterThan(400);
  // The frame holds Chromium's PDF viewer (its extension page and the plugin <embed> for the
  // file's URL), not an error page or a download.
  const frame = await (await frameElement.elementHandle())!.contentFrame();
  expect(frame!.url()).toBe(response.url());
  const viewerEmbeds = async () => {
    let n = 0;
    for (const f of page.frames()) if (f.url() === response.url()) n += await f.locator('embed[type="application/x-google-chrome-pdf"]').count();
    return n;
  };
  await expect.poll(viewerEmbeds, { timeout: 10_000 }).toBe(1);
  expect(page.frames().some((f) => f.url().startsWith('chrome-extension://') && f.url().endsWith('/index.html'))).toBe(true);
  await page.waitForTimeout(1500); // let the viewer paint the page before the screenshot
  await page.screenshot({ path: path.join(artifacts, 'evidence-preview.png') });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(previewButton).toBeFocused();

  // The image previews with <img>.
  await card(page, DOC_NUMBER).getByRole('button', { name: `Xem trước ${PNG_NAME}` }).click();
  const image = page.getByRole('dialog', { name: PNG_NAME }).getByRole('img', { name: PNG_NAME });
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
  await page.getByRole('dialog', { name: PNG_NAME }).getByRole('button', { name: 'Đóng' }).click();

  // In web mode the system application is not available: it is not offered, a download link is.
  await expect(card(page, DOC_NUMBER).getByRole('button', { name: /Mở bằng phần mềm khác/ })).toHaveCount(0);
  await expect(card(page, DOC_NUMBER).getByRole('link', { name: `Tải tệp về (${PDF_NAME})` })).toHaveAttribute('href', /\/files\/evidence\/\d+\?token=.+&download=1$/);

  // --- Search without diacritics from somewhere else; the evidence result lands on the item.
  await openLeaf(page, otherLeaf);
  const search = page.getByRole('search').getByRole('searchbox', { name: 'Tìm kiếm' });
  await search.fill('ke hoach');
  const results = page.getByRole('region', { name: 'Kết quả tìm kiếm' });
  await expect(results.getByRole('heading', { name: 'Tài liệu kiểm chứng' })).toBeVisible();
  await expect(results.getByRole('heading', { name: 'Tiêu chí' })).toBeVisible();
  const evidenceResult = results.getByRole('button', { name: new RegExp(escape(DOC_NUMBER)) });
  await expect(evidenceResult).toContainText(SUMMARY);
  await expect(evidenceResult).toContainText(`dùng cho ${[leafA.code, leafB.code].join(', ')}`);
  await page.screenshot({ path: path.join(artifacts, 'evidence-search.png') });
  await search.press('Tab'); // results are buttons in reach of the keyboard
  await expect(results.getByRole('button').first()).toBeFocused();
  await evidenceResult.click();
  await expect(leafHeading(page, leafA)).toBeVisible();
  await expect(treeItem(page, leafA.code)).toHaveAttribute('aria-selected', 'true');
  await expect(card(page, DOC_NUMBER)).toBeInViewport();
  await expect(card(page, DOC_NUMBER)).toBeFocused();
  // Esc clears the box.
  await search.fill('dao tao');
  await search.press('Escape');
  await expect(search).toHaveValue('');
  await expect(results).toBeHidden();

  // --- The completeness list: a scored leaf without evidence, then its explanation.
  await answerAchieved(page, leafC);
  await page.getByRole('button', { name: 'Danh sách còn thiếu' }).click();
  const gaps = page.getByRole('region', { name: 'Danh sách còn thiếu' });
  const gapLeaves = gaps.getByRole('list', { name: 'Mục có điểm nhưng chưa có tài liệu kiểm chứng hay giải trình' }).getByRole('listitem');
  await expect(gapLeaves).toHaveCount(1);
  await expect(gapLeaves.first()).toContainText(leafC.code);
  await expect(needsExplanationStat(page)).toHaveText('1');
  await page.screenshot({ path: path.join(artifacts, 'evidence-gaps.png') });
  await gapLeaves.first().getByRole('button').click();
  await expect(leafHeading(page, leafC)).toBeVisible();
  await page.getByRole('textbox', { name: 'Giải trình', exact: true }).fill('Đã triển khai; văn bản giấy lưu tại văn thư cơ quan.');
  await page.getByRole('textbox', { name: 'Giải trình', exact: true }).blur();
  await expect(gapLeaves).toHaveCount(0);
  await expect(gaps.getByText('Không còn thiếu gì', { exact: false })).toBeVisible();
  await expect(needsExplanationStat(page)).toHaveText('0');

  // The filter "Chỉ hiện mục còn thiếu" follows the same rule: leaf C is no longer a gap.
  await page.getByRole('button', { name: 'Danh sách còn thiếu' }).click();
  await expect(page.getByRole('tree', { name: 'Cây tiêu chí' })).toBeVisible();
});

test('files dropped on the criterion become a new document', async ({ page, app }) => {
  test.slow(); // a long walk through the whole feature
  await quickStart(page, app.url);
  await answerAchieved(page, leafA);
  const dataTransfer = await page.evaluateHandle((pdfText) => {
    const dt = new DataTransfer();
    dt.items.add(new File([pdfText], 'Bao cao CCHC quy 1.pdf', { type: 'application/pdf' }));
    return dt;
  }, pdfBytes.toString('latin1'));
  const zone = page.getByText('Kéo thả tệp vào đây', { exact: false });
  await zone.dispatchEvent('dragover', { dataTransfer });
  await expect(zone).toHaveClass(/drop-zone--active/);
  await zone.dispatchEvent('drop', { dataTransfer });
  await expect(zone).not.toHaveClass(/drop-zone--active/);

  // The form opens with the file waiting and the summary suggested from its name.
  await expect(page.getByText('1 tệp sẽ được đính kèm sau khi lưu tài liệu:')).toBeVisible();
  await expect(page.getByLabel('Trích yếu')).toHaveValue('Bao cao CCHC quy 1');
  await page.getByLabel('Số, ký hiệu').fill('45/BC-SNV');
  await page.getByLabel('Văn bản chưa có ngày').check();
  await page.getByLabel('Loại văn bản').selectOption({ label: 'Báo cáo' });
  await page.getByRole('button', { name: 'Lưu tài liệu' }).click();
  const item = card(page, '45/BC-SNV');
  await expect(item.getByRole('listitem').filter({ hasText: 'Bao cao CCHC quy 1.pdf' })).toBeVisible();
  await expect(needsExplanationStat(page)).toHaveText('0');

  // A second drop on the item's own zone attaches to that item.
  const second = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['%PDF-1.4\n%%EOF\n'], 'phu-luc.pdf', { type: 'application/pdf' }));
    return dt;
  });
  await item.getByText('hoặc kéo thả tệp vào đây').dispatchEvent('drop', { dataTransfer: second });
  await expect(item.getByRole('listitem').filter({ hasText: 'phu-luc.pdf' })).toBeVisible();
  await expect(item.getByRole('listitem')).toHaveCount(2);
  await expect(page.getByText('tệp sẽ được đính kèm sau khi lưu tài liệu', { exact: false })).toHaveCount(0); // not a new item

  // Messages from the backend are shown per file: an empty file, a program posing as a PDF.
  const bad = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File([], 'rong.pdf', { type: 'application/pdf' }));
    dt.items.add(new File(['MZ\x90\x00 not a pdf'], 'chuong-trinh.pdf', { type: 'application/pdf' }));
    return dt;
  });
  await item.getByText('hoặc kéo thả tệp vào đây').dispatchEvent('drop', { dataTransfer: bad });
  const uploads = page.getByRole('region', { name: 'Tệp đang tải lên' });
  await expect(uploads.getByRole('listitem').filter({ hasText: 'rong.pdf' }).getByRole('alert')).toContainText('Tệp rỗng');
  await expect(uploads.getByRole('listitem').filter({ hasText: 'chuong-trinh.pdf' }).getByRole('alert')).not.toBeEmpty();
  await expect(uploads.getByRole('status')).toHaveText('Đã tải xong 0/2 tệp.');
  await expect(item.getByRole('listitem')).toHaveCount(2);

  // Edit the document's details.
  await item.getByRole('button', { name: 'Sửa' }).click();
  await page.getByLabel('Cơ quan ban hành').fill('Sở Nội vụ thành phố Đà Nẵng');
  await page.getByRole('button', { name: 'Lưu tài liệu' }).click();
  await expect(item).toContainText('Sở Nội vụ thành phố Đà Nẵng');
  await expect(item).toContainText('Báo cáo');

  // An item without a file shows in the completeness list and leads to its criterion.
  await openLeaf(page, leafB);
  await addItem(page, '46/BC-SNV', 'Báo cáo bổ sung');
  await openLeaf(page, otherLeaf);
  await page.getByRole('button', { name: 'Danh sách còn thiếu' }).click();
  const withoutFiles = page
    .getByRole('region', { name: 'Danh sách còn thiếu' })
    .getByRole('list', { name: 'Tài liệu chưa có tệp đính kèm' })
    .getByRole('listitem');
  await expect(withoutFiles).toHaveCount(1);
  await withoutFiles.getByRole('button', { name: /46\/BC-SNV/ }).click();
  await expect(leafHeading(page, leafB)).toBeVisible();
  await expect(card(page, '46/BC-SNV')).toBeFocused();

  // The same content attached to another item is stored once, and the officer is told.
  const again = await page.evaluateHandle((pdfText) => {
    const dt = new DataTransfer();
    dt.items.add(new File([pdfText], 'ban-sao.pdf', { type: 'application/pdf' }));
    return dt;
  }, pdfBytes.toString('latin1'));
  await card(page, '46/BC-SNV').getByText('hoặc kéo thả tệp vào đây').dispatchEvent('drop', { dataTransfer: again });
  await expect(uploads.getByRole('listitem').filter({ hasText: 'ban-sao.pdf' })).toContainText('Tệp này đã được đính kèm vào: 45/BC-SNV');
  await page.screenshot({ path: path.join(artifacts, 'evidence-drop.png') });
  await expect(withoutFiles).toHaveCount(0);
  await page.getByRole('button', { name: 'Danh sách còn thiếu' }).click();

  // Unlink the item from this criterion, then delete it where every item of the agency is listed.
  await card(page, '46/BC-SNV').getByRole('button', { name: 'Bỏ liên kết' }).click();
  await card(page, '46/BC-SNV').getByRole('group').getByRole('button', { name: 'Bỏ liên kết' }).click();
  await expect(card(page, '46/BC-SNV')).toHaveCount(0);
  await evidenceSection(page).getByRole('button', { name: 'Dùng tài liệu đã có' }).click();
  const picker = page.getByRole('dialog', { name: `Dùng tài liệu đã có cho tiêu chí ${leafB.code}` });
  await expect(picker.getByRole('status')).toHaveText('Hiện 2/2 tài liệu của cơ quan (kể cả các năm trước).');
  await picker.getByRole('button', { name: 'Xóa tài liệu 46/BC-SNV' }).click();
  await picker.getByRole('group').getByRole('button', { name: 'Xóa', exact: true }).click();
  await expect(picker.getByRole('status')).toHaveText('Hiện 1/1 tài liệu của cơ quan (kể cả các năm trước).');
  await page.keyboard.press('Escape');
  await expect(picker).toBeHidden();
  await expect(evidenceSection(page).getByRole('button', { name: 'Dùng tài liệu đã có' })).toBeFocused();
});

test('a cancelled upload leaves nothing behind and the next file still goes in', async ({ page, app }) => {
  test.slow(); // a throttled 6 MB upload: over a minute on a loaded 2-core machine
  await quickStart(page, app.url);
  await openLeaf(page, leafA);
  await addItem(page, '7/QĐ-SNV', 'Quyết định kiện toàn tổ công tác');
  // Slow the upload down so there is time to cancel (Chromium's network emulation).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 256 * 1024 });

  const big = Buffer.concat([makePdf('Ban scan lon'), Buffer.alloc(6 * 1024 * 1024, 0x20)]);
  await card(page, '7/QĐ-SNV')
    .getByLabel('Chọn tệp đính kèm')
    .setInputFiles([
      { name: 'ban-scan-lon.pdf', mimeType: 'application/pdf', buffer: big },
      { name: 'to-trinh.pdf', mimeType: 'application/pdf', buffer: makePdf('To trinh') },
    ]);
  const uploads = page.getByRole('region', { name: 'Tệp đang tải lên' });
  await expect(uploads.getByRole('status')).toHaveText(/^Đang tải 1\/2 tệp – \d+ %$/);
  await expect(uploads.getByRole('listitem').filter({ hasText: 'to-trinh.pdf' })).toContainText('Đang chờ');
  await expect(uploads.getByRole('listitem').filter({ hasText: 'ban-scan-lon.pdf' })).toContainText(/Đang tải [1-9]\d* %/);
  await page.screenshot({ path: path.join(artifacts, 'evidence-uploading.png') });
  await uploads.getByRole('button', { name: 'Hủy tải ban-scan-lon.pdf' }).click();
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });

  await expect(uploads.getByRole('listitem').filter({ hasText: 'ban-scan-lon.pdf' })).toContainText('Đã hủy, không lưu gì');
  await expect(uploads.getByRole('status')).toHaveText('Đã tải xong 1/2 tệp.');
  const files = card(page, '7/QĐ-SNV').getByRole('listitem');
  await expect(files).toHaveCount(1);
  await expect(files).toContainText('to-trinh.pdf');

  // On disk: one blob (the small file), no partial file left in the temp folder.
  const blobs = path.join(app.dataDir, 'evidence', 'blobs');
  const temp = path.join(app.dataDir, 'evidence', 'tmp');
  const listFiles = (dir: string): string[] => (fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name) : []);
  await expect.poll(() => listFiles(temp)).toEqual([]);
  expect(listFiles(blobs)).toHaveLength(1);
});

test('"Sao lưu ngay" makes a backup point and reports the clean-up', async ({ page, app }) => {
  await quickStart(page, app.url);
  await page.getByRole('button', { name: 'Sao lưu ngay' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Đã sao lưu lúc \d{2}:\d{2} \(đã dọn \d+ tệp không còn dùng\)$/ })).toBeVisible();
  await page.screenshot({ path: path.join(artifacts, 'evidence-backup.png') });
});
