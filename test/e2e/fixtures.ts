/**
 * Each test gets a fresh data folder and the real backend (the same process `npm run web`
 * starts), with the two sample criteria sets installed on first open.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import { spawnWebServer, type WebServerProcess } from '../helpers/web-server-process';

export interface AppFixture {
  /** The address to open, with the session token. */
  url: string;
  dataDir: string;
  /** Stops the backend and starts it again on the same data folder (close and reopen the app);
   *  `whileStopped` runs in between (e.g. to damage the database as a power cut would). */
  restart(whileStopped?: () => void): Promise<string>;
}

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

export const test = base.extend<{ app: AppFixture; appEnv: Record<string, string> }>({
  /** Extra environment for the backend (e.g. PAR_AUTO_BACKUP_SECONDS), set per spec with test.use. */
  appEnv: [{}, { option: true }],
  /** Every page records Content-Security-Policy violations (the app runs without
   *  'unsafe-inline' styles); a test that caused one fails. Blocked `eval` is left out: it is
   *  Playwright's own injected script evaluating locators and expectations in the page (the app's
   *  bundle has no eval, and script-src refuses it anyway). */
  page: async ({ page }, use) => {
    await page.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        if (e.blockedURI !== 'eval') window.__cspViolations!.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
      });
    });
    await use(page);
    const violations = page.isClosed() ? [] : await page.evaluate(() => window.__cspViolations ?? []).catch(() => []);
    expect(violations, 'Content-Security-Policy violations').toEqual([]);
  },
  app: async ({ appEnv }, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'par-e2e-'));
    let server: WebServerProcess = await spawnWebServer(dataDir, appEnv);
    const fixture: AppFixture = {
      url: server.url,
      dataDir,
      restart: async (whileStopped) => {
        await server.stop();
        whileStopped?.();
        // Same port, so the page's origin (and what it remembered) stays the same.
        server = await spawnWebServer(dataDir, { ...appEnv, PORT: new URL(server.origin).port });
        fixture.url = server.url;
        return server.url;
      },
    };
    await use(fixture);
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };
