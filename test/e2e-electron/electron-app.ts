/**
 * Shared by the Electron specs: the skip (with its printed reason) where the runtime is missing,
 * and a launch with its own data folder and profile (so parallel specs never meet at
 * requestSingleInstanceLock) using the better-sqlite3 build for Electron's ABI. The app is built
 * once by build.setup.ts (the `electron-build` project every Electron spec depends on).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, test, type ElectronApplication, type Page } from '@playwright/test';
import { electronLaunchEnv, findElectronRuntime, PROJECT_ROOT } from '../../main/bin/electron-runtime.mjs';
import { bindingPath, electronTarget, stampStatus } from '../../main/bin/electron-native.mjs';

export { PROJECT_ROOT };

export const SKIP_REASON =
  'Electron runtime not installed on this machine (node_modules/electron/dist missing); run where Electron can be downloaded';

export const electronBinary = findElectronRuntime();

/** Skips the calling spec file, printing why, where the runtime is missing. */
export function skipWithoutElectron(): void {
  if (!electronBinary) console.log(`[e2e-electron] SKIPPED: ${SKIP_REASON}`);
  test.skip(!electronBinary, SKIP_REASON);
}

/** The Electron build of better-sqlite3 that build.setup.ts made (or an error saying it is missing). */
export function electronSqliteBinding(): string {
  const target = electronTarget(PROJECT_ROOT);
  if (!target || stampStatus(PROJECT_ROOT, target) !== 'matching') throw new Error('No better-sqlite3 build for this Electron: the electron-build setup project did not run or failed.');
  return bindingPath(PROJECT_ROOT, target);
}

export interface LaunchedApp {
  app: ElectronApplication;
  page: Page;
  dataDir: string;
  close(): Promise<void>;
}

/** Launches the built app with a fresh data folder (its Electron profile inside it). */
export async function launchApp(): Promise<LaunchedApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'par-e2e-electron-'));
  const env = electronLaunchEnv({ ...process.env, PAR_DATA_DIR: dataDir }, electronSqliteBinding()) as Record<string, string>;
  const app = await electron.launch({ executablePath: electronBinary ?? undefined, args: [PROJECT_ROOT], cwd: PROJECT_ROOT, env });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return {
    app,
    page,
    dataDir,
    close: async () => {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
