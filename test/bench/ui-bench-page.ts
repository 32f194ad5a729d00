/**
 * Timing inside the page for the `ui` bench: the user's input is stamped by a capturing listener
 * (keydown, pointerdown), a watcher armed before the input notices the expected result in the DOM
 * (MutationObserver) and records the time of the next animation frame.
 */
import type { Page } from '@playwright/test';

/** What shows that the action is done. `next`: the heading names the row after the selected one. */
export type Watch =
  | { kind: 'selector'; selector: string }
  | { kind: 'text'; selector: string; text: string }
  | { kind: 'next' }
  | { kind: 'focusedArticle' };

/** The few page globals used here, typed locally: the bench compiles without the DOM library. */
interface PageElement {
  textContent: string | null;
  tagName: string;
  getAttribute(name: string): string | null;
  querySelector(s: string): PageElement | null;
}
interface PageGlobals {
  document: { querySelector(s: string): PageElement | null; querySelectorAll(s: string): Iterable<PageElement>; activeElement: PageElement | null; body: unknown };
  MutationObserver: new (callback: () => void) => { observe(target: unknown, options: object): void; disconnect(): void };
  requestAnimationFrame(callback: () => void): number;
  addEventListener(type: string, listener: () => void, capture: boolean): void;
  __benchAction?: number;
  __benchDone?: number | null;
}

export async function installActionStamp(page: Page): Promise<void> {
  // tsx (esbuild, keepNames) wraps named functions in `__name(...)`, which the page does not have.
  await page.evaluate('globalThis.__name = (f) => f');
  // Playwright builds its helper script in the page's world at the first waitForFunction (~20–35 ms
  // of parsing and compiling on the page's main thread). Built here, before any timed action: in
  // timeAction it ran while the first action was still on its way, sometimes before the frame
  // that ends it (seen in a Chromium trace of the first open), and counted as the app's time.
  await page.waitForFunction('true');
  await page.evaluate(() => {
    const g = globalThis as unknown as PageGlobals;
    for (const type of ['keydown', 'pointerdown']) {
      g.addEventListener(type, () => {
        g.__benchAction = performance.now();
      }, true);
    }
  });
}

async function arm(page: Page, watch: Watch): Promise<void> {
  await page.evaluate((w) => {
    const g = globalThis as unknown as PageGlobals;
    const document = g.document;
    let expected = '';
    if (w.kind === 'next') {
      const rows = [...document.querySelectorAll('[role="treeitem"]')];
      const at = rows.findIndex((r) => r.getAttribute('aria-selected') === 'true');
      expected = rows[at + 1]?.querySelector('.node-code')?.textContent ?? '';
    }
    const done = (): boolean => {
      switch (w.kind) {
        case 'selector':
          return document.querySelector(w.selector) !== null;
        case 'text':
          return (document.querySelector(w.selector)?.textContent ?? '').includes(w.text);
        case 'next':
          return document.querySelector('h2.node-title .node-code')?.textContent === expected;
        case 'focusedArticle':
          return document.activeElement?.tagName === 'ARTICLE';
      }
    };
    if (done()) throw new Error(`the result is there before the action: ${JSON.stringify(w)}`);
    g.__benchDone = null;
    const observer = new g.MutationObserver(() => {
      if (!done()) return;
      observer.disconnect();
      g.requestAnimationFrame(() => {
        g.__benchDone = performance.now() - (g.__benchAction ?? 0);
      });
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  }, watch);
}

/** Milliseconds from the (last) input event of `act` to the frame after the watched result. */
export async function timeAction(page: Page, watch: Watch, act: () => Promise<void>): Promise<number> {
  await arm(page, watch);
  await act();
  const handle = await page.waitForFunction(() => (globalThis as unknown as PageGlobals).__benchDone ?? null, undefined, { timeout: 30_000 });
  return (await handle.jsonValue()) as number;
}
