/**
 * The safety net in Chromium against the real backend (issue 8): changes make an automatic backup
 * appear; looking at an older one read-only shows its answer; restoring it brings the older answer back; an overwriting package import is
 * undone with "Hoàn tác lần nhập"; and a start on a zeroed database shows the recovery screen,
 * from which the newest good backup brings everything back.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { quickStart, sampleSet, treeItem } from './officer-steps';
import { walkSet } from '../../shared/domain/criteria-tree';
import { toMilli } from '../../shared/domain/points';
import { formatPointsVi } from '../../shared/format/numbers';

// Automatic backups every second, and enough of today's kept that none of this test's goes.
test.use({ appEnv: { PAR_AUTO_BACKUP_SECONDS: '1', PAR_BACKUP_RETENTION: '50,7,12' } });

/** The first yes/no leaf of the main scale. */
const leafVisit = [...walkSet(sampleSet)].find((v) => v.part === 'main' && v.isLeaf && v.node.rule?.kind === 'yesNo')!;
const leafCode = leafVisit.node.code;
const leafMax = leafVisit.node.maxPoints;

const achieved = (page: Page) => page.getByRole('radio', { name: 'Đạt', exact: true });
const notAchieved = (page: Page) => page.getByRole('radio', { name: 'Không đạt', exact: true });
const backupsTable = (page: Page) => page.getByRole('table');

async function answer(page: Page, radio: 'Đạt' | 'Không đạt'): Promise<void> {
  await treeItem(page, leafCode).click();
  await (radio === 'Đạt' ? achieved(page) : notAchieved(page)).check();
  await expect(page.getByText('Đã lưu', { exact: false }).first()).toBeVisible();
}

/** From the assessments list (the header keeps it out of the scoring screen). */
async function openBackups(page: Page): Promise<void> {
  const toList = page.getByRole('button', { name: /Danh sách kỳ đánh giá/ });
  if (await toList.isVisible()) await toList.click();
  await page.getByRole('button', { name: 'Sao lưu và khôi phục' }).click();
  await expect(page.getByRole('heading', { name: 'Sao lưu và khôi phục', level: 1 })).toBeVisible();
}

/** Reopens the screen until a row with this text shows (automatic backups come on their own clock). */
async function waitForBackupRow(page: Page, text: RegExp): Promise<void> {
  await expect(async () => {
    await page.getByRole('button', { name: 'Quay lại' }).click();
    await openBackups(page);
    await expect(backupsTable(page).getByRole('row').filter({ hasText: text }).first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
}

async function restoreRow(page: Page, text: RegExp, which: 'first' | 'last' = 'first'): Promise<void> {
  const rows = backupsTable(page).getByRole('row').filter({ hasText: text });
  const row = which === 'first' ? rows.first() : rows.last();
  await row.getByRole('button', { name: /^Khôi phục bản này/ }).click();
  await row.getByRole('button', { name: 'Khôi phục', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Đã khôi phục dữ liệu về thời điểm/ })).toBeVisible();
}

/** "Xem (chỉ đọc)" on the oldest matching row: the leaf shows its full points ("Đạt"), then back to the list. */
async function viewOnly(page: Page, text: RegExp): Promise<void> {
  await backupsTable(page).getByRole('row').filter({ hasText: text }).last().getByRole('button', { name: /^Xem \(chỉ đọc\)/ }).click();
  await expect(page.getByRole('heading', { name: /\(chỉ xem\)$/ })).toBeVisible();
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: leafCode, exact: true }) });
  await expect(row.getByRole('cell').nth(2)).toHaveText(formatPointsVi(toMilli(leafMax)));
  await page.getByRole('button', { name: 'Đóng, về danh sách' }).click();
}

async function openTheAssessment(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Quay lại' }).click();
  await page.getByRole('button', { name: /^Mở/ }).first().click();
  await treeItem(page, leafCode).click();
}

test('changes make an automatic backup appear; viewing an older one read-only shows its answer, and restoring it brings that answer back', async ({ page, app }) => {
  test.slow();
  await quickStart(page, app.url);
  await answer(page, 'Đạt');
  await openBackups(page);
  await waitForBackupRow(page, /Tự động.*đã chấm 1\//);
  const autoRows = backupsTable(page).getByRole('row').filter({ hasText: 'Tự động' });
  const before = await autoRows.count();
  await page.getByRole('button', { name: 'Quay lại' }).click();
  await page.getByRole('button', { name: /^Mở/ }).first().click();
  await answer(page, 'Không đạt');
  await openBackups(page);
  await expect(async () => {
    await page.getByRole('button', { name: 'Quay lại' }).click();
    await openBackups(page);
    expect(await autoRows.count()).toBeGreaterThan(before);
  }).toPass({ timeout: 30_000 });
  // Newest first: the oldest automatic backup with one answer holds "Đạt". Looked at first, read-only.
  await viewOnly(page, /Tự động.*đã chấm 1\//);
  await restoreRow(page, /Tự động.*đã chấm 1\//, 'last');
  await openTheAssessment(page);
  await expect(achieved(page)).toBeChecked();
  // The state just before the restore was kept: restoring it is the undo.
  await openBackups(page);
  await restoreRow(page, /Trước khi khôi phục/, 'first');
  await openTheAssessment(page);
  await expect(notAchieved(page)).toBeChecked();
});

test('a zeroed database at start: the recovery screen says what happened, and the newest good backup brings the work back', async ({ page, app }) => {
  test.slow();
  await quickStart(page, app.url);
  await answer(page, 'Đạt');
  await page.getByRole('button', { name: 'Sao lưu ngay' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Đã sao lưu lúc/ })).toBeVisible();
  await app.restart(() => {
    const db = path.join(app.dataDir, 'par.sqlite');
    fs.writeFileSync(db, '');
    for (const s of ['-wal', '-shm']) fs.rmSync(db + s, { force: true });
  });
  await page.goto(app.url, { waitUntil: 'domcontentloaded' });
  const notice = page.getByRole('alert').filter({ hasText: 'Dữ liệu cần được khôi phục' });
  await expect(notice).toContainText('Tệp dữ liệu par.sqlite rỗng');
  await expect(notice).toContainText('không bị xóa');
  await expect(page.getByRole('button', { name: 'Quay lại' })).toHaveCount(0); // nothing to go back to yet
  const newest = backupsTable(page).getByRole('row').filter({ hasText: 'Bản tốt mới nhất' });
  await expect(newest).toContainText('SỞ NỘI VỤ · năm 2026 · đang chấm');
  await restoreRow(page, /Bản tốt mới nhất/);
  await expect(notice).toHaveCount(0);
  await openTheAssessment(page);
  await expect(achieved(page)).toBeChecked();
});

test('an overwriting package import is undone with "Hoàn tác lần nhập"', async ({ page, app }) => {
  test.slow();
  await quickStart(page, app.url);
  await answer(page, 'Đạt');
  const origin = new URL(app.url).origin;
  const token = new URL(app.url).searchParams.get('token')!;
  const call = async (channel: string, input: unknown) => {
    const res = await fetch(`${origin}/api/${channel}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-PAR-Token': token, Origin: origin }, body: JSON.stringify(input) });
    return (await res.json()) as { ok: boolean; value: { fileName: string } };
  };
  const agencies = (await call('agencies:list', {})).value as unknown as { agencies: { id: number }[] };
  const list = (await call('assessments:list', { agencyId: agencies.agencies[0]!.id })).value as unknown as { assessments: { id: number }[] };
  const exported = await call('package:export', { assessmentId: list.assessments[0]!.id });
  expect(exported.ok).toBe(true);
  const zip = Buffer.from(await (await fetch(`${origin}/exports/${encodeURIComponent(exported.value.fileName)}?token=${token}`)).arrayBuffer());
  const packageFile = path.join(app.dataDir, '..', `${path.basename(app.dataDir)}-goi.zip`);
  fs.writeFileSync(packageFile, zip);

  await answer(page, 'Không đạt'); // a local change the import will overwrite
  await page.getByRole('button', { name: 'Danh sách kỳ đánh giá' }).click();
  const tools = page.getByRole('region', { name: 'Kiểm tra hoặc nhập gói hồ sơ' });
  await tools.getByLabel('Chọn gói hồ sơ (.zip)').setInputFiles(packageFile);
  await tools.getByRole('button', { name: 'Nhập gói' }).click();
  await tools.getByRole('button', { name: 'Thay thế' }).click();
  const result = tools.getByRole('region', { name: 'Kết quả nhập gói' });
  await expect(result.getByRole('status').first()).toHaveText('Đã thay thế nội dung kỳ đánh giá bằng nội dung trong gói.');
  await tools.getByRole('button', { name: 'Hoàn tác lần nhập' }).click();
  await tools.getByRole('button', { name: 'Hoàn tác lần nhập' }).last().click();
  await expect(tools.getByRole('status').filter({ hasText: 'Đã hoàn tác lần nhập' })).toBeVisible();
  await page.getByRole('button', { name: /^Mở/ }).first().click();
  await treeItem(page, leafCode).click();
  await expect(notAchieved(page)).toBeChecked();
  fs.rmSync(packageFile, { force: true });
});
