/**
 * Runs once before the Electron specs (Playwright project `electron-build`): the better-sqlite3
 * build for Electron's ABI (as `npm start` makes it) and one electron-vite build of out/, so the
 * specs running in parallel never rebuild out/ under each other. Skips with the printed reason
 * where the runtime is missing.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { test } from '@playwright/test';
import { ensureElectronSqlite } from '../../main/bin/electron-native.mjs';
import { PROJECT_ROOT, skipWithoutElectron } from './electron-app';

skipWithoutElectron();

test('build the Electron app once and better-sqlite3 for its ABI', () => {
  test.setTimeout(600_000);
  const native = ensureElectronSqlite({ projectRoot: PROJECT_ROOT, spawnSync });
  if (!native.ok) throw new Error(native.message);
  const cli = path.join(PROJECT_ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const res = spawnSync(process.execPath, [cli, 'build'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  if (res.status !== 0) throw new Error(`electron-vite build failed with status ${res.status}`);
});
