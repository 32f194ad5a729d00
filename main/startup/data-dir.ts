/**
 * Where the data lives. Electron's `app.getPath('userData')` is `<appData>/<package name>`;
 * the web mode and the CLI compute the same folder without Electron so that both modes share
 * one database. PAR_DATA_DIR overrides it (tests, portable installs).
 */
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const APP_FOLDER_NAME = 'par-self-assessment';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.PAR_DATA_DIR) return path.resolve(env.PAR_DATA_DIR);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), APP_FOLDER_NAME);
}

/**
 * Electron's userData folder (its profile, and what `requestSingleInstanceLock` locks): the
 * app's data folder under appData, like the web mode computes; with PAR_DATA_DIR (tests, portable
 * installs) a profile inside that folder, so each data folder is its own single instance.
 */
export function electronUserDataDir(appDataPath: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env.PAR_DATA_DIR) return path.join(path.resolve(env.PAR_DATA_DIR), 'electron-profile');
  return path.join(appDataPath, APP_FOLDER_NAME);
}

export interface SeedsLocation {
  env?: NodeJS.ProcessEnv;
  /** Electron's `app.isPackaged`: only an installed app has its seeds in `resourcesPath/seeds`. */
  isPackaged?: boolean;
  /** Electron's `process.resourcesPath` (node_modules/electron/dist/resources when run from the repository). */
  resourcesPath?: string;
  /** The folder of the running main code: main/ in the source tree, out/main/ when built. */
  moduleDir?: string;
}

/**
 * The folder that holds the sample criteria sets: PAR_SEEDS_DIR, else the installer's
 * `resources/seeds` in a packaged app, else the repository's seeds/ (source tree, `npm start`,
 * the Electron E2E, web mode, CLI), else — no repository around — `resources/seeds`.
 */
export function seedsDir(where: SeedsLocation = {}): string {
  const env = where.env ?? process.env;
  if (env.PAR_SEEDS_DIR) return path.resolve(env.PAR_SEEDS_DIR);
  const packaged = where.resourcesPath ? path.join(where.resourcesPath, 'seeds') : undefined;
  if (where.isPackaged && packaged) return packaged;
  const here = where.moduleDir ?? path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.resolve(here, '..', 'seeds'), path.resolve(here, '..', '..', 'seeds')];
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'README.md'))) ?? packaged ?? candidates[0]!;
}
