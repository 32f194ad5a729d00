import fs from 'node:fs';
import { chromium, defineConfig } from '@playwright/test';
import { chooseChromium } from './test/helpers/chromium-path';

const isFile = (file: string): boolean => fs.statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
/** PAR_CHROMIUM, else Debian's Chromium, else Playwright's own (test/helpers/chromium-path.ts). */
const browser = chooseChromium(process.env, isFile, chromium.executablePath());
if (!browser.found) throw new Error(browser.message);
if (!process.env.TEST_WORKER_INDEX) console.log(`[playwright] Chromium (${browser.way}): ${browser.executablePath}`);

export default defineConfig({
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: browser.executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [
    { name: 'chromium', testDir: 'test/e2e' },
    // Builds out/ and better-sqlite3 for Electron once; both Electron specs depend on it.
    { name: 'electron-build', testDir: 'test/e2e-electron', testMatch: /build\.setup\.ts$/ },
    { name: 'electron', testDir: 'test/e2e-electron', dependencies: ['electron-build'] },
  ],
});
