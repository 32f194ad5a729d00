import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronBinaryCandidate, findElectronRuntime, PROJECT_ROOT } from '../../../main/bin/electron-runtime.mjs';
import { makeTempDir } from '../../helpers/store-temp';

const START = path.join(PROJECT_ROOT, 'main', 'bin', 'start.mjs');

function runStart(env: NodeJS.ProcessEnv) {
  return spawnSync(process.execPath, [START], { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 20_000 });
}

describe('npm start without the Electron runtime', () => {
  it('exits 1 with one Vietnamese + English sentence pointing to npm run web (explicit missing binary)', () => {
    const res = runStart({ PAR_ELECTRON_PATH: path.join(PROJECT_ROOT, 'no-such-dir', 'electron') });
    expect(res.status).toBe(1);
    expect(res.stderr).toContain('npm run web');
    expect(res.stderr).toContain('Không tìm thấy Electron runtime');
    expect(res.stderr).toContain('The Electron runtime is not installed here');
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(res.stdout).toBe('');
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH (an empty folder has no binary)', () => {
    const temp = makeTempDir('par-no-electron-');
    try {
      const res = runStart({ PAR_ELECTRON_PATH: '', ELECTRON_OVERRIDE_DIST_PATH: temp.dir });
      expect(res.status).toBe(1);
      expect(res.stderr).toContain('npm run web');
    } finally {
      temp.cleanup();
    }
  });
});

describe('electron runtime lookup', () => {
  const temp = makeTempDir('par-fake-project-');

  it('follows path.txt into node_modules/electron/dist, or names nothing without it', () => {
    expect(electronBinaryCandidate(temp.dir, {}, 'linux')).toBeNull();
    expect(findElectronRuntime(temp.dir, {}, 'linux')).toBeNull();
  });

  it('uses the platform binary name under ELECTRON_OVERRIDE_DIST_PATH', () => {
    expect(electronBinaryCandidate(temp.dir, { ELECTRON_OVERRIDE_DIST_PATH: '/opt/e' }, 'win32')).toBe(path.join('/opt/e', 'electron.exe'));
    expect(electronBinaryCandidate(temp.dir, { ELECTRON_OVERRIDE_DIST_PATH: '/opt/e' }, 'linux')).toBe(path.join('/opt/e', 'electron'));
  });

  it('finds an existing binary named by PAR_ELECTRON_PATH', () => {
    expect(findElectronRuntime(temp.dir, { PAR_ELECTRON_PATH: START }, 'linux')).toBe(START);
    temp.cleanup();
  });
});
