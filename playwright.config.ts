import { defineConfig } from '@playwright/test';

/** Debian's Chromium: Playwright never downloads a browser on these machines (TOOLCHAIN.md). */
const chromiumPath = process.env.PAR_CHROMIUM ?? '/usr/bin/chromium';

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
      executablePath: chromiumPath,
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
