/**
 * A criteria set as Excel, as an officer meets it: export an installed set to the .xlsx template,
 * edit it with mistakes, import it and see every problem listed by its cell, fix the file and
 * import it; then compare the province's set with the sample it started from.
 */
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { loadWorkbook, rowOfCode, workbookBytes } from '../helpers/criteria-xlsx';
import { expect, test } from './fixtures';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function createAgency(page: Page): Promise<void> {
  await page.getByLabel('Tên cơ quan', { exact: true }).fill('UBND PHƯỜNG HẢI CHÂU');
  await page.getByRole('radio', { name: 'Xã, phường' }).check(); // a commune: its abbreviation defaults to UBND
  await page.getByLabel('Địa danh ghi ngày tháng').fill('Đà Nẵng');
  await page.getByLabel('Chức vụ người ký').fill('CHỦ TỊCH');
  await page.getByLabel('Họ tên người ký').fill('Lê Văn Cường');
  await page.getByRole('button', { name: 'Lưu thông tin cơ quan' }).click();
  await expect(page.getByRole('heading', { name: 'Các kỳ tự đánh giá' })).toBeVisible();
}

test('criteria set from Excel: problems listed by cell, the fixed file installs', async ({ page, app }) => {
  await page.goto(app.url);
  await createAgency(page);

  // Export an installed sample to the template and download it.
  const panel = page.getByRole('region', { name: 'Tải bộ chỉ số dạng Excel hoặc Word' });
  await panel.getByLabel('Bộ chỉ số').selectOption({ label: 'Bộ chỉ số mẫu – Chỉ số cải cách hành chính của UBND các xã, phường năm 2026' });
  await panel.getByRole('button', { name: 'Xuất ra Excel' }).click();
  const downloading = page.waitForEvent('download');
  await panel.getByRole('link', { name: /Tải về/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('bo-chi-so-mau-xa-phuong-2026-v1.xlsx');
  const workbook = await loadWorkbook(fs.readFileSync((await download.path())!));

  // The province's own set: a new id, with three mistakes.
  const info = workbook.getWorksheet('Thông tin')!;
  info.getCell('B3').value = 'xa-phuong-tinh-2026';
  info.getCell('B4').value = 'Bộ chỉ số CCHC cấp xã của tỉnh năm 2026';
  const sheet = workbook.getWorksheet('Bộ chỉ số')!;
  const levelsRow = rowOfCode(sheet, '1.1.1');
  const manualRow = rowOfCode(sheet, '1.4.1');
  const yesNoRow = rowOfCode(sheet, '1.3.1');
  sheet.getCell(`F${levelsRow}`).value = 'Chấm tay';
  sheet.getCell(`G${manualRow}`).value = '0.5';
  sheet.getCell(`C${yesNoRow}`).value = null;

  const fileInput = page.getByLabel('Nhập bộ chỉ số từ tệp');
  await fileInput.setInputFiles({ name: 'bo-chi-so-tinh.xlsx', mimeType: XLSX_TYPE, buffer: await workbookBytes(workbook) });
  const issues = page.getByRole('alert').filter({ hasText: 'Các lỗi tìm thấy' });
  await expect(issues).toBeVisible();
  await expect(issues.getByRole('listitem')).toHaveCount(3);
  await expect(issues.getByRole('listitem').filter({ hasText: `Bộ chỉ số!F${levelsRow}` })).toContainText('Không hiểu cách chấm "Chấm tay"');
  await expect(issues.getByRole('listitem').filter({ hasText: `Bộ chỉ số!G${manualRow}` })).toContainText('hãy dùng dấu phẩy');
  await expect(issues.getByRole('listitem').filter({ hasText: `Bộ chỉ số!C${yesNoRow}` })).toContainText('Thiếu điểm tối đa.');

  // Fixed (with a step of 0,5 where the sample had 0,25, and one criterion reworded): installed.
  sheet.getCell(`B${rowOfCode(sheet, '1.6')}`).value = 'Tổ chức đối thoại với người dân về cải cách hành chính';
  sheet.getCell(`F${levelsRow}`).value = 'Theo mức';
  sheet.getCell(`G${manualRow}`).value = '0,5';
  sheet.getCell(`C${yesNoRow}`).value = 1;
  await fileInput.setInputFiles({ name: 'bo-chi-so-tinh.xlsx', mimeType: XLSX_TYPE, buffer: await workbookBytes(workbook) });
  await expect(page.getByRole('status').filter({ hasText: 'Đã nhập bộ chỉ số: Bộ chỉ số CCHC cấp xã của tỉnh năm 2026.' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Các lỗi tìm thấy' })).toHaveCount(0);

  // Compare the province's set with the sample it came from.
  const compare = page.getByRole('region', { name: 'So sánh hai bộ chỉ số' });
  await compare.getByLabel('Bộ chỉ số cũ').selectOption({ label: 'Bộ chỉ số mẫu – Chỉ số cải cách hành chính của UBND các xã, phường năm 2026' });
  await compare.getByLabel('Bộ chỉ số mới').selectOption({ label: 'Bộ chỉ số CCHC cấp xã của tỉnh năm 2026' });
  await compare.getByRole('button', { name: 'So sánh' }).click();
  const result = compare.getByRole('region', { name: 'Kết quả so sánh' });
  await expect(result.getByRole('status')).toHaveText(/Khớp \d+ mục; 2 khác biệt\./);
  await expect(result.getByRole('listitem')).toHaveText([
    '* Cách chấm 1.4.1: Tự chấm từ 0 đến 1 điểm, bước 0,25 → Tự chấm từ 0 đến 1 điểm, bước 0,5',
    '~ Đổi tên 1.6: "Chủ tịch UBND xã, phường tổ chức đối thoại với người dân, doanh nghiệp về cải cách hành chính" → "Tổ chức đối thoại với người dân về cải cách hành chính"',
  ]);
});
