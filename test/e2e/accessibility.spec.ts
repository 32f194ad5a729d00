/**
 * Every screen through axe (WCAG 2.x A/AA rules): agency profile, the assessments list with its
 * criteria-set import (a wrong file), the set comparison and the package tools, the workspace with
 * a leaf of each scoring kind, the evidence form, the reuse dialog, search results, the
 * completeness list, the report screen after an export, and backups. Prints per screen the count
 * of violations by impact; none may be serious or critical. Also: focus is visible (an outline).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { leavesOf } from '../../shared/domain/criteria-tree';
import { expect, test } from './fixtures';
import { escapeRegExp, evidenceSection, quickStart, sampleSet, treeItem } from './officer-steps';

test.use({ viewport: { width: 1366, height: 768 } });

interface ScreenResult {
  screen: string;
  counts: Record<string, number>;
  serious: string[];
}

async function audit(page: Page, screen: string, results: ScreenResult[]): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const counts: Record<string, number> = { critical: 0, serious: 0, moderate: 0, minor: 0 };
  const serious: string[] = [];
  for (const v of violations) {
    counts[v.impact ?? 'minor'] = (counts[v.impact ?? 'minor'] ?? 0) + v.nodes.length;
    if (v.impact === 'serious' || v.impact === 'critical') {
      serious.push(`${screen}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
    }
  }
  results.push({ screen, counts, serious });
  console.log(`axe ${screen}: ${JSON.stringify(counts)}${serious.length ? `\n  ${serious.join('\n  ')}` : ''}`);
}

function printTable(results: ScreenResult[]): void {
  const lines = results.map((r) => `${r.screen.padEnd(46)} critical ${r.counts.critical} · serious ${r.counts.serious} · moderate ${r.counts.moderate} · minor ${r.counts.minor}`);
  console.log(`axe, violations (affected elements) by impact per screen:\n${lines.join('\n')}`);
}

const leaves = leavesOf(sampleSet).map((v) => v.node);
const KINDS = ['manual', 'yesNo', 'levels', 'rate', 'deduction', 'survey'] as const;

// axe takes seconds per screen on a busy machine (the criteria tree is large): a generous timeout.
test.describe.configure({ timeout: 600_000 });

function finish(results: ScreenResult[]): void {
  printTable(results);
  expect(results.flatMap((r) => r.serious)).toEqual([]);
}

test('agency profile and the workspace with a leaf of each scoring kind pass axe', async ({ page, app }) => {
  const results: ScreenResult[] = [];
  await page.goto(app.url);
  await expect(page.getByLabel('Tên cơ quan', { exact: true })).toBeVisible();
  await audit(page, 'Hồ sơ cơ quan (lần đầu)', results);

  await quickStart(page, app.url);
  for (const kind of KINDS) {
    const leaf = leaves.find((n) => n.rule?.kind === kind);
    if (!leaf) continue;
    await treeItem(page, leaf.code).click();
    await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^${escapeRegExp(leaf.code)} `) })).toBeVisible();
    await audit(page, `Chấm điểm: mục ${kind} (${leaf.code})`, results);
  }
  // Focus is always visible: every control Tab reaches draws an outline (or its wrapper does).
  const unmarked: string[] = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const seen = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const drawn = (e: Element) => {
        const s = getComputedStyle(e);
        return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
      };
      return drawn(el) || (el.parentElement !== null && drawn(el.parentElement)) ? '' : `${el.tagName} ${el.getAttribute('aria-label') ?? el.textContent?.slice(0, 40) ?? ''}`;
    });
    if (seen) unmarked.push(seen);
  }
  expect(unmarked, 'controls reached by Tab without a visible focus mark').toEqual([]);
  finish(results);
});

test('evidence form, reuse dialog, search results and the completeness list pass axe', async ({ page, app }) => {
  const results: ScreenResult[] = [];
  await quickStart(page, app.url);
  const yesNo = leaves.find((n) => n.rule?.kind === 'yesNo')!;
  await treeItem(page, yesNo.code).click();
  await page.getByRole('radio', { name: 'Đạt', exact: true }).check();
  await evidenceSection(page).getByRole('button', { name: 'Thêm tài liệu' }).click();
  await expect(page.getByLabel('Số, ký hiệu')).toBeVisible();
  await audit(page, 'Thêm tài liệu (biểu mẫu)', results);
  await page.getByLabel('Số, ký hiệu').fill('125/KH-SNV');
  await page.getByLabel('Ngày ban hành').fill('15/01/2026');
  await page.getByLabel('Trích yếu').fill('Kế hoạch cải cách hành chính năm 2026');
  await page.getByRole('button', { name: 'Lưu tài liệu' }).click();
  await expect(evidenceSection(page).getByRole('article', { name: '125/KH-SNV' })).toBeVisible();
  await audit(page, 'Chấm điểm: mục có tài liệu', results);

  await treeItem(page, leaves.filter((n) => n.rule?.kind === 'yesNo')[1]!.code).click();
  await evidenceSection(page).getByRole('button', { name: 'Dùng tài liệu đã có' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await audit(page, 'Dùng tài liệu đã có (hộp thoại)', results);
  await page.keyboard.press('Escape');

  const search = page.getByRole('search').getByRole('searchbox', { name: 'Tìm kiếm' });
  await search.fill('ke hoach');
  await expect(page.getByRole('region', { name: 'Kết quả tìm kiếm' }).getByRole('heading', { name: 'Tài liệu kiểm chứng' })).toBeVisible();
  await audit(page, 'Tìm kiếm (kết quả)', results);
  await search.press('Escape');

  await page.getByRole('button', { name: 'Danh sách còn thiếu' }).click();
  await expect(page.getByRole('region', { name: 'Danh sách còn thiếu' })).toBeVisible();
  await audit(page, 'Danh sách còn thiếu', results);
  finish(results);
});

test('report, assessments list with criteria-set import and comparison, profile edit and backups pass axe', async ({ page, app }) => {
  const results: ScreenResult[] = [];
  await quickStart(page, app.url);
  await page.getByRole('button', { name: 'Báo cáo và gói hồ sơ' }).click();
  const exportButton = page.getByRole('button', { name: 'Xuất bản dự thảo (.docx)' });
  await expect(exportButton).toBeVisible();
  await audit(page, 'Báo cáo và gói hồ sơ', results);
  await exportButton.click();
  await expect(page.getByRole('link', { name: /^Tải về bao-cao-.*\.docx$/ })).toBeVisible();
  await audit(page, 'Báo cáo: đã xuất bản dự thảo', results);
  await page.getByRole('button', { name: 'Quay lại chấm điểm' }).click();

  await page.getByRole('button', { name: 'Danh sách kỳ đánh giá' }).click();
  await expect(page.getByRole('heading', { name: 'Các kỳ tự đánh giá' })).toBeVisible();
  await audit(page, 'Danh sách kỳ đánh giá (gói hồ sơ, bộ chỉ số)', results);
  await page.getByLabel('Nhập bộ chỉ số từ tệp').setInputFiles({ name: 'hong.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"par-criteria-set/1","id":"x"}') });
  await expect(page.getByRole('alert').first()).toBeVisible();
  await audit(page, 'Nhập bộ chỉ số: tệp sai', results);
  const compare = page.getByRole('region', { name: 'So sánh hai bộ chỉ số' });
  const options = await compare.getByLabel('Bộ chỉ số cũ').locator('option').allTextContents();
  const sets = options.filter((o) => o.startsWith('Bộ chỉ số mẫu'));
  await compare.getByLabel('Bộ chỉ số cũ').selectOption({ label: sets[0]! });
  await compare.getByLabel('Bộ chỉ số mới').selectOption({ label: sets[1]! });
  await compare.getByRole('button', { name: 'So sánh' }).click();
  await expect(compare.getByRole('region', { name: 'Kết quả so sánh' })).toBeVisible();
  await audit(page, 'So sánh hai bộ chỉ số', results);

  await page.getByRole('button', { name: 'Sửa thông tin cơ quan' }).click();
  await expect(page.getByRole('button', { name: 'Lưu thông tin cơ quan' })).toBeVisible();
  await audit(page, 'Sửa thông tin cơ quan', results);
  await page.getByRole('button', { name: 'Hủy' }).click();

  await page.getByRole('button', { name: 'Sao lưu và khôi phục' }).click();
  await page.getByRole('button', { name: 'Sao lưu ngay' }).click();
  await expect(page.getByRole('button', { name: 'Sao lưu ngay' })).toBeEnabled();
  await audit(page, 'Sao lưu và khôi phục', results);
  finish(results);
});
