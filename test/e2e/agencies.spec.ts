/** Agency profiles: edit the profile, several agencies in one install, the choice remembered. */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

async function fillRequired(page: Page, name: string, signer: string, abbreviation?: string): Promise<void> {
  await page.getByLabel('Tên cơ quan', { exact: true }).fill(name);
  if (abbreviation !== undefined) await page.getByLabel('Viết tắt').fill(abbreviation);
  await page.getByLabel('Địa danh ghi ngày tháng').fill('Đà Nẵng');
  await page.getByLabel('Chức vụ người ký').fill('CHỦ TỊCH');
  await page.getByLabel('Họ tên người ký').fill(signer);
}

test('edit the agency profile, add a second agency, switch, and reload', async ({ page, app }) => {
  await page.goto(app.url);
  await fillRequired(page, 'SỞ NỘI VỤ', 'Nguyễn Văn An');
  // The ordinary name follows the header name; a department must give its abbreviation.
  await expect(page.getByLabel(/Tên cơ quan viết thường/)).toHaveValue('Sở Nội vụ');
  await page.getByRole('button', { name: 'Lưu thông tin cơ quan' }).click();
  await expect(page.getByText('Sở, ban, ngành cần nhập tên viết tắt, ví dụ SNV')).toBeVisible();
  await page.getByLabel('Viết tắt').fill('SNV');
  await page.getByRole('button', { name: 'Lưu thông tin cơ quan' }).click();
  await expect(page.getByRole('heading', { name: 'Các kỳ tự đánh giá' })).toBeVisible();

  // Edit: the form comes back filled in; the change is kept.
  await page.getByRole('button', { name: 'Sửa thông tin cơ quan' }).click();
  await expect(page.getByRole('heading', { name: 'Sửa thông tin cơ quan' })).toBeVisible();
  await expect(page.getByLabel('Họ tên người ký')).toHaveValue('Nguyễn Văn An');
  await page.getByLabel('Cán bộ CCHC').fill('Trần Thị Bình');
  await page.getByRole('button', { name: 'Lưu thông tin cơ quan' }).click();
  await page.getByRole('button', { name: 'Sửa thông tin cơ quan' }).click();
  await expect(page.getByLabel('Cán bộ CCHC')).toHaveValue('Trần Thị Bình');
  await page.getByRole('button', { name: 'Hủy' }).click();

  // A second agency (a ward): the sets offered follow its level.
  await page.getByRole('button', { name: 'Thêm cơ quan' }).click();
  await fillRequired(page, 'ỦY BAN NHÂN DÂN PHƯỜNG HẢI CHÂU', 'Lê Thị Cúc');
  await page.getByRole('radio', { name: 'UBND xã, phường' }).check();
  await expect(page.getByLabel(/Tên cơ quan viết thường/)).toHaveValue('Ủy ban nhân dân phường Hải Châu');
  await expect(page.getByLabel('Viết tắt')).toHaveValue('UBND');
  await page.getByRole('button', { name: 'Lưu thông tin cơ quan' }).click();
  const selector = page.getByRole('combobox', { name: 'Cơ quan' });
  await expect(selector.getByRole('option')).toHaveCount(2);
  await expect(selector.locator('option:checked')).toHaveText('ỦY BAN NHÂN DÂN PHƯỜNG HẢI CHÂU');
  await expect(page.getByRole('radio', { name: /xã, phường năm 2026/ })).toBeVisible();
  await expect(page.getByRole('radio', { name: /sở, ban, ngành năm 2026/ })).toHaveCount(0);

  // Switch back; the choice survives a reload.
  await selector.selectOption({ label: 'SỞ NỘI VỤ' });
  await expect(page.getByRole('radio', { name: /sở, ban, ngành năm 2026/ })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Cơ quan' }).locator('option:checked')).toHaveText('SỞ NỘI VỤ');
});
