/**
 * "Soạn bộ chỉ số": an officer types a small set with every rule kind, sees the sum error of a
 * field appear beside its maximum and disappear once the leaves add up, installs the set, creates
 * an assessment on it and scores a leaf. The editor passes axe with its problems on screen.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { treeItem } from './officer-steps';

async function createAgency(page: Page): Promise<void> {
  await page.getByLabel('Tên cơ quan', { exact: true }).fill('SỞ TƯ PHÁP');
  await page.getByLabel('Viết tắt').fill('STP');
  await page.getByRole('radio', { name: 'Sở, ban, ngành' }).check();
  await page.getByLabel('Địa danh ghi ngày tháng').fill('Đà Nẵng');
  await page.getByLabel('Chức vụ người ký').fill('GIÁM ĐỐC');
  await page.getByLabel('Họ tên người ký').fill('Lê Văn Cường');
  await page.getByRole('button', { name: 'Lưu thông tin cơ quan' }).click();
  await expect(page.getByRole('heading', { name: 'Các kỳ tự đánh giá' })).toBeVisible();
}

const node = (page: Page) => page.locator('.editor-node');
const ruleKind = (page: Page) => node(page).getByRole('combobox', { name: 'Cách chấm' });

/** Adds the next leaf after the selected one and fills its title and maximum. */
async function nextLeaf(page: Page, title: string, max: string): Promise<void> {
  await page.getByRole('button', { name: 'Thêm mục cùng cấp' }).click();
  const titleBox = node(page).getByLabel('Tên tiêu chí (Enter: thêm mục cùng cấp)');
  await expect(titleBox).toBeFocused();
  await titleBox.fill(title);
  await node(page).getByLabel('Điểm tối đa', { exact: true }).fill(max);
}

test('criteria editor: type a set with every rule kind, fix the sum, install, assess and score', async ({ page, app }) => {
  await page.goto(app.url);
  await createAgency(page);
  await page.getByRole('button', { name: 'Soạn bộ chỉ số' }).click();
  await page.getByRole('button', { name: 'Tạo bản nháp trống' }).click();

  const meta = page.getByRole('region', { name: 'Thông tin chung' });
  await meta.getByLabel('Tên bộ chỉ số').fill('Bộ chỉ số CCHC các sở tỉnh Thử');
  await meta.getByLabel('Mã bộ chỉ số (chữ thường, số, gạch ngang)').fill('tinh-thu-cap-so');
  await meta.getByLabel('Cấp áp dụng').selectOption({ label: 'Sở, ban, ngành' });
  await meta.getByLabel('Năm', { exact: true }).fill('2026');
  await meta.getByLabel('Cơ quan ban hành').fill('UBND tỉnh Thử');
  await meta.getByLabel('Tổng điểm tối đa').fill('6');

  // The field (selected at the start), then its first leaf by "Thêm mục con".
  await node(page).getByLabel('Tên tiêu chí (Enter: thêm mục cùng cấp)').fill('Công tác chỉ đạo, điều hành');
  await node(page).getByLabel('Điểm tối đa', { exact: true }).fill('6');
  await page.getByRole('button', { name: 'Thêm mục con' }).click();
  await node(page).getByLabel('Tên tiêu chí (Enter: thêm mục cùng cấp)').fill('Ban hành kế hoạch CCHC');
  await node(page).getByLabel('Điểm tối đa', { exact: true }).fill('1');
  await node(page).getByLabel('Bước điểm').fill('0,5');
  // The preview scores an example with the engine of the app.
  await page.getByRole('region', { name: 'Xem trước khi chấm' }).getByLabel('Điểm tự chấm').fill('0,5');
  await expect(page.getByRole('region', { name: 'Xem trước khi chấm' }).getByRole('status')).toHaveText('Điểm của ví dụ: 0,5 / 1');

  // Enter in the title adds the next item at the same level, its title focused.
  await node(page).getByLabel('Tên tiêu chí (Enter: thêm mục cùng cấp)').press('Enter');
  await expect(treeItemEditor(page, '1.2')).toBeVisible();
  await node(page).getByLabel('Tên tiêu chí (Enter: thêm mục cùng cấp)').fill('Báo cáo CCHC đúng hạn');
  await node(page).getByLabel('Điểm tối đa', { exact: true }).fill('1');
  await ruleKind(page).selectOption({ label: 'Có / Không' });

  await nextLeaf(page, 'Mức độ hoàn thành kế hoạch', '1');
  await ruleKind(page).selectOption({ label: 'Theo mức' });
  await node(page).getByLabel('Tên mức 1').fill('Hoàn thành');
  await node(page).getByLabel('Điểm mức 1').fill('1');
  await node(page).getByLabel('Tên mức 2').fill('Không hoàn thành');

  await nextLeaf(page, 'Tỷ lệ hồ sơ giải quyết đúng hạn', '1');
  await ruleKind(page).selectOption({ label: 'Theo tỷ lệ' });
  await node(page).getByLabel('Tử số (việc đạt)').fill('Số hồ sơ đúng hạn');
  await node(page).getByLabel('Mẫu số (tổng số việc)').fill('Tổng số hồ sơ');
  await node(page).getByLabel('Cách tính').selectOption({ label: 'Theo ngưỡng' });
  for (const [from, to, points] of [['0', '80', '0'], ['80', '100', '0,5']]) {
    await node(page).getByRole('button', { name: 'Thêm ngưỡng', exact: true }).click();
    const n = await node(page).locator('.editor-table-row').count();
    await node(page).getByLabel(`Từ (%) – ngưỡng ${n}`).fill(from!);
    await node(page).getByLabel(`Đến dưới (%) – ngưỡng ${n}`).fill(to!);
    await node(page).getByLabel(`Điểm – ngưỡng ${n}`).fill(points!);
  }
  await node(page).getByRole('button', { name: 'Thêm ngưỡng "đạt đúng 100%"' }).click();
  await node(page).getByLabel('Điểm – ngưỡng 3').fill('1');
  await node(page).getByLabel('Khi không phát sinh (mẫu số bằng 0)').selectOption({ label: 'Không áp dụng' });
  const preview = page.getByRole('region', { name: 'Xem trước khi chấm' });
  await preview.getByLabel('Tử số: Số hồ sơ đúng hạn').fill('10');
  await preview.getByLabel('Mẫu số: Tổng số hồ sơ').fill('10');
  await expect(preview.getByRole('status')).toHaveText('Điểm của ví dụ: 1 / 1');
  await preview.getByLabel('Tử số: Số hồ sơ đúng hạn').fill('9');
  await expect(preview.getByRole('status')).toHaveText('Điểm của ví dụ: 0,5 / 1');

  await nextLeaf(page, 'Chậm gửi báo cáo', '1');
  await ruleKind(page).selectOption({ label: 'Trừ điểm theo số lần' });
  await node(page).getByLabel('Việc bị trừ điểm').fill('Số lần gửi báo cáo chậm');
  await node(page).getByLabel('Trừ mỗi lần').fill('0,5');

  // Five leaves of 1 under a field of 6: the sum error shows beside the field's maximum.
  const sumError = 'Điểm tối đa của mục 1 là 6 nhưng tổng điểm tối đa của các mục con là 5.';
  await treeItemEditor(page, '1').click();
  await expect(node(page).getByRole('alert').filter({ hasText: sumError })).toBeVisible();
  await expect(node(page).getByText('Tổng các mục con: 5 / 6')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Còn 1 lỗi cần sửa' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ban hành / Cài đặt' })).toBeDisabled();
  // The editor with its problems shown passes axe (WCAG 2.x A/AA): nothing serious or critical.
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);

  await treeItemEditor(page, '1.5').click();
  await nextLeaf(page, 'Mức độ hài lòng của người dân', '1');
  await ruleKind(page).selectOption({ label: 'Điều tra xã hội học' });
  await treeItemEditor(page, '1').click();
  await expect(node(page).getByText('Tổng các mục con: 6 / 6')).toBeVisible();
  await expect(page.getByText(sumError)).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Bộ chỉ số hợp lệ' })).toBeVisible();

  await page.getByRole('button', { name: 'Ban hành / Cài đặt' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã cài đặt "Bộ chỉ số CCHC các sở tỉnh Thử" (phiên bản 1).' })).toBeVisible();

  // Back to the assessments: the new set is offered, an assessment is created on it and a leaf scored.
  await page.getByRole('button', { name: '← Các bản nháp' }).click();
  await expect(page.getByRole('button', { name: 'Mở bản nháp Bộ chỉ số CCHC các sở tỉnh Thử' })).toBeVisible();
  await page.getByRole('button', { name: '← Quay lại danh sách kỳ đánh giá' }).click();
  await page.getByLabel('Năm đánh giá').fill('2026');
  await page.getByRole('radio', { name: /Bộ chỉ số CCHC các sở tỉnh Thử/ }).check();
  await page.getByRole('button', { name: 'Tạo kỳ đánh giá' }).click();
  await expect(page.getByRole('tree', { name: 'Cây tiêu chí' })).toBeVisible();
  await treeItem(page, '1.2').click();
  await page.getByRole('radio', { name: 'Đạt', exact: true }).check();
  await expect(page.getByRole('status').filter({ hasText: /^Đã lưu lúc \d{2}:\d{2}$/ })).toBeVisible();
});

function treeItemEditor(page: Page, code: string) {
  return page.locator('.editor-tree .editor-row > button').filter({ has: page.locator('.editor-row-code', { hasText: new RegExp(`^${code.replace(/\./g, '\\.')}$`) }) });
}

test('criteria editor: what was just typed is kept when the page closes, and a group is removed only when confirmed', async ({ page, app }) => {
  await page.goto(app.url);
  await createAgency(page);
  await page.getByRole('button', { name: 'Soạn bộ chỉ số' }).click();
  await page.getByRole('button', { name: 'Tạo bản nháp trống' }).click();
  await page.getByRole('region', { name: 'Thông tin chung' }).getByLabel('Tên bộ chỉ số').fill('Bộ chỉ số đang gõ');
  await node(page).getByLabel('Tên tiêu chí (Enter: thêm mục cùng cấp)').fill('Lĩnh vực gõ rồi đóng ngay');
  await page.getByRole('button', { name: 'Thêm mục con' }).click();
  // Closed at once, before the typing pause: the page writes the draft as it goes.
  await page.reload();
  await page.getByRole('button', { name: 'Soạn bộ chỉ số' }).click();
  await page.getByRole('button', { name: 'Mở bản nháp Bộ chỉ số đang gõ' }).click();
  await expect(node(page).getByLabel('Tên tiêu chí (Enter: thêm mục cùng cấp)')).toHaveValue('Lĩnh vực gõ rồi đóng ngay');
  await expect(treeItemEditor(page, '1.1')).toBeVisible();

  page.once('dialog', (dialog) => void dialog.dismiss());
  await page.getByRole('button', { name: 'Xóa mục' }).click();
  await expect(treeItemEditor(page, '1.1')).toBeVisible();
  page.once('dialog', (dialog) => {
    expect(dialog.message()).toBe('Xóa mục 1 cùng 1 mục con của nó?');
    void dialog.accept();
  });
  await page.getByRole('button', { name: 'Xóa mục' }).click();
  await expect(page.locator('.editor-tree .editor-row')).toHaveCount(0);
  // A set without fields is refused by the validator: its issue is listed with the set's information.
  await expect(page.locator('.editor-meta .editor-issues .issue-path').filter({ hasText: /^fields$/ })).toBeVisible();
});
