/**
 * Where the Electron runtime binary is, found the way node_modules/electron/index.js finds it
 * but WITHOUT requiring that package (its index.js starts a download when the binary is missing,
 * which cannot work on the offline build machines). Shared by `npm start` and the Electron E2E.
 *
 * Order: PAR_ELECTRON_PATH (an explicit binary), ELECTRON_OVERRIDE_DIST_PATH (a folder, as
 * Electron's own loader honours it), then node_modules/electron/dist/<path.txt>.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BINDING_ENV } from './electron-native.mjs';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const MISSING_RUNTIME_MESSAGE =
  'Không tìm thấy Electron runtime trên máy này (node_modules/electron/dist). ' +
  'Hãy chạy `npm run web` để mở ứng dụng trong trình duyệt tại http://127.0.0.1:5180. / ' +
  'The Electron runtime is not installed here; run `npm run web` to use the app in a browser.';

const PLATFORM_BINARY = { darwin: 'Electron.app/Contents/MacOS/Electron', win32: 'electron.exe' };

function readPathTxt(electronDir) {
  try {
    return fs.readFileSync(path.join(electronDir, 'path.txt'), 'utf8').trim() || null;
  } catch {
    return null;
  }
}

function isFile(file) {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The binary Electron would run, or null when no path can be named at all. */
export function electronBinaryCandidate(projectRoot = PROJECT_ROOT, env = process.env, platform = process.platform) {
  if (env.PAR_ELECTRON_PATH) return path.resolve(env.PAR_ELECTRON_PATH);
  const electronDir = path.join(projectRoot, 'node_modules', 'electron');
  const relative = readPathTxt(electronDir);
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    return path.join(env.ELECTRON_OVERRIDE_DIST_PATH, relative ?? PLATFORM_BINARY[platform] ?? 'electron');
  }
  return relative ? path.join(electronDir, 'dist', relative) : null;
}

/** The runtime binary if it exists on disk, else null. */
export function findElectronRuntime(projectRoot = PROJECT_ROOT, env = process.env, platform = process.platform) {
  const candidate = electronBinaryCandidate(projectRoot, env, platform);
  return candidate && isFile(candidate) ? candidate : null;
}

/**
 * The environment Electron is launched with: no stray ELECTRON_RUN_AS_NODE (set by some editors'
 * terminals, it would run Electron as plain Node), and the better-sqlite3 build for its ABI.
 */
export function electronLaunchEnv(env, bindingPath) {
  const launch = { ...env, [BINDING_ENV]: bindingPath };
  delete launch.ELECTRON_RUN_AS_NODE;
  return launch;
}
