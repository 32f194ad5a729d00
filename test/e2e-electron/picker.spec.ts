/**
 * The desktop "Chọn tệp đính kèm" in the real Electron app: the system open dialog is stubbed in
 * the main process (its only stand-in), two real files are picked, main imports them by path and
 * the card lists them. The page never sees the paths. Needs the Electron runtime binary; where it
 * is missing the whole file skips and says why (like launch.spec.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { criteriaSetSchema, type CriteriaSet } from '../../shared/domain/criteria-set-schema';
import { walkSet } from '../../shared/domain/criteria-tree';
import { makePdf, PNG_1X1 } from '../helpers/sample-documents';
import { launchApp, PROJECT_ROOT, skipWithoutElectron, type LaunchedApp } from './electron-app';

skipWithoutElectron();

const set: CriteriaSet = criteriaSetSchema.parse(JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'seeds', 'sample-department-2026.json'), 'utf8')));
const leaf = [...walkSet(set)].find((v) => v.part === 'main' && v.isLeaf && v.node.rule?.kind === 'yesNo' && v.node.maxPoints > 0)!.node;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const DOC_NUMBER = '125/KH-UBND';
const PDF_NAME = 'Kế hoạch CCHC 2026.pdf';
const PNG_NAME = 'anh-hop-trien-khai.png';

/** Makes the next system open dialogs return `filePaths` and remembers the options they got. */
async function stubOpenDialog(app: ElectronApplication, filePaths: string[]): Promise<void> {
  await app.evaluate(({ dialog }, paths) => {
    const record = (options: unknown) => {
      (globalThis as unknown as { lastOpenDialogOptions: unknown }).lastOpenDialogOptions = options;
      return Promise.resolve({ canceled: paths.length === 0, filePaths: paths });
    };
    dialog.showOpenDialog = ((...args: unknown[]) => record(args.at(-1))) as typeof dialog.showOpenDialog;
  }, filePaths);
}

async function startAssessment(page: Page): Promise<void> {
  await page.getByLabel('Tên cơ quan', { exact: true }).fill('SỞ NỘI VỤ');
  await page.getByLabel('Viết tắt').fill('SNV');
  await page.getByRole('radio', { name: 'Sở, ban, ngành' }).check();
  await page.getByLabel('Địa danh ghi ngày tháng').fill('Đà Nẵng');
  await page.getByLabel('Chức vụ người ký').fill('GIÁM ĐỐC');
  await page.getByLabel('Họ tên người ký').fill('Nguyễn Văn An');
  await page.getByRole('button', { name: 'Lưu thông tin cơ quan' }).click();
  await page.getByLabel('Năm đánh giá').fill('2026');
  await page.getByRole('radio', { name: new RegExp(escape(set.title)) }).check();
  await page.getByRole('button', { name: 'Tạo kỳ đánh giá' }).click();
  await page.getByRole('treeitem', { name: new RegExp(`^${escape(leaf.code)} `) }).click();
  await page.getByRole('radio', { name: 'Đạt', exact: true }).check();
}

test.describe('Electron: attach files with the system picker', () => {
  let launched: LaunchedApp;
  let app: ElectronApplication;
  let page: Page;
  let sourcesDir: string;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    launched = await launchApp();
    ({ app, page } = launched);
    sourcesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'par-e2e-picked-'));
  });

  test.afterAll(async () => {
    await launched?.close();
    if (sourcesDir) fs.rmSync(sourcesDir, { recursive: true, force: true });
  });

  test('picks two files in the system dialog and attaches both, imported by main from their paths', async () => {
    const pdf = makePdf('Ke hoach CCHC 2026');
    const pdfPath = path.join(sourcesDir, PDF_NAME);
    const pngPath = path.join(sourcesDir, PNG_NAME);
    fs.writeFileSync(pdfPath, pdf);
    fs.writeFileSync(pngPath, PNG_1X1);

    await startAssessment(page);
    const section = page.getByRole('region', { name: 'Tài liệu kiểm chứng' });
    await section.getByRole('button', { name: 'Thêm tài liệu' }).click();
    await page.getByLabel('Số, ký hiệu').fill(DOC_NUMBER);
    await page.getByLabel('Trích yếu').fill('Kế hoạch cải cách hành chính năm 2026');
    await page.getByRole('button', { name: 'Lưu tài liệu' }).click();
    const card = section.getByRole('article', { name: DOC_NUMBER });
    await expect(card).toContainText('Chưa có tệp đính kèm.');

    // On the desktop "Chọn tệp đính kèm" is a button for the system dialog, not a browser file input.
    await expect(card.locator('input[type=file]')).toHaveCount(0);
    await stubOpenDialog(app, [pdfPath, pngPath]);
    await card.getByRole('button', { name: 'Chọn tệp đính kèm' }).click();

    await expect(page.getByRole('region', { name: 'Tệp đang tải lên' }).getByRole('status')).toHaveText('Đã tải xong 2/2 tệp.');
    const files = card.getByRole('list', { name: `Tệp đính kèm của ${DOC_NUMBER}` }).getByRole('listitem');
    await expect(files).toHaveCount(2);
    await expect(files.filter({ hasText: PDF_NAME })).toBeVisible();
    await expect(files.filter({ hasText: PNG_NAME })).toBeVisible();

    const options = (await app.evaluate(() => (globalThis as unknown as { lastOpenDialogOptions: unknown }).lastOpenDialogOptions)) as {
      properties: string[];
      filters: { extensions: string[] }[];
    };
    expect(options.properties).toEqual(expect.arrayContaining(['openFile', 'multiSelections']));
    expect(options.filters.flatMap((f) => f.extensions)).toEqual(expect.arrayContaining(['pdf', 'png', 'docx']));
    expect(options.filters.flatMap((f) => f.extensions)).not.toContain('*');

    // What the page gets for a pick: ids, names and sizes, never a path.
    await stubOpenDialog(app, [pdfPath]);
    const picked = await page.evaluate(() => (globalThis as unknown as { parApi: Record<string, (i: unknown) => Promise<unknown>> }).parApi['evidence:pickFiles']!({}));
    expect(JSON.stringify(picked)).not.toContain(sourcesDir);
    expect(picked).toEqual({ ok: true, value: { files: [{ pickId: expect.stringMatching(/^[0-9a-f]{32}$/), name: PDF_NAME, size: pdf.length }] } });

    // Closing the dialog queues nothing.
    await stubOpenDialog(app, []);
    await card.getByRole('button', { name: 'Chọn tệp đính kèm' }).click();
    await expect(files).toHaveCount(2);
  });
});
