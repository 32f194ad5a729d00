/** Electron's userData (its profile and single-instance lock) per data folder. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_FOLDER_NAME, defaultDataDir, electronUserDataDir } from '../../../main/startup/data-dir';

describe('electronUserDataDir', () => {
  it('is the same per-user folder the web mode and the CLI use', () => {
    expect(electronUserDataDir('/home/an/.config', {})).toBe(path.join('/home/an/.config', APP_FOLDER_NAME));
    expect(electronUserDataDir('/home/an/.config', {})).toBe(defaultDataDir({ XDG_CONFIG_HOME: '/home/an/.config' }, 'linux'));
  });

  it('with PAR_DATA_DIR: a profile inside that folder, so two data folders are two instances', () => {
    const a = electronUserDataDir('/home/an/.config', { PAR_DATA_DIR: '/tmp/a' });
    const b = electronUserDataDir('/home/an/.config', { PAR_DATA_DIR: '/tmp/b' });
    expect(a).toBe(path.join(path.resolve('/tmp/a'), 'electron-profile'));
    expect(a).not.toBe(b);
  });
});
