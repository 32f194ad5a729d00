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
  /** Stops the backend and starts it again on the same data folder (close and reopen the app). */
  restart(): Promise<string>;
}

export const test = base.extend<{ app: AppFixture }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires an object pattern here
  app: async ({}, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'par-e2e-'));
    let server: WebServerProcess = await spawnWebServer(dataDir);
    const fixture: AppFixture = {
      url: server.url,
      dataDir,
      restart: async () => {
        await server.stop();
        // Same port, so the page's origin (and what it remembered) stays the same.
        server = await spawnWebServer(dataDir, { PORT: new URL(server.origin).port });
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
