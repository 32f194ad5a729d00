/**
 * The report and the submission package end to end in Chromium against the real backend: fill
 * the report's own fields (kept after a reload), export a draft .docx and download it, see the
 * final export held back while the assessment is incomplete, create the package, download it and
 * check it; then, on the assessments screen, check the downloaded package, a copy with one byte
 * changed (the problem is listed), and import it again (nothing changes). A second test brings the
 * same package into a fresh install: the agency, the assessment and its totals come across, and a
 * second import over changed answers asks before replacing them.
 *
 * The first two tests share the downloaded package, so they run in order in one worker.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Download, Locator, Page } from '@playwright/test';
import type { CriteriaNode } from '../../shared/domain/criteria-set-schema';
import { walkSet } from '../../shared/domain/criteria-tree';
import { makePdf } from '../helpers/sample-documents';
import { repoRoot } from '../helpers/web-server-process';
import { expect, test } from './fixtures';
import { evidenceSection, quickStart, sampleSet, summaryStat, treeItem } from './officer-steps';

const set = sampleSet;
const mainLeaves = [...walkSet(set)].filter((v) => v.part === 'main' && v.isLeaf).map((v) => v.node);
const yesNoLeaves = mainLeaves.filter((n) => n.rule?.kind === 'yesNo' && n.maxPoints > 0);
if (yesNoLeaves.length < 3) throw new Error('the sample set needs three yes/no leaves');
const [leafA, leafB, leafC] = yesNoLeaves as [CriteriaNode, CriteriaNode, CriteriaNode];

/** A text that appears once in the package: inside the stored (not recompressed) PDF entry. */
const PDF_MARKER = 'Ke hoach CCHC 2026 so 125 - noi dung goc';
const pdfBytes = makePdf(PDF_MARKER);
const REPORT = {
  number: '15',
  symbol: 'BC-SNV',
  difficulties: 'Kinh phí cho số hóa hồ sơ còn hạn chế; kiến nghị Sở Nội vụ tổ chức tập huấn về chấm điểm.',
  recipients: ['- Sở Nội vụ thành phố Đà Nẵng (để báo cáo);', '- Giám đốc Sở;'],
};
const FILED_LINE = '- Lưu: VT, SNV.';

const artifacts = path.join(repoRoot, 'test', 'artifacts');
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'par-e2e-packages-'));
/** Written by the first test, imported by the second. */
const shared = { packageFile: '', percent: '' };

test.afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));


const stat = summaryStat;

async function answerAchieved(page: Page, leaf: CriteriaNode): Promise<void> {
  await treeItem(page, leaf.code).click();
  await page.getByRole('radio', { name: 'Đạt', exact: true }).check();
  await expect(treeItem(page, leaf.code)).toContainText('Cần tài liệu hoặc giải trình');
}

/** Leaf A: achieved, backed by a document with a PDF; leaf B: achieved, with an explanation. */
async function answerTwoLeaves(page: Page): Promise<void> {
  await answerAchieved(page, leafA);
  await evidenceSection(page).getByRole('button', { name: 'Thêm tài liệu' }).click();
  await page.getByLabel('Số, ký hiệu').fill('125/KH-SNV');
  await page.getByLabel('Ngày ban hành').fill('15/01/2026');
  await page.getByLabel('Trích yếu').fill('Kế hoạch cải cách hành chính năm 2026');
  await page.getByRole('button', { name: 'Lưu tài liệu' }).click();
  const card = evidenceSection(page).getByRole('article', { name: '125/KH-SNV' });
  await card.getByLabel('Chọn tệp đính kèm').setInputFiles({ name: 'ke-hoach-125.pdf', mimeType: 'application/pdf', buffer: pdfBytes });
  await expect(page.getByRole('region', { name: 'Tệp đang tải lên' }).getByRole('status')).toHaveText('Đã tải xong 1/1 tệp.');
  await expect(treeItem(page, leafA.code)).toContainText('Đã chấm');

  await answerAchieved(page, leafB);
  const explanation = page.getByRole('textbox', { name: 'Giải trình', exact: true });
  await explanation.fill('Đã triển khai; văn bản giấy lưu tại văn thư cơ quan.');
  await explanation.blur();
  await expect(treeItem(page, leafB.code)).toContainText('Đã chấm');
  await expect(page.getByRole('status').filter({ hasText: /^Đã lưu lúc/ })).toBeVisible();
}

async function openReport(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Báo cáo và gói hồ sơ' }).click();
  await expect(page.getByRole('heading', { name: 'Báo cáo và gói hồ sơ' })).toBeVisible();
  await expect(page.getByLabel('Ký hiệu')).toBeVisible();
}

async function downloadBy(page: Page, link: Locator): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const file = await download.path();
  return { download, bytes: fs.readFileSync(file) };
}

/** A screenshot of the whole screen: the report screen scrolls inside the window, so the window
 *  is made tall enough for it first. */
async function screenshot(page: Page, name: string): Promise<void> {
  const size = page.viewportSize()!;
  const hidden = await page.evaluate(() => {
    const pane = document.querySelector('.report-screen');
    return pane ? pane.scrollHeight - pane.clientHeight : 0;
  });
  if (hidden > 0) await page.setViewportSize({ width: size.width, height: size.height + hidden });
  await page.screenshot({ path: path.join(artifacts, name), fullPage: true });
  if (hidden > 0) await page.setViewportSize(size);
}

const packageTools = (page: Page) => page.getByRole('region', { name: 'Kiểm tra hoặc nhập gói hồ sơ' });

async function checkPackage(page: Page, file: string): Promise<Locator> {
  const tools = packageTools(page);
  await tools.getByLabel('Chọn gói hồ sơ (.zip)').setInputFiles(file);
  await expect(tools).toContainText(`Đã chọn: ${path.basename(file)}`);
  await tools.getByRole('button', { name: 'Kiểm tra gói' }).click();
  const result = tools.getByRole('region', { name: 'Kết quả kiểm tra gói' });
  await expect(result).toBeVisible();
  return result;
}

async function importPackage(page: Page, file: string): Promise<Locator> {
  const tools = packageTools(page);
  await tools.getByLabel('Chọn gói hồ sơ (.zip)').setInputFiles(file);
  await tools.getByRole('button', { name: 'Nhập gói' }).click();
  return tools;
}

test.describe('the submission package travels', () => {
  // The second test imports the package the first one downloaded.
  test.describe.configure({ mode: 'serial' });

  test('report settings, a draft report, the package and its checks', async ({ page, app }) => {
    test.slow(); // a long walk through the whole feature
    await quickStart(page, app.url);
    await answerTwoLeaves(page);
    const percent = (await stat(page, 'Chỉ số (%)').textContent()) ?? '';
    expect(percent).toMatch(/^\d+,\d\d$/);
    const unanswered = Number(await stat(page, 'Chưa chấm').textContent());
    expect(unanswered).toBeGreaterThan(0);

    // --- The report screen: completeness, the document's own fields (defaults from the agency).
    await openReport(page);
    const completeness = page.getByRole('region', { name: 'Mức độ hoàn thành' });
    await expect(completeness.locator('div.stat').filter({ hasText: 'Mục chưa chấm' }).locator('dd')).toHaveText(String(unanswered));
    await expect(completeness.locator('div.stat').filter({ hasText: 'Mục cần giải trình' }).locator('dd')).toHaveText('0');
    await expect(completeness).toContainText('bản dự thảo');
    const settings = page.getByRole('region', { name: 'Thông tin văn bản báo cáo' });
    await expect(settings.getByLabel('Ký hiệu')).toHaveValue('BC-SNV');
    await expect(settings.getByLabel('Số văn bản')).toHaveValue('');
    await expect(settings.getByLabel('Nơi nhận')).toHaveValue(/- Lưu: VT, SNV\.$/);
    await expect(settings.getByRole('status')).toHaveText('Chưa lưu lần nào: đang dùng giá trị mặc định');
    await expect(settings).toContainText(FILED_LINE);
    // The link to what is missing leads back to the completeness list beside the tree.
    await completeness.getByRole('button', { name: 'Danh sách còn thiếu' }).click();
    await expect(page.getByRole('region', { name: 'Danh sách còn thiếu' })).toBeVisible();
    await openReport(page);

    await settings.getByLabel('Số văn bản').fill(REPORT.number);
    await settings.getByLabel('Ký hiệu').fill(REPORT.symbol);
    await expect(settings).toContainText(`Trên báo cáo: Số: ${REPORT.number}/${REPORT.symbol}`);
    await settings.getByLabel('Khó khăn, vướng mắc và kiến nghị').fill(REPORT.difficulties);
    await settings.getByLabel('Nơi nhận').fill(REPORT.recipients.join('\n'));
    await expect(settings.getByRole('status')).toHaveText(/^(Có thay đổi chưa lưu|Đang lưu…|Đã lưu lúc .*)$/);
    await settings.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect(settings.getByRole('status')).toHaveText(/^Đã lưu lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    // The filing line is added at the end of the recipients.
    await expect(settings.getByLabel('Nơi nhận')).toHaveValue([...REPORT.recipients, FILED_LINE].join('\n'));
    await screenshot(page, 'report-settings.png');

    // Leaving a field saves too.
    await settings.getByLabel('Số văn bản').fill('16');
    await settings.getByLabel('Số văn bản').blur();
    await expect(settings.getByRole('status')).toHaveText(/^Đã lưu lúc/);
    await settings.getByLabel('Số văn bản').fill(REPORT.number);
    await settings.getByLabel('Số văn bản').blur();
    await expect(settings.getByRole('status')).toHaveText(/^Đã lưu lúc/);

    // --- Kept after a reload.
    await page.reload();
    await expect(page.getByRole('tree', { name: 'Cây tiêu chí' })).toBeVisible();
    await openReport(page);
    await expect(settings.getByLabel('Số văn bản')).toHaveValue(REPORT.number);
    await expect(settings.getByLabel('Ký hiệu')).toHaveValue(REPORT.symbol);
    await expect(settings.getByLabel('Khó khăn, vướng mắc và kiến nghị')).toHaveValue(REPORT.difficulties);
    await expect(settings.getByLabel('Nơi nhận')).toHaveValue([...REPORT.recipients, FILED_LINE].join('\n'));
    await expect(settings.getByLabel('Ngày báo cáo')).toHaveValue('');

    // --- The final report is held back while items are missing, with the reason beside the button.
    const exportPanel = page.getByRole('region', { name: 'Xuất báo cáo' });
    const finalButton = exportPanel.getByRole('button', { name: 'Xuất bản chính thức (.docx)' });
    await expect(finalButton).toBeDisabled();
    await expect(finalButton).toHaveAccessibleDescription(`Chưa xuất được bản chính thức: còn ${unanswered} mục chưa chấm và 0 mục cần giải trình.`);

    // --- A draft .docx: progress while it runs (the request is held a moment), then the file.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(
      '**/api/report:export',
      async (route) => {
        await held;
        await route.continue();
      },
      { times: 1 },
    );
    await exportPanel.getByRole('button', { name: 'Xuất bản dự thảo (.docx)' }).click();
    await expect(exportPanel.getByRole('progressbar', { name: 'Đang xuất báo cáo…' })).toBeVisible();
    await expect(exportPanel.getByRole('button', { name: 'Xuất bản dự thảo (.docx)' })).toBeDisabled();
    await expect(exportPanel.getByRole('button', { name: 'Xuất PDF' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Tạo gói hồ sơ (.zip)' })).toBeDisabled();
    release();
    const reportLink = exportPanel.getByRole('link', { name: /^Tải về bao-cao-.*\.docx$/ });
    await expect(reportLink).toBeVisible();
    await expect(exportPanel.getByRole('progressbar')).toHaveCount(0);
    await expect(exportPanel).toContainText('DỰ THẢO');
    const missing = exportPanel.getByRole('list', { name: 'Những điều còn thiếu' }).getByRole('listitem');
    await expect(missing).toHaveCount(1);
    await expect(missing.first()).toContainText(`Còn ${unanswered} tiêu chí chưa chấm`);
    await expect(reportLink).toHaveAttribute('href', /^\/exports\/bao-cao-tu-danh-gia-cchc-2026-snv-du-thao\.docx\?token=[A-Za-z0-9_-]+$/);
    await screenshot(page, 'report-exported.png');
    const report = await downloadBy(page, reportLink);
    expect(report.download.suggestedFilename()).toMatch(/\.docx$/);
    expect(report.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    await expect(exportPanel.getByText(report.download.suggestedFilename(), { exact: true })).toBeVisible();

    // --- The package: created, downloaded, checked.
    const packagePanel = page.getByRole('region', { name: 'Gói hồ sơ nộp Sở Nội vụ' });
    await packagePanel.getByRole('button', { name: 'Tạo gói hồ sơ (.zip)' }).click();
    const packageLink = packagePanel.getByRole('link', { name: /^Tải về .*\.zip$/ });
    await expect(packageLink).toBeVisible();
    await expect(packagePanel).toContainText('Báo cáo trong gói là bản DỰ THẢO');
    await expect(packagePanel).toContainText(`1 tệp (${pdfBytes.length} byte)`);
    const pkg = await downloadBy(page, packageLink);
    expect(pkg.download.suggestedFilename()).toMatch(/\.zip$/);
    expect(pkg.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const packageFile = path.join(workDir, pkg.download.suggestedFilename());
    await pkg.download.saveAs(packageFile);
    await packagePanel.getByRole('button', { name: 'Kiểm tra gói vừa tạo' }).click();
    const verified = packagePanel.getByRole('region', { name: 'Kết quả kiểm tra gói' });
    await expect(verified.getByRole('status')).toHaveText('Gói hợp lệ: mọi tệp khớp với bản kê, nội dung thống nhất.');
    await expect(verified).toContainText(percent);
    await screenshot(page, 'package-exported.png');

    // --- On the assessments screen: check the downloaded package…
    await page.getByRole('button', { name: 'Danh sách kỳ đánh giá' }).click();
    await expect(page.getByRole('heading', { name: 'Các kỳ tự đánh giá' })).toBeVisible();
    const valid = await checkPackage(page, packageFile);
    await expect(valid.getByRole('status')).toHaveText('Gói hợp lệ: mọi tệp khớp với bản kê, nội dung thống nhất.');
    const facts = valid.locator('dl');
    await expect(facts).toContainText('SỞ NỘI VỤ');
    await expect(facts).toContainText('2026');
    await expect(facts).toContainText(set.title);
    await expect(facts).toContainText(percent);
    await expect(facts).toContainText(/Đã kiểm tra\d+ tệp/);

    // …then a copy with one byte of the PDF changed: the file is reported as altered.
    const original = fs.readFileSync(packageFile);
    const at = original.indexOf(Buffer.from(PDF_MARKER, 'latin1'));
    expect(at).toBeGreaterThan(0); // stored as is, not recompressed
    const altered = Buffer.from(original);
    altered[at + 3] = altered[at + 3]! ^ 0x01;
    const alteredFile = path.join(workDir, 'goi-bi-sua.zip');
    fs.writeFileSync(alteredFile, altered);
    const bad = await checkPackage(page, alteredFile);
    await expect(bad.getByRole('alert')).toHaveText(/^Gói không hợp lệ: có \d+ vấn đề\.$/);
    const alteredList = bad.getByRole('list', { name: /^Tệp bị thay đổi \(1\)$/ }).getByRole('listitem');
    await expect(alteredList).toHaveCount(1);
    await expect(alteredList).toContainText('ke-hoach-125.pdf');
    const problems = bad.getByRole('list', { name: 'Các vấn đề' }).getByRole('listitem');
    await expect(problems.first()).toContainText('Bị thay đổi');
    await expect(problems.first()).toContainText('ke-hoach-125.pdf');
    await screenshot(page, 'package-verify-problem.png');

    // --- Importing the original into the same install changes nothing.
    const tools = await importPackage(page, packageFile);
    await expect(tools.getByRole('region', { name: 'Kết quả nhập gói' }).getByRole('status')).toHaveText(
      'Không có gì thay đổi: nội dung của gói đã có sẵn trên máy này.',
    );
    await expect(page.getByRole('button', { name: /^Mở kỳ đánh giá năm 2026/ })).toHaveCount(1);

    shared.packageFile = packageFile;
    shared.percent = percent;
  });

  test('the package brought into a fresh install, and a second import that asks first', async ({ page, app }) => {
    test.slow();
    expect(shared.packageFile, 'the first test saves the package').not.toBe('');

    // A first run: no agency yet, the package can be imported right away.
    await page.goto(app.url);
    await expect(page.getByLabel('Tên cơ quan', { exact: true })).toBeVisible();
    await expect(packageTools(page)).toBeVisible();
    await screenshot(page, 'package-first-run.png');
    let tools = await importPackage(page, shared.packageFile);
    const imported = tools.getByRole('region', { name: 'Kết quả nhập gói' });
    await expect(imported.getByRole('status')).toHaveText('Đã nhập gói hồ sơ.');
    await expect(imported).toContainText('Cơ quan mới');
    await expect(page.getByLabel('Cơ quan', { exact: true })).toHaveValue(/\d+/);
    await expect(page.getByLabel('Cơ quan', { exact: true }).locator('option:checked')).toHaveText('SỞ NỘI VỤ');
    await expect(page.getByRole('button', { name: `Mở kỳ đánh giá năm 2026 – ${set.title}` })).toBeVisible();
    await screenshot(page, 'package-imported.png');

    await imported.getByRole('button', { name: 'Mở kỳ đánh giá vừa nhập' }).click();
    await expect(page.getByRole('tree', { name: 'Cây tiêu chí' })).toBeVisible();
    await expect(stat(page, 'Chỉ số (%)')).toHaveText(shared.percent);
    await expect(treeItem(page, leafA.code)).toContainText('Đã chấm');
    await openReport(page);
    await expect(page.getByLabel('Số văn bản')).toHaveValue(REPORT.number);
    await expect(page.getByLabel('Khó khăn, vướng mắc và kiến nghị')).toHaveValue(REPORT.difficulties);

    // Change an answer here, then import the package again: the officer is asked first.
    await page.getByRole('button', { name: 'Quay lại chấm điểm' }).click();
    await answerAchieved(page, leafC);
    await expect(stat(page, 'Chỉ số (%)')).not.toHaveText(shared.percent);
    await page.getByRole('button', { name: 'Danh sách kỳ đánh giá' }).click();
    tools = await importPackage(page, shared.packageFile);
    const question = tools.getByRole('group', { name: 'Đã có kỳ đánh giá này với nội dung khác. Thay thế bằng nội dung trong gói?' });
    await expect(question).toBeVisible();
    await screenshot(page, 'package-import-confirm.png');
    await question.getByRole('button', { name: 'Không nhập' }).click();
    await expect(tools.getByRole('status')).toContainText('kỳ đánh giá trên máy giữ nguyên');
    await tools.getByRole('button', { name: 'Nhập gói' }).click();
    await question.getByRole('button', { name: 'Thay thế' }).click();
    await expect(tools.getByRole('region', { name: 'Kết quả nhập gói' }).getByRole('status')).toHaveText(
      'Đã thay thế nội dung kỳ đánh giá bằng nội dung trong gói.',
    );
    await tools.getByRole('button', { name: 'Mở kỳ đánh giá vừa nhập' }).click();
    await expect(stat(page, 'Chỉ số (%)')).toHaveText(shared.percent);
    await expect(treeItem(page, leafC.code)).toContainText('Chưa chấm');
  });
});

test('"Xuất PDF" gives the PDF, or says that LibreOffice is missing', async ({ page, app }) => {
  test.slow(); // LibreOffice converts the report
  await quickStart(page, app.url);
  await openReport(page);
  const exportPanel = page.getByRole('region', { name: 'Xuất báo cáo' });
  await exportPanel.getByRole('button', { name: 'Xuất PDF' }).click();
  await expect(exportPanel.getByRole('progressbar', { name: /^Đang xuất báo cáo và chuyển sang PDF/ })).toBeVisible();
  const link = exportPanel.getByRole('link', { name: /^Tải về bao-cao-.*-du-thao\.pdf$/ });
  const refusal = exportPanel.getByRole('alert');
  await expect(link.or(refusal)).toBeVisible({ timeout: 120_000 });
  if (await refusal.isVisible()) {
    await expect(refusal).toContainText('chưa cài LibreOffice');
    return;
  }
  await expect(exportPanel).toContainText('DỰ THẢO');
  const pdf = await downloadBy(page, link);
  expect(pdf.download.suggestedFilename()).toMatch(/\.pdf$/);
  expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
});

test('a package upload shows its progress, can be cancelled, and a damaged file is refused', async ({ page, app }) => {
  await page.goto(app.url);
  const tools = packageTools(page);
  await expect(tools).toBeVisible();
  // Not a zip at all: a file that only claims to be one.
  const junk = Buffer.alloc(3 * 1024 * 1024, 0x41);
  const junkFile = path.join(workDir, 'khong-phai-goi.zip');
  fs.writeFileSync(junkFile, junk);

  // Slow the upload down so there is time to cancel (Chromium's network emulation).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 256 * 1024 });
  await tools.getByLabel('Chọn gói hồ sơ (.zip)').setInputFiles(junkFile);
  await tools.getByRole('button', { name: 'Kiểm tra gói' }).click();
  await expect(tools.getByRole('progressbar', { name: 'Tiến độ tải gói lên' })).toBeVisible();
  await expect(tools.getByRole('status')).toHaveText(/^Đang tải gói lên – \d+ %$/);
  await expect(tools.getByRole('button', { name: 'Kiểm tra gói' })).toBeDisabled();
  await expect(tools.getByRole('button', { name: 'Nhập gói' })).toBeDisabled();
  await screenshot(page, 'package-uploading.png');
  await tools.getByRole('button', { name: 'Hủy' }).click();
  await expect(tools.getByRole('status')).toHaveText('Đã hủy; dữ liệu trên máy không thay đổi.');
  await expect(tools.getByRole('progressbar')).toHaveCount(0);
  const incoming = path.join(app.dataDir, 'incoming');
  await expect.poll(() => (fs.existsSync(incoming) ? fs.readdirSync(incoming) : [])).toEqual([]);

  // At full speed the same file is checked and refused, with the reason.
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await tools.getByRole('button', { name: 'Kiểm tra gói' }).click();
  const result = tools.getByRole('region', { name: 'Kết quả kiểm tra gói' });
  await expect(result.getByRole('alert')).toHaveText('Gói bị từ chối: tệp không an toàn hoặc bị hỏng, nội dung không được đọc.');
  const problems = result.getByRole('list', { name: 'Các vấn đề' }).getByRole('listitem');
  await expect(problems.first()).toContainText('Từ chối');
  await expect(problems.first()).not.toHaveText('Từ chối');
  // And it cannot be imported: nothing changes, the first-run form is still there.
  await tools.getByRole('button', { name: 'Nhập gói' }).click();
  await expect(tools.getByRole('alert').first()).toContainText('Gói hồ sơ không hợp lệ nên không được nhập');
  await expect(page.getByLabel('Tên cơ quan', { exact: true })).toBeVisible();
  await screenshot(page, 'package-refused.png');
});
