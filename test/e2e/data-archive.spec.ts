/**
 * "Xuất toàn bộ dữ liệu" in Chromium against the real backend (issue 8): an officer answers a
 * criterion, exports the whole-folder archive from "Sao lưu và khôi phục" and downloads it; the
 * downloaded file is then restored with `par restore` into a new folder, as on another PC, and
 * holds the answer.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from './fixtures';
import { quickStart, sampleSet, treeItem } from './officer-steps';
import { walkSet } from '../../shared/domain/criteria-tree';
import { repoRoot } from '../helpers/web-server-process';

const leafCode = [...walkSet(sampleSet)].find((v) => v.part === 'main' && v.isLeaf && v.node.rule?.kind === 'yesNo')!.node.code;

test('the whole-folder archive is exported from the backups screen, downloaded, and restores on "another PC" with par restore', async ({ page, app }) => {
  test.slow();
  await quickStart(page, app.url);
  await treeItem(page, leafCode).click();
  await page.getByRole('radio', { name: 'Đạt', exact: true }).check();
  await expect(page.getByText('Đã lưu', { exact: false }).first()).toBeVisible();

  await page.getByRole('button', { name: /Danh sách kỳ đánh giá/ }).click();
  await page.getByRole('button', { name: 'Sao lưu và khôi phục' }).click();
  await page.getByRole('button', { name: 'Xuất toàn bộ dữ liệu' }).click();
  await expect(page.getByText('Đã ghi tệp sao lưu toàn bộ dữ liệu', { exact: true })).toBeVisible({ timeout: 30_000 });
  const link = page.getByRole('link', { name: /^Tải về par-toan-bo-du-lieu-\d{8}-\d{6}\.zip$/ });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^par-toan-bo-du-lieu-.*\.zip$/);

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'par-e2e-archive-'));
  try {
    const saved = path.join(work, download.suggestedFilename());
    await download.saveAs(saved);
    const target = path.join(work, 'may-khac', 'du-lieu');
    const r = spawnSync(process.execPath, [path.join(repoRoot, 'main', 'bin', 'par.mjs'), 'restore', saved, '--data', target], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, PAR_DATA_DIR: '' }, timeout: 120_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Đã khôi phục dữ liệu');
    const db = new Database(path.join(target, 'par.sqlite'), { readonly: true });
    try {
      expect(db.prepare('SELECT COUNT(*) FROM answers WHERE code = ?').pluck().get(leafCode)).toBe(1);
    } finally {
      db.close();
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});
