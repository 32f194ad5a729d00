/** The chosen data folder: a settings file beside the default folder, written atomically, read
 *  strictly (anything odd is ignored), and PAR_DATA_DIR still first. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { activeDataDir, dataFolderSettingsFile, readChosenDataDir, writeChosenDataDir } from '../../../main/startup/data-folder-choice';

let config: string;
let env: NodeJS.ProcessEnv;
beforeEach(() => {
  config = fs.mkdtempSync(path.join(os.tmpdir(), 'par-choice-'));
  env = { XDG_CONFIG_HOME: config };
});
afterEach(() => fs.rmSync(config, { recursive: true, force: true }));

describe('the chosen data folder', () => {
  it('lives beside the default folder (%APPDATA% on Windows) and defaults to the default folder', () => {
    expect(dataFolderSettingsFile(env, 'linux')).toBe(path.join(config, 'par-self-assessment.settings.json'));
    expect(dataFolderSettingsFile({ APPDATA: 'C:\\Users\\An\\AppData\\Roaming' }, 'win32')).toMatch(/Roaming[\\/]par-self-assessment\.settings\.json$/);
    expect(activeDataDir(env, 'linux')).toBe(path.join(config, 'par-self-assessment'));
  });

  it('is used once written, and PAR_DATA_DIR still wins', async () => {
    await writeChosenDataDir('/mnt/d/par', env, 'linux');
    expect(activeDataDir(env, 'linux')).toBe('/mnt/d/par');
    expect(activeDataDir({ ...env, PAR_DATA_DIR: '/tmp/khac' }, 'linux')).toBe('/tmp/khac');
    expect(fs.readdirSync(config)).toEqual(['par-self-assessment.settings.json']); // no temp file left
  });

  it.each([
    ['not JSON', '{hỏng'],
    ['an unknown key', JSON.stringify({ dataDir: '/mnt/d/par', more: 1 })],
    ['a relative path', JSON.stringify({ dataDir: 'du-lieu' })],
    ['an empty path', JSON.stringify({ dataDir: '' })],
  ])('ignores a settings file with %s', (_what, text) => {
    fs.writeFileSync(dataFolderSettingsFile(env, 'linux'), text);
    expect(readChosenDataDir(env, 'linux')).toBeNull();
    expect(activeDataDir(env, 'linux')).toBe(path.join(config, 'par-self-assessment'));
  });
});
