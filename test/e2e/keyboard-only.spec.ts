/**
 * Keyboard only, at 1366×768 (issue 12): from the assessments list, with nothing but keys (Tab,
 * Shift+Tab, Enter, Space, arrows and typing), open the assessment, score three leaves of different
 * kinds (levels, rate, yes/no), record a document and attach a file to it (the browser's file
 * chooser, opened with Enter, is answered by the test as the officer would answer it), and export
 * the draft report and download it. At every focus stop the focused element draws a visible focus
 * mark (a computed outline or box-shadow), and focus never falls back to the page itself.
 *
 * The agency and the assessment are set up through the backend beforehand; no click, no mouse, no
 * locator.fill/click after that.
 */
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { agencyDraft } from '../helpers/agency-fixture';
import { makePdf } from '../helpers/sample-documents';
import { expect, test } from './fixtures';
import { evidenceSection, sampleSet, treeItem } from './officer-steps';
import { buildTreeModel } from '../../renderer/features/workspace/tree-model';

test.use({ viewport: { width: 1366, height: 768 } });

interface Focus {
  tag: string;
  role: string;
  name: string;
  /** A computed outline or box-shadow on the focused element itself. */
  drawn: boolean;
}

async function focusNow(page: Page): Promise<Focus> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { tag: 'BODY', role: '', name: '', drawn: false };
    const s = getComputedStyle(el);
    const drawn = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
    // A tree row's parts (code, title, points) are separate spans: joined with spaces as a screen reader reads them.
    const text = el.getAttribute('role') === 'treeitem' ? [...el.children].map((c) => c.textContent).join(' ') : el.textContent;
    const label = el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? text ?? '';
    return { tag: el.tagName, role: el.getAttribute('role') ?? (el as HTMLInputElement).type ?? '', name: label.replace(/\s+/g, ' ').trim().slice(0, 120), drawn };
  });
}

/** Every focus stop the test makes, for the summary at the end. */
const stops: string[] = [];

async function expectVisibleFocus(page: Page): Promise<Focus> {
  const f = await focusNow(page);
  stops.push(`${f.tag}[${f.role}] ${f.name}`);
  expect(f.tag, 'focus is on a control, not lost to the page').not.toBe('BODY');
  expect(f.drawn, `focus is visible on ${f.tag} "${f.name}"`).toBe(true);
  return f;
}

async function press(page: Page, key: string): Promise<Focus> {
  await page.keyboard.press(key);
  return expectVisibleFocus(page);
}

/** Tab (or Shift+Tab) until the focused element matches, checking every stop on the way. */
async function tabTo(page: Page, matches: (f: Focus) => boolean, what: string, back = false, max = 80): Promise<Focus> {
  for (let i = 0; i < max; i++) {
    const f = await press(page, back ? 'Shift+Tab' : 'Tab');
    if (matches(f)) return f;
  }
  throw new Error(`${back ? 'Shift+Tab' : 'Tab'} did not reach ${what} in ${max} steps`);
}

const named = (text: string | RegExp) => (f: Focus) => (typeof text === 'string' ? f.name === text : text.test(f.name));
const treeRow = (code: string) => (f: Focus) => f.role === 'treeitem' && f.name.startsWith(`${code} `);

/** Back to the criteria tree (its one tab stop is the selected row), then arrows to `code`. */
async function treeTo(page: Page, code: string, downs: number): Promise<void> {
  await tabTo(page, (f) => f.role === 'treeitem', 'the criteria tree', true);
  let f = await focusNow(page);
  for (let i = 0; i < downs; i++) f = await press(page, 'ArrowDown');
  expect(treeRow(code)(f), `tree row ${code} is focused (got "${f.name}")`).toBe(true);
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^${code.replace(/\./g, '\\.')} `) })).toBeVisible();
}

async function setUp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByLabel('Tên cơ quan', { exact: true })).toBeVisible();
  const failure = await page.evaluate(
    async ({ draft, title }) => {
      const token = sessionStorage.getItem('par.sessionToken') ?? '';
      const call = async (channel: string, input: unknown) => {
        const res = await fetch(`/api/${channel}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-PAR-Token': token }, body: JSON.stringify(input) });
        return (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
      };
      const agency = await call('agencies:create', draft);
      if (!agency.ok) return agency.error?.message ?? 'agencies:create';
      const sets = (await call('criteriaSets:list', {})).value as { sets: { hash: string; title: string }[] };
      const set = sets.sets.find((s) => s.title === title);
      if (!set) return `no set ${title}`;
      const created = await call('assessments:create', { agencyId: (agency.value as { id: number }).id, year: 2026, setHash: set.hash });
      return created.ok ? null : (created.error?.message ?? 'assessments:create');
    },
    { draft: agencyDraft(), title: sampleSet.title },
  );
  expect(failure).toBeNull();
  await page.reload();
  await expect(page.getByRole('button', { name: /^Mở kỳ đánh giá năm 2026/ })).toBeVisible();
}

test('open, score three kinds of leaves, attach a file and export the report with the keyboard only', async ({ page, app }) => {
  test.slow();
  await setUp(page, app.url);

  // --- The list: Tab to "Mở kỳ đánh giá…", Enter. Focus lands on the selected row of the tree.
  await tabTo(page, named(/^Mở kỳ đánh giá năm 2026/), '"Mở kỳ đánh giá"');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tree', { name: 'Cây tiêu chí' })).toBeVisible();
  await expect(treeItem(page, '1')).toBeFocused();
  await expectVisibleFocus(page);

  // --- 1.1.1 (levels): arrows in the tree, Enter goes to the first choice, Space picks it.
  let f = await press(page, 'ArrowDown');
  f = await press(page, 'ArrowDown');
  expect(treeRow('1.1.1')(f)).toBe(true);
  f = await press(page, 'Enter');
  expect(f.role).toBe('radio');
  await press(page, 'Space');
  await expect(treeItem(page, '1.1.1')).not.toContainText('Chưa chấm');

  // --- 1.1.2 (rate): the two counts typed, Tab between them; leaving the field saves.
  await treeTo(page, '1.1.2', 1);
  f = await press(page, 'Enter');
  expect(f.tag).toBe('INPUT');
  await page.keyboard.type('8');
  await press(page, 'Tab');
  await page.keyboard.type('10');
  await press(page, 'Tab');
  await expect(treeItem(page, '1.1.2')).not.toContainText('Chưa chấm');

  // --- 1.2.2 (yes/no): "Đạt" with Space.
  await treeTo(page, '1.2.2', 3);
  f = await press(page, 'Enter');
  expect(f).toMatchObject({ role: 'radio', name: 'Đạt' });
  await press(page, 'Space');
  await expect(treeItem(page, '1.2.2')).toContainText('Cần tài liệu hoặc giải trình');

  // --- A document for 1.2.2: "Thêm tài liệu", the form typed field by field, "Lưu tài liệu".
  await tabTo(page, named('Thêm tài liệu'), '"Thêm tài liệu"');
  f = await press(page, 'Enter');
  expect(f.name).toBe('Số, ký hiệu');
  await page.keyboard.type('125/KH-SNV');
  await tabTo(page, named(/^Ngày ban hành/), '"Ngày ban hành"');
  await page.keyboard.type('15/01/2026');
  await tabTo(page, named('Cơ quan ban hành'), '"Cơ quan ban hành"');
  await page.keyboard.type('Sở Nội vụ');
  await tabTo(page, named('Trích yếu'), '"Trích yếu"');
  await page.keyboard.type('Báo cáo tự đánh giá chỉ số cải cách hành chính năm 2026');
  await tabTo(page, named('Lưu tài liệu'), '"Lưu tài liệu"');
  await page.keyboard.press('Enter');
  const card = evidenceSection(page).getByRole('article', { name: '125/KH-SNV' });
  await expect(card).toBeVisible();
  await expectVisibleFocus(page);

  // --- Its file: Tab to "Chọn tệp đính kèm", Enter opens the system chooser.
  await tabTo(page, named('Chọn tệp đính kèm'), '"Chọn tệp đính kèm"');
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  await (await chooser).setFiles({ name: 'bao-cao-125.pdf', mimeType: 'application/pdf', buffer: makePdf('Bao cao 125/KH-SNV') });
  await expect(page.getByRole('region', { name: 'Tệp đang tải lên' }).getByRole('status')).toHaveText('Đã tải xong 1/1 tệp.');
  await expect(card.getByRole('listitem')).toHaveCount(1);
  await expect(treeItem(page, '1.2.2')).toContainText('Đã chấm');
  await expectVisibleFocus(page);

  // --- The report: back up to "Báo cáo và gói hồ sơ", then "Xuất bản dự thảo (.docx)" and the download link.
  await tabTo(page, named('Báo cáo và gói hồ sơ'), '"Báo cáo và gói hồ sơ"', true, 120);
  await page.keyboard.press('Enter');
  const exportPanel = page.getByRole('region', { name: 'Xuất báo cáo' });
  await expect(exportPanel).toBeVisible();
  await expectVisibleFocus(page);
  await tabTo(page, named('Xuất bản dự thảo (.docx)'), '"Xuất bản dự thảo (.docx)"', false, 120);
  await page.keyboard.press('Enter');
  const link = exportPanel.getByRole('link', { name: /^Tải về bao-cao-.*\.docx$/ });
  await expect(link).toBeVisible({ timeout: 60_000 });
  // The button was disabled while the export ran: the focus moved on to the link to the file.
  await expect(link).toBeFocused();
  await expectVisibleFocus(page);
  const download = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const file = await (await download).path();
  expect(fs.statSync(file).size).toBeGreaterThan(1000);
  expect(fs.readFileSync(file).subarray(0, 2).toString()).toBe('PK');

  console.log(`keyboard-only: ${stops.length} focus stops, every one with a visible focus mark`);
});

test('the list warms the workspace up off the page; the opened tree draws one screen of rows, then every row', async ({ page, app }) => {
  await setUp(page, app.url);
  // What the page asks the backend from the reload on (the page before it warmed up too).
  const asked: string[] = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) asked.length = 0;
  });
  page.on('request', (r) => {
    const channel = /\/api\/([^/?]+)$/.exec(r.url())?.[1];
    if (channel) asked.push(decodeURIComponent(channel));
  });
  await page.reload();
  const open = page.getByRole('button', { name: /^Mở kỳ đánh giá năm 2026/ });
  await expect(open).toBeVisible();

  // While the list waits, the workspace is drawn once in a root that never joins the page, with no
  // effect run: one read of the assessment and nothing else (no documents, no history), nothing
  // of it in the document, and the focus where it was.
  await expect.poll(() => asked.filter((c) => c === 'assessments:open').length).toBe(1);
  await page.waitForTimeout(500);
  expect(asked.filter((c) => !['app:info', 'agencies:list', 'assessments:list', 'criteriaSets:list'].includes(c))).toEqual(['assessments:open']);
  await expect(page.locator('[role="tree"], [role="treeitem"]')).toHaveCount(0);
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);

  // How many rows the first drawing of the tree has.
  await page.evaluate(() => {
    const w = window as unknown as { firstRows?: number };
    const observer = new MutationObserver(() => {
      const rows = document.querySelectorAll('[role="treeitem"]').length;
      if (rows === 0) return;
      w.firstRows = rows;
      observer.disconnect();
    });
    observer.observe(document.body, { subtree: true, childList: true });
  });
  await open.focus();
  await page.keyboard.press('Enter');
  await expect(treeItem(page, '1')).toBeFocused();
  // One screen's worth first (768 px high, rows at least 28 px), the rest after that first frame;
  // End and Home reach both ends of the whole tree.
  const nodes = buildTreeModel(sampleSet).nodes;
  await expect(page.getByRole('treeitem')).toHaveCount(nodes.length);
  expect(await page.evaluate(() => (window as unknown as { firstRows?: number }).firstRows)).toBe(Math.ceil(768 / 28));
  await page.keyboard.press('End');
  await expect(treeItem(page, nodes.at(-1)!.code)).toBeFocused();
  // The focused last row is inside the tree's visible box, not below its edge.
  await expect
    .poll(() =>
      treeItem(page, nodes.at(-1)!.code).evaluate((row) => {
        const box = row.closest('[role="tree"]')!.getBoundingClientRect();
        const r = row.getBoundingClientRect();
        return r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
      }),
    )
    .toBe(true);
  await page.keyboard.press('Home');
  await expect(treeItem(page, '1')).toBeFocused();
});
