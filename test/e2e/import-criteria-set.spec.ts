/**
 * Importing a criteria set from a file: an invalid file lists its problems (path + message); a
 * different set with the same id and year asks before installing a new version; the same file
 * twice is recognised as already installed.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { repoRoot } from '../helpers/web-server-process';
import { expect, test } from './fixtures';

const sampleText = fs.readFileSync(path.join(repoRoot, 'seeds', 'sample-department-2026.json'), 'utf8');

async function createAgency(page: Page): Promise<void> {
  await page.getByLabel('Tên cơ quan', { exact: true }).fill('SỞ TƯ PHÁP');
  await page.getByLabel('Viết tắt').fill('STP');
  await page.getByLabel('Địa danh ghi ngày tháng').fill('Đà Nẵng');
  await page.getByLabel('Chức vụ người ký').fill('GIÁM ĐỐC');
  await page.getByLabel('Họ tên người ký').fill('Lê Văn Cường');
  await page.getByRole('button', { name: 'Lưu thông tin cơ quan' }).click();
  await expect(page.getByRole('heading', { name: 'Các kỳ tự đánh giá' })).toBeVisible();
}

function jsonFile(name: string, value: unknown) {
  return { name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(value, null, 2), 'utf8') };
}

test('criteria-set import: problems listed, new version confirmed, duplicates recognised', async ({ page, app }) => {
  await page.goto(app.url);
  await createAgency(page);
  const fileInput = page.getByLabel('Nhập bộ chỉ số từ tệp');
  // The app's own button style, not the browser's bare file input.
  await expect(page.getByText('Chọn tệp bộ chỉ số (.xlsx hoặc .json)…')).toHaveClass(/\bbutton\b/);
  await expect(fileInput).toHaveClass(/\bsr-only\b/);

  // An invalid set: each problem with its path.
  const broken = JSON.parse(sampleText) as { fields: { maxPoints: unknown }[]; title: string };
  broken.fields[0]!.maxPoints = 'chín';
  await fileInput.setInputFiles(jsonFile('hong.json', broken));
  const issues = page.getByRole('alert').filter({ hasText: '“hong.json”: Tệp này là bộ chỉ số nhưng có 1 lỗi cần sửa, liệt kê dưới đây.' });
  await expect(issues).toBeVisible();
  await expect(issues.locator('.issue-path').first()).toHaveText('Lĩnh vực 1 › Điểm tối đa');

  // Same id and year, different content: asked first, installed as a new version after "yes".
  const changed = JSON.parse(sampleText) as { title: string };
  changed.title = `${changed.title} (sửa đổi)`;
  await fileInput.setInputFiles(jsonFile('ban-sua-doi.json', changed));
  const question = page.getByRole('alertdialog');
  await expect(question).toContainText('Đã có bộ chỉ số cùng mã và năm với nội dung khác. Nhập như một phiên bản mới?');
  await question.getByRole('button', { name: 'Nhập như phiên bản mới' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Đã nhập bộ chỉ số: ${changed.title}.` })).toBeVisible();
  const newChoice = page.getByRole('radio', { name: new RegExp(changed.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
  await expect(newChoice).toBeChecked();
  await expect(page.locator('.set-choice', { has: newChoice }).getByText('Bộ chỉ số mẫu', { exact: true })).toBeVisible();

  // The same file again: already installed, nothing asked.
  await fileInput.setInputFiles(jsonFile('ban-sua-doi.json', changed));
  await expect(page.getByRole('status').filter({ hasText: `Bộ chỉ số này đã có sẵn: ${changed.title}.` })).toBeVisible();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);

  // Switching to English keeps working and is remembered.
  await page.getByRole('combobox', { name: 'Ngôn ngữ' }).selectOption('en');
  await expect(page.getByRole('heading', { name: 'Self-assessments' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Self-assessments' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
