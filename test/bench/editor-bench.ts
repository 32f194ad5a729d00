/**
 * Issue 9 figure: the criteria-set editor answering a keystroke on a 300-leaf draft in Chromium
 * (target p95 ≤ 50 ms): from the real keydown (stamped in the page) to the frame after the typed
 * letter shows in the tree row of the item. Beside it, measured in the same run: the check of the
 * whole 300-leaf draft by the one validator (it runs once typing pauses, off the keystroke path).
 */
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { chromium, type Browser } from '@playwright/test';
import type { CriteriaSet } from '../../shared/domain/criteria-set-schema';
import { checkDraft, draftFromSet } from '../../shared/domain/criteria-draft';
import { agencyDraft } from '../helpers/agency-fixture';
import { createHarness } from '../helpers/app-harness';
import { chooseChromium } from '../helpers/chromium-path';
import { makeLargeSet } from '../helpers/large-criteria-set';
import { spawnWebServer } from '../helpers/web-server-process';
import { percentile, type BenchFigure } from './bench-results';
import { installActionStamp, timeAction } from './ui-bench-page';

const KEYSTROKES = 40;
const TYPED = 'abcdefghijklmnopqrstuvwxyz';

function checkTimes(rounds: number): number[] {
  const draft = draftFromSet(makeLargeSet());
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    if (!checkDraft(draft).ok) throw new Error('the 300-leaf draft is not valid');
    times.push(performance.now() - t0);
  }
  return times;
}

export async function benchEditorKeystroke(): Promise<BenchFigure[]> {
  const checks = checkTimes(15);
  const checkMs = percentile(checks, 50);
  const browserChoice = chooseChromium(process.env, (f) => fs.existsSync(f), chromium.executablePath());
  if (!browserChoice.found) {
    console.log(`criteria editor: keystroke skipped: ${browserChoice.message}`);
    return [];
  }
  const browser = await chromium.launch({ executablePath: browserChoice.executablePath });
  try {
    const large = await keystrokeTimes(browser, makeLargeSet(), '10.6.5');
    const small = await keystrokeTimes(browser, makeLargeSet(1, 1, 2, 'bo-chi-so-nho-2026'), '1.1.2');
    const p95 = percentile(large, 95);
    const smallP95 = percentile(small, 95);
    return [
      {
        name: `criteria editor: keystroke on a 300-leaf draft (Chromium), p95 of ${large.length}`,
        value: p95,
        unit: 'ms',
        limitName: 'the same keystroke on a 2-leaf draft, p95',
        limit: smallP95,
        ratio: p95 / smallP95,
        target: '≤ 50 ms',
      },
      { name: 'criteria editor: keystroke on a 300-leaf draft (Chromium), median', value: percentile(large, 50), unit: 'ms', target: '≤ 50 ms' },
      { name: 'criteria editor: validating the whole 300-leaf draft (after typing pauses), p50', value: checkMs, unit: 'ms' },
    ];
  } finally {
    await browser.close();
  }
}

async function keystrokeTimes(browser: Browser, set: CriteriaSet, leafCode: string): Promise<number[]> {
  const h = createHarness();
  await h.call('agencies:create', agencyDraft());
  const installed = await h.call('criteriaSets:import', { fileName: 'lon.json', text: JSON.stringify(set), confirmNewVersion: false });
  const draft = await h.call('criteriaDrafts:create', { from: { kind: 'set', hash: installed.summary.hash } });
  h.ctx.close();
  const server = await spawnWebServer(h.dataDir);
  const times: number[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Soạn bộ chỉ số' }).click();
    await page.getByRole('button', { name: `Mở bản nháp ${draft.title}` }).click();
    // A leaf deep in the tree: the last criterion of the last field.
    await page.locator('.editor-tree .editor-row > button').filter({ has: page.locator('.editor-row-code', { hasText: new RegExp(`^${leafCode.replace(/\./g, '\\.')}$`) }) }).click();
    const title = page.locator('.editor-node').getByLabel('Tên tiêu chí (Enter: thêm mục cùng cấp)');
    await title.focus();
    await installActionStamp(page);
    let typed = await title.inputValue();
    for (let i = 0; i < KEYSTROKES; i++) {
      const letter = TYPED[i % TYPED.length]!;
      typed += letter;
      const expected = typed;
      times.push(await timeAction(page, { kind: 'text', selector: '.editor-row--selected', text: expected }, () => page.keyboard.press(letter)));
    }
    await page.close();
  } finally {
    await server.stop();
    fs.rmSync(h.dataDir, { recursive: true, force: true });
  }
  return times;
}
