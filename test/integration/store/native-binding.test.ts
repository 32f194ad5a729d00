/**
 * better-sqlite3's binary per runtime: Node keeps the node_modules build, Electron started from
 * the repository loads the build named by PAR_SQLITE_BINDING. Real SQLite files on disk.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/store/open';
import { selectNativeBinding, SQLITE_BINDING_ENV, withNativeBinding } from '../../../main/store/native-binding';
import { BINDING_ENV } from '../../../main/bin/electron-native.mjs';
import { makeTempDir, type TempDir } from '../../helpers/store-temp';

const nodeVersions: NodeJS.ProcessVersions = { ...process.versions };
delete (nodeVersions as { electron?: string }).electron;
const electronVersions = { ...nodeVersions, electron: '45.5.0' } as NodeJS.ProcessVersions;
const nodeBuild = path.join(path.dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');

describe('which better-sqlite3 binary is loaded', () => {
  let temp: TempDir | undefined;
  afterEach(() => temp?.cleanup());

  it('npm start and the store agree on the variable name', () => {
    expect(BINDING_ENV).toBe(SQLITE_BINDING_ENV);
  });

  it('under Node: the node_modules build, even when the Electron build is named in the environment', () => {
    expect(selectNativeBinding(nodeVersions, { PAR_SQLITE_BINDING: '/x/electron/better_sqlite3.node' })).toBeUndefined();
    expect(withNativeBinding({ readonly: true }, nodeVersions, { PAR_SQLITE_BINDING: '/x.node' })).toEqual({ readonly: true });
  });

  it('under Electron: the build named by PAR_SQLITE_BINDING; none named (packaged app) keeps its own', () => {
    expect(selectNativeBinding(electronVersions, { PAR_SQLITE_BINDING: '/x/electron/better_sqlite3.node' })).toBe('/x/electron/better_sqlite3.node');
    expect(selectNativeBinding(electronVersions, {})).toBeUndefined();
    expect(selectNativeBinding(electronVersions, { PAR_SQLITE_BINDING: '' })).toBeUndefined();
  });

  it('better-sqlite3 really loads the selected binary: a real file opens through it, a missing one fails', () => {
    temp = makeTempDir('par-binding-');
    const file = temp.file('par.sqlite');
    const db = new Database(file, withNativeBinding({}, electronVersions, { PAR_SQLITE_BINDING: nodeBuild }));
    db.exec('CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (42)');
    expect(db.prepare('SELECT x FROM t').get()).toEqual({ x: 42 });
    db.close();
    expect(() => new Database(file, withNativeBinding({}, electronVersions, { PAR_SQLITE_BINDING: temp!.file('missing.node') }))).toThrow();
  });

  it('openDatabase under Node ignores a PAR_SQLITE_BINDING left in the environment', () => {
    temp = makeTempDir('par-binding-');
    const previous = process.env.PAR_SQLITE_BINDING;
    process.env.PAR_SQLITE_BINDING = temp.file('electron-build.node');
    try {
      const db = openDatabase(temp.file('par.sqlite'));
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      db.close();
    } finally {
      if (previous === undefined) delete process.env.PAR_SQLITE_BINDING;
      else process.env.PAR_SQLITE_BINDING = previous;
    }
  });
});
