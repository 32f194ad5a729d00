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

/** The repository (or packaged resources) folder that holds seeds/. */
export function seedsDir(): string {
  const resources = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  if (process.env.PAR_SEEDS_DIR) return path.resolve(process.env.PAR_SEEDS_DIR);
  if (resources && process.versions.electron && !process.env.ELECTRON_RENDERER_URL) return path.join(resources, 'seeds');
  // main/startup/data-dir.ts in the source tree, out/main/index.js when built by electron-vite:
  // both two folders below the repository.
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.resolve(here, '..', '..', 'seeds'), path.resolve(here, '..', 'seeds')];
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'README.md'))) ?? candidates[0]!;
}
