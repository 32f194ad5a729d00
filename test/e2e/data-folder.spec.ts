/**
 * "Khôi phục từ tệp" and "Chọn thư mục dữ liệu" in Chromium against the real backend (issue 8).
 * An officer exports the whole-folder archive, changes an answer, uploads the archive, sees what it
 * holds and restores it into a new folder: the app now runs there with the older answer, and the
 * choice is in the settings file. A damaged archive is refused in Vietnamese and nothing changes.
 * Moving the data folder to a typed folder shows the new folder afterwards, with the old one kept
 * (the progress while it runs is checked in test/integration/backup/data-folder-*.test.ts).
 * The backend's settings file lives in a temporary folder (XDG_CONFIG_HOME), never the user's own.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { escapeRegExp, quickStart, sampleSet, treeItem } from './officer-steps';
import { walkSet } from '../../shared/domain/criteria-tree';
import { writeRawZip, type RawEntry } from '../helpers/package-raw-zip';
import { listZipEntries, readZipEntry } from '../helpers/zip-read';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'par-e2e-folder-'));
const configHome = path.join(work, 'config');
test.use({ appEnv: { XDG_CONFIG_HOME: configHome } });
test.afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const leafCode = [...walkSet(sampleSet)].find((v) => v.part === 'main' && v.isLeaf && v.node.rule?.kind === 'yesNo')!.node.code;
const settingsFile = path.join(configHome, 'par-self-assessment.settings.json');

async function answer(page: Page, radio: 'Đạt' | 'Không đạt'): Promise<void> {
  await treeItem(page, leafCode).click();
  await page.getByRole('radio', { name: radio, exact: true }).check();
  await expect(page.getByText('Đã lưu', { exact: false }).first()).toBeVisible();
}

async function openBackups(page: Page): Promise<void> {
  const toList = page.getByRole('button', { name: /Danh sách kỳ đánh giá/ });
  if (await toList.isVisible()) await toList.click();
  await page.getByRole('button', { name: 'Sao lưu và khôi phục' }).click();
  await expect(page.getByRole('heading', { name: 'Sao lưu và khôi phục', level: 1 })).toBeVisible();
}

/** "Xuất toàn bộ dữ liệu", downloaded into the test's own folder. */
async function exportArchive(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Xuất toàn bộ dữ liệu' }).click();
  const link = page.getByRole('link', { name: /^Tải về par-toan-bo-du-lieu-\d{8}-\d{6}\.zip$/ });
  await expect(link).toBeVisible({ timeout: 30_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const saved = path.join(fs.mkdtempSync(path.join(work, 'usb-')), download.suggestedFilename());
  await download.saveAs(saved);
  return saved;
}

const restorePanel = (page: Page) => page.getByRole('region', { name: 'Khôi phục từ tệp' });
const folderPanel = (page: Page) => page.getByRole('region', { name: 'Chọn thư mục dữ liệu' });

const answerIn = (dataDir: string): string | null => {
  const db = new Database(path.join(dataDir, 'par.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT input_json FROM answers WHERE code = ?').pluck().get(leafCode) as string | undefined) ?? null;
  } finally {
    db.close();
  }
};

test('an archive is uploaded, shown, restored into a new folder, and the app goes on there with the older answer', async ({ page, app }) => {
  test.slow();
  await quickStart(page, app.url);
  await answer(page, 'Đạt');
  await openBackups(page);
  const archive = await exportArchive(page);
  await page.getByRole('button', { name: 'Quay lại' }).click();
  await page.getByRole('button', { name: /^Mở/ }).first().click();
  await answer(page, 'Không đạt');
  const current = answerIn(app.dataDir);

  await openBackups(page);
  await restorePanel(page).getByLabel('Chọn tệp sao lưu (.zip)').setInputFiles(archive);
  const panel = restorePanel(page);
  await expect(panel.getByText(`Tệp hợp lệ: ${path.basename(archive)}`, { exact: false })).toBeVisible({ timeout: 30_000 });
  await expect(panel.getByText('SỞ NỘI VỤ', { exact: true })).toBeVisible();
  await expect(panel.getByText('Năm 2026: SỞ NỘI VỤ (Đang chấm)')).toBeVisible();
  await expect(panel.getByText('0 tệp, 0 byte')).toBeVisible();
  const target = path.join(work, 'may-moi', 'PAR-du-lieu');
  await panel.getByLabel('Khôi phục vào thư mục (mới hoặc trống)').fill(target);
  await panel.getByRole('button', { name: 'Khôi phục vào thư mục này' }).click();
  await expect(panel.getByRole('status').filter({ hasText: new RegExp(`^Đã khôi phục dữ liệu .* vào ${escapeRegExp(target)}`) })).toBeVisible({ timeout: 30_000 });
  await expect(panel.getByText(`Thư mục cũ ${app.dataDir} được giữ nguyên`, { exact: false })).toBeVisible();
  await expect(folderPanel(page).getByText(`Thư mục dữ liệu hiện tại: ${target}`, { exact: false })).toBeVisible();
  expect(JSON.parse(fs.readFileSync(settingsFile, 'utf8'))).toEqual({ dataDir: target });
  expect(answerIn(app.dataDir)).toBe(current);

  // The app now reads the restored folder: the answer is "Đạt" again, and a new answer is saved there.
  await page.getByRole('button', { name: 'Quay lại' }).click();
  await page.getByRole('button', { name: /^Mở/ }).first().click();
  await treeItem(page, leafCode).click();
  await expect(page.getByRole('radio', { name: 'Đạt', exact: true })).toBeChecked();
  await answer(page, 'Không đạt');
  await expect.poll(() => answerIn(target)).toBe(current);
});

test('a damaged archive is refused in Vietnamese and nothing changes', async ({ page, app }) => {
  test.slow();
  await quickStart(page, app.url);
  await answer(page, 'Đạt');
  await openBackups(page);
  const archive = await exportArchive(page);
  const zip = fs.readFileSync(archive);
  const entries = listZipEntries(zip).map((e): RawEntry => ({ name: e.name, data: readZipEntry(zip, e.name), method: e.method }));
  const db = entries.find((e) => e.name === 'par.sqlite')!;
  const bytes = Buffer.from(db.data!);
  bytes.writeUInt8(bytes.readUInt8(5000) ^ 0xff, 5000);
  db.data = bytes;
  const damaged = path.join(path.dirname(archive), 'hong.zip');
  fs.writeFileSync(damaged, writeRawZip(entries));
  // What sits beside the data folder, less the data folders other e2e workers make at the same time.
  const beside = (): string[] => fs.readdirSync(path.dirname(app.dataDir)).filter((n) => !n.startsWith('par-e2e-')).sort();
  const before = beside();
  const settingsNow = (): string | null => (fs.existsSync(settingsFile) ? fs.readFileSync(settingsFile, 'utf8') : null);
  const settingsBefore = settingsNow();

  await restorePanel(page).getByLabel('Chọn tệp sao lưu (.zip)').setInputFiles(damaged);
  await expect(restorePanel(page).getByRole('alert')).toHaveText(/^Không dùng được tệp này: Tệp sao lưu bị từ chối, không có gì được ghi: Tệp "par\.sqlite" đã bị thay đổi/, { timeout: 30_000 });
  await expect(restorePanel(page).getByRole('button', { name: 'Khôi phục vào thư mục này' })).toHaveCount(0);
  await expect(folderPanel(page).getByText(`Thư mục dữ liệu hiện tại: ${app.dataDir}`, { exact: false })).toBeVisible();
  expect(beside()).toEqual(before);
  expect(fs.readdirSync(path.join(app.dataDir, 'incoming'))).toEqual([]);
  expect(settingsNow()).toBe(settingsBefore);
});

test('the data folder is moved to a typed folder, then the new folder is shown in use and the old one kept', async ({ page, app }) => {
  test.slow();
  await quickStart(page, app.url);
  await answer(page, 'Đạt');
  await openBackups(page);
  const panel = folderPanel(page);
  await expect(panel.getByText(`Thư mục dữ liệu hiện tại: ${app.dataDir} (`, { exact: false })).toBeVisible();
  const target = path.join(work, 'o-D', 'PAR');
  await panel.getByLabel('Thư mục mới (chưa có hoặc đang trống)').fill(target);
  await panel.getByRole('button', { name: 'Chuyển dữ liệu sang thư mục này' }).click();
  await expect(panel.getByRole('status').filter({ hasText: new RegExp(`^Đã chuyển dữ liệu sang ${escapeRegExp(target)} `) })).toBeVisible({ timeout: 60_000 });
  await expect(panel.getByText(`Thư mục cũ ${app.dataDir} được giữ nguyên để dự phòng`, { exact: false })).toBeVisible();
  await expect(panel.getByText(`Thư mục dữ liệu hiện tại: ${target} (`, { exact: false })).toBeVisible();
  await expect(page.getByText(target, { exact: false }).first()).toBeVisible();
  expect(JSON.parse(fs.readFileSync(settingsFile, 'utf8'))).toEqual({ dataDir: target });
  expect(fs.readFileSync(path.join(app.dataDir, 'DU-LIEU-DA-CHUYEN-DI.txt'), 'utf8')).toContain(target);

  await page.getByRole('button', { name: 'Quay lại' }).click();
  await page.getByRole('button', { name: /^Mở/ }).first().click();
  await answer(page, 'Không đạt');
  const old = answerIn(app.dataDir);
  await expect.poll(() => answerIn(target)).not.toBe(old);
});
