/**
 * Where Electron finds the sample criteria sets: in the installer's resources when packaged, in
 * the repository's seeds/ when started from the repository (there process.resourcesPath is
 * node_modules/electron/dist/resources, which has no seeds). Real folders on disk; the repository
 * layout is checked to really install the two samples.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { seedsDir } from '../../../main/startup/data-dir';
import { sampleSetFiles } from '../../../main/criteria/install-samples';
import { PROJECT_ROOT } from '../../../main/bin/electron-runtime.mjs';
import { makeTempDir, type TempDir } from '../../helpers/store-temp';

let temp: TempDir | undefined;
afterEach(() => temp?.cleanup());

const electronResources = path.join(PROJECT_ROOT, 'node_modules', 'electron', 'dist', 'resources');

describe('seedsDir under Electron', () => {
  it('started from the repository (not packaged, built into out/main): the repository seeds/, with both samples', () => {
    const dir = seedsDir({ env: {}, isPackaged: false, resourcesPath: electronResources, moduleDir: path.join(PROJECT_ROOT, 'out', 'main') });
    expect(dir).toBe(path.join(PROJECT_ROOT, 'seeds'));
    expect(sampleSetFiles(dir).map((f) => path.basename(f))).toEqual(expect.arrayContaining(['sample-commune-2026.json', 'sample-department-2026.json']));
  });

  it('packaged (installed app): resources/seeds, even with a repository-looking folder around', () => {
    temp = makeTempDir('par-packaged-');
    const resources = path.join(temp.dir, 'resources');
    fs.mkdirSync(path.join(resources, 'seeds'), { recursive: true });
    fs.writeFileSync(path.join(resources, 'seeds', 'sample-x.json'), '{}');
    const dir = seedsDir({ env: {}, isPackaged: true, resourcesPath: resources, moduleDir: path.join(PROJECT_ROOT, 'out', 'main') });
    expect(dir).toBe(path.join(resources, 'seeds'));
    expect(sampleSetFiles(dir)).toEqual([path.join(resources, 'seeds', 'sample-x.json')]);
  });

  it('not packaged and no repository around: falls back to resources/seeds', () => {
    temp = makeTempDir('par-loose-');
    const dir = seedsDir({ env: {}, isPackaged: false, resourcesPath: path.join(temp.dir, 'resources'), moduleDir: path.join(temp.dir, 'app', 'out', 'main') });
    expect(dir).toBe(path.join(temp.dir, 'resources', 'seeds'));
  });

  it('PAR_SEEDS_DIR wins in every layout; web mode and the CLI (no Electron) use the repository', () => {
    expect(seedsDir({ env: { PAR_SEEDS_DIR: '/srv/seeds' }, isPackaged: true, resourcesPath: electronResources })).toBe(path.resolve('/srv/seeds'));
    expect(seedsDir({ env: {} })).toBe(path.join(PROJECT_ROOT, 'seeds'));
  });
});
