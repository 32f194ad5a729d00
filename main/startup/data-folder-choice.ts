/**
 * "Chọn thư mục dữ liệu": the folder the officer moved the data to (e.g. D:\ when C:\ is small) is
 * remembered in a small settings file beside the default data folder,
 * `par-self-assessment.settings.json` (in %APPDATA% on Windows, ~/.config on Linux), written
 * atomically. PAR_DATA_DIR still wins (tests, portable installs); without a valid setting the
 * default folder is used. The file is read strictly: anything odd is ignored, never guessed at.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../disk/atomic-write';
import { APP_FOLDER_NAME, defaultDataDir } from './data-dir';

const settingsSchema = z.strictObject({ dataDir: z.string().min(1).max(4096) });

/** Beside the default data folder, so it is found before any data folder is chosen. */
export function dataFolderSettingsFile(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const base = defaultDataDir({ ...env, PAR_DATA_DIR: '' }, platform);
  return path.join(path.dirname(base), `${APP_FOLDER_NAME}.settings.json`);
}

export function readChosenDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | null {
  let text: string;
  try {
    text = fs.readFileSync(dataFolderSettingsFile(env, platform), 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = settingsSchema.safeParse(JSON.parse(text));
    return parsed.success && path.isAbsolute(parsed.data.dataDir) ? parsed.data.dataDir : null;
  } catch {
    return null;
  }
}

export async function writeChosenDataDir(dataDir: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): Promise<void> {
  await writeFileAtomic(dataFolderSettingsFile(env, platform), Buffer.from(`${JSON.stringify({ dataDir: path.resolve(dataDir) }, null, 2)}\n`, 'utf8'));
}

/** The data folder this run uses: PAR_DATA_DIR, else the chosen one, else the default. */
export function activeDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.PAR_DATA_DIR) return path.resolve(env.PAR_DATA_DIR);
  return readChosenDataDir(env, platform) ?? defaultDataDir(env, platform);
}
