/**
 * The real Electron app, end to end: launch, check the window and the preload bridge. Needs the
 * Electron runtime binary, which cannot be installed on the offline build machines; there the
 * whole file skips and says why (it never passes silently).
 */
import path from 'node:path';
import { expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { channels } from '../../shared/api/contract';
import { launchApp, skipWithoutElectron, type LaunchedApp } from './electron-app';

skipWithoutElectron();

test.describe('Electron app', () => {
  let launched: LaunchedApp;
  let app: ElectronApplication;
  let page: Page;
  let dataDir: string;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    launched = await launchApp();
    ({ app, page, dataDir } = launched);
  });

  test.afterAll(async () => {
    await launched?.close();
  });

  test('opens one window on app://renderer with the Vietnamese title', async () => {
    expect(app.windows()).toHaveLength(1);
    expect(page.url()).toMatch(/^app:\/\/renderer\//);
    await expect(page).toHaveTitle(/Tự đánh giá Chỉ số/);
  });

  test('exposes exactly the contract channels on window.parApi and no Node or ipcRenderer', async () => {
    const probe = await page.evaluate(() => {
      const w = globalThis as unknown as Record<string, unknown>;
      const api = (w.parApi ?? {}) as Record<string, unknown>;
      return {
        keys: Object.keys(api).sort(),
        allFunctions: Object.values(api).every((v) => typeof v === 'function'),
        ipcRendererOnWindow: 'ipcRenderer' in w,
        ipcRendererOnApi: 'ipcRenderer' in api,
        require: typeof w.require,
        process: typeof w.process,
      };
    });
    expect(probe.keys).toEqual([...channels].sort());
    expect(probe.allFunctions).toBe(true);
    expect(probe.ipcRendererOnWindow).toBe(false);
    expect(probe.ipcRendererOnApi).toBe(false);
    expect(probe.require).toBe('undefined');
    expect(probe.process).toBe('undefined');
  });

  test('its Electron profile lives in its own data folder (parallel launches never share the single-instance lock)', async () => {
    const userData = await app.evaluate(({ app: electronApp }) => electronApp.getPath('userData'));
    expect(userData).toBe(path.join(dataDir, 'electron-profile'));
  });

  test('the sample criteria sets of the repository are installed (not looked for in Electron\'s own resources)', async () => {
    const result = await page.evaluate(async () => {
      const api = (globalThis as unknown as { parApi: Record<string, (input: unknown) => Promise<unknown>> }).parApi;
      return api['criteriaSets:list']!({});
    });
    expect(JSON.stringify(result)).toContain('sample-department-2026');
  });

  test('a channel call goes through IPC and dispatch', async () => {
    const result = await page.evaluate(async () => {
      const api = (globalThis as unknown as { parApi: Record<string, (input: unknown) => Promise<unknown>> }).parApi;
      return api['app:info']!({});
    });
    expect(result).toEqual({ ok: true, value: expect.objectContaining({ mode: 'electron', dataDir }) });
  });
});
