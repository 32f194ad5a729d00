/**
 * Next year from this year, end to end in Chromium against the real backend: from a locked 2026
 * assessment the officer creates 2027 on a changed set, corrects one row of the mapping, sees the
 * suggestions on a leaf and accepts one (the document comes back, marked "Ngoài năm đánh giá"),
 * then opens "So sánh các năm" with three years and exports it.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { AnswerInput } from '../../shared/domain/answer';
import type { CriteriaSet } from '../../shared/domain/criteria-set-schema';
import { walkSet } from '../../shared/domain/criteria-tree';
import { fullAnswers } from '../helpers/answer-generator';
import { expect, test } from './fixtures';
import { createDocumentsThroughApi } from './page-api';
import { quickStart, sampleSet, saveThroughApi, treeItem } from './officer-steps';

const answers = [...fullAnswers(sampleSet, 1)].map(([code, a]): [string, AnswerInput] => [code, { ...a, explanation: a.explanation || 'Lưu tại Văn phòng Sở.' }]);
const mainLeaves = [...walkSet(sampleSet)].filter((v) => v.part === 'main' && v.isLeaf && v.node.rule?.kind !== 'survey');
const docCode = mainLeaves[0]!.node.code;
const cutCode = mainLeaves.at(-1)!.node.code;

function nextYearSet(): CriteriaSet {
  const set = structuredClone(sampleSet);
  set.year = 2027;
  set.id = `${set.id}-2027`;
  set.title = `${set.title} (năm 2027)`;
  const changed = [...walkSet(set)].find((v) => v.node.code === mainLeaves[1]!.node.code)!.node;
  changed.title = `${changed.title} theo quy định mới`;
  return set;
}

/** No serious or critical axe finding (WCAG 2.x A/AA) on the screen as it is. */
async function expectAccessible(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
}

/** Calls the backend from the page with its session token. */
async function call(page: Page, channel: string, input: unknown): Promise<unknown> {
  const r = await page.evaluate(
    async ({ channel, input }) => {
      const token = sessionStorage.getItem('par.sessionToken') ?? '';
      const res = await fetch(`/api/${channel}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-PAR-Token': token }, body: JSON.stringify(input) });
      return (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
    },
    { channel, input },
  );
  expect(r.ok, JSON.stringify(r.error)).toBe(true);
  return r.value;
}

test('from a locked year the officer creates next year on a changed set, corrects the mapping, accepts a suggestion and compares three years', async ({ page, app }) => {
  await quickStart(page, app.url);
  await saveThroughApi(page, answers);
  await createDocumentsThroughApi(page, docCode, [{ docNumber: '01/KH-SNV', summary: 'Kế hoạch cải cách hành chính năm 2026' }]);
  const { summary } = (await call(page, 'criteriaSets:import', { fileName: 'bo-2027.json', text: JSON.stringify(nextYearSet()), confirmNewVersion: false })) as { summary: { hash: string } };
  const agencies = (await call(page, 'agencies:list', {})) as { agencies: { id: number }[] };
  const agencyId = agencies.agencies[0]!.id;
  await page.reload();

  // --- Lock 2026.
  await page.getByRole('button', { name: 'Khóa kỳ đánh giá' }).click();
  await page.getByRole('dialog', { name: 'Khóa kỳ đánh giá?' }).getByRole('button', { name: 'Khóa', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Các bước của kỳ đánh giá' })).toBeVisible();
  await page.getByRole('button', { name: 'Danh sách kỳ đánh giá' }).click();

  // --- Next year: the mapping, one correction, create.
  await page.getByRole('button', { name: 'Tạo kỳ đánh giá năm sau từ năm 2026' }).click();
  await page.getByLabel('Bộ chỉ số năm mới').selectOption(summary.hash);
  const mapping = page.getByRole('region', { name: 'Ghép tiêu chí năm 2026 với bộ chỉ số mới' });
  await expect(mapping.getByRole('status')).toContainText('1 thay đổi');
  await mapping.getByLabel(`Ghép tiêu chí ${cutCode} năm trước với`).selectOption({ label: 'Không có tiêu chí tương ứng' });
  await expect(mapping.getByRole('status')).toContainText('1 mới, 1 bỏ');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Tạo kỳ đánh giá năm sau', exact: true }).click();
  await expect(page.getByRole('tree', { name: 'Cây tiêu chí' })).toBeVisible();

  // --- The suggestions on a leaf: accept last year's document.
  await treeItem(page, docCode).click();
  const suggestions = page.getByRole('region', { name: 'Gợi ý từ năm 2026' });
  await expect(suggestions).toBeVisible();
  await suggestions.getByRole('button', { name: `Dùng gợi ý: Tài liệu năm 2026 (tiêu chí ${docCode})` }).click();
  const evidence = page.getByRole('region', { name: 'Tài liệu kiểm chứng' });
  await expect(evidence.getByText('Ngoài năm đánh giá')).toBeVisible();
  await expect(evidence).toContainText('01/KH-SNV');
  await expectAccessible(page);

  // --- A third year, then "So sánh các năm" and its export.
  const sampleHash = ((await call(page, 'assessments:list', { agencyId })) as { assessments: { year: number; setHash: string }[] }).assessments.find((a) => a.year === 2026)!.setHash;
  await call(page, 'assessments:create', { agencyId, year: 2025, setHash: sampleHash, confirmYearMismatch: true });
  await page.getByRole('button', { name: 'Danh sách kỳ đánh giá' }).click();
  await page.getByRole('button', { name: 'So sánh các năm' }).click();
  const table = page.getByRole('table', { name: 'So sánh các năm' });
  await expect(table.getByRole('rowheader')).toHaveText(['2025', '2026', '2027']);
  await expect(page.getByRole('img', { name: 'Biểu đồ điểm theo lĩnh vực qua các năm' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Tiêu chí bị giảm điểm' })).toBeVisible();
  await page.getByRole('button', { name: 'Xuất Excel (.xlsx)' }).click();
  await expect(page.getByRole('link', { name: /so-sanh-cac-nam-\d+\.xlsx/ })).toBeVisible();
  await expectAccessible(page);
});
