/**
 * `npm start`'s better-sqlite3 build for Electron: the stamp check (missing / stale / matching)
 * and the exact commands `npm start` runs, with spawn and spawnSync injected (no Electron here).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { spawn, spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { bindingPath, electronTarget, nativeBuildDir, rebuildCommand, stampStatus, type ElectronTarget } from '../../../main/bin/electron-native.mjs';
import { runStart } from '../../../main/bin/start.mjs';
import { makeTempDir, type TempDir } from '../../helpers/store-temp';

let temp: TempDir | undefined;
afterEach(() => temp?.cleanup());

/** A project with electron 45.5.0 and better-sqlite3 12.11.1 installed (package files only) and a stand-in runtime binary. */
function fakeProject(): { root: string; binary: string } {
  temp = makeTempDir('par-start-');
  const root = temp.dir;
  for (const [name, version] of [['electron', '45.5.0'], ['better-sqlite3', '12.11.1']]) {
    fs.mkdirSync(path.join(root, 'node_modules', name!, 'src'), { recursive: true });
    fs.writeFileSync(path.join(root, 'node_modules', name!, 'package.json'), JSON.stringify({ name, version }));
    fs.writeFileSync(path.join(root, 'node_modules', name!, 'src', 'x.cpp'), '//');
  }
  fs.mkdirSync(path.join(root, 'node_modules', 'better-sqlite3', 'build', 'Release'), { recursive: true });
  fs.writeFileSync(path.join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), 'node-abi-115');
  const binary = path.join(root, 'electron-binary');
  fs.writeFileSync(binary, '');
  return { root, binary };
}

function writeBuild(root: string, target: ElectronTarget, stamp: object): void {
  fs.mkdirSync(nativeBuildDir(root, target), { recursive: true });
  fs.writeFileSync(bindingPath(root, target), 'electron-abi');
  fs.writeFileSync(path.join(nativeBuildDir(root, target), 'stamp.json'), JSON.stringify(stamp));
}

interface Call {
  command: string;
  args: readonly string[];
  options: { cwd?: string; env?: NodeJS.ProcessEnv };
}

/** spawnSync/spawn stand-ins: record every call; `rebuildWorks` decides whether @electron/rebuild leaves a binary. */
function stubs(rebuildWorks: boolean) {
  const syncCalls: Call[] = [];
  const spawned: Call[] = [];
  const spawnSyncStub = ((command: string, args: readonly string[], options: Call['options']) => {
    syncCalls.push({ command, args, options });
    const isRebuild = args[0]!.includes(path.join('@electron', 'rebuild'));
    if (isRebuild && rebuildWorks) {
      const out = path.join(options.cwd!, 'node_modules', 'better-sqlite3', 'build', 'Release');
      fs.mkdirSync(out, { recursive: true });
      fs.writeFileSync(path.join(out, 'better_sqlite3.node'), 'electron-abi-150');
    }
    return { status: isRebuild && !rebuildWorks ? 1 : 0 };
  }) as unknown as typeof spawnSync;
  const spawnStub = ((command: string, args: readonly string[], options: Call['options']) => {
    spawned.push({ command, args, options });
    return { pid: 1 };
  }) as unknown as typeof spawn;
  return { syncCalls, spawned, spawnSyncStub, spawnStub };
}

describe('the stamp of the Electron build of better-sqlite3', () => {
  it('names the Electron version and its ABI from node-abi', () => {
    const { root } = fakeProject();
    expect(electronTarget(root, 'linux', 'x64')).toEqual({ electronVersion: '45.5.0', abi: '150', sqliteVersion: '12.11.1', platform: 'linux', arch: 'x64' });
  });

  it('is missing without a build, stale for another better-sqlite3, matching for this one', () => {
    const { root } = fakeProject();
    const target = electronTarget(root, 'linux', 'x64')!;
    expect(stampStatus(root, target)).toBe('missing');
    writeBuild(root, target, { ...target, sqliteVersion: '12.10.0' });
    expect(stampStatus(root, target)).toBe('stale');
    writeBuild(root, target, target);
    expect(stampStatus(root, target)).toBe('matching');
    fs.rmSync(bindingPath(root, target));
    expect(stampStatus(root, target)).toBe('missing');
  });

  it('rebuilds without npm’s nodedir (which would compile against Node’s headers)', () => {
    const { root } = fakeProject();
    const target = electronTarget(root, 'linux', 'x64')!;
    const cmd = rebuildCommand(root, target, { PATH: '/bin', npm_config_nodedir: '/usr', NPM_CONFIG_NODEDIR: '/usr' }, '/usr/bin/node');
    expect(cmd.command).toBe('/usr/bin/node');
    expect(cmd.args).toEqual([
      path.join(root, 'node_modules', '@electron', 'rebuild', 'lib', 'cli.js'),
      '--version', '45.5.0', '--arch', 'x64', '--module-dir', cmd.cwd, '--only', 'better-sqlite3', '--force',
    ]);
    expect(cmd.cwd.startsWith(nativeBuildDir(root, target))).toBe(true);
    expect(cmd.env).toEqual({ PATH: '/bin' });
  });
});

describe('npm start (spawn injected)', () => {
  it('with a matching build: builds with electron-vite, then runs Electron with the Electron binding and no ELECTRON_RUN_AS_NODE', () => {
    const { root, binary } = fakeProject();
    const target = electronTarget(root)!;
    writeBuild(root, target, target);
    const s = stubs(true);
    const res = runStart({ projectRoot: root, env: { PAR_ELECTRON_PATH: binary, ELECTRON_RUN_AS_NODE: '1' }, args: ['--x'], spawn: s.spawnStub, spawnSync: s.spawnSyncStub });
    expect(res.child).toBeDefined();
    expect(s.syncCalls.map((c) => c.args)).toEqual([[path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build']]);
    expect(s.spawned).toHaveLength(1);
    expect(s.spawned[0]!.command).toBe(binary);
    expect(s.spawned[0]!.args).toEqual([root, '--x']);
    expect(s.spawned[0]!.options.env).toEqual({ PAR_ELECTRON_PATH: binary, PAR_SQLITE_BINDING: bindingPath(root, target) });
  });

  it('without a build: runs @electron/rebuild first, keeps the Node build in node_modules, stamps the new one', () => {
    const { root, binary } = fakeProject();
    const s = stubs(true);
    runStart({ projectRoot: root, env: { PAR_ELECTRON_PATH: binary }, spawn: s.spawnStub, spawnSync: s.spawnSyncStub });
    const target = electronTarget(root)!;
    const expected = rebuildCommand(root, target, { PAR_ELECTRON_PATH: binary });
    expect(s.syncCalls[0]).toEqual({ command: expected.command, args: expected.args, options: { cwd: expected.cwd, env: expected.env, stdio: 'inherit' } });
    expect(s.syncCalls[1]!.args[1]).toBe('build');
    expect(fs.readFileSync(bindingPath(root, target), 'utf8')).toBe('electron-abi-150');
    expect(fs.readFileSync(path.join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), 'utf8')).toBe('node-abi-115');
    expect(stampStatus(root, target)).toBe('matching');
    expect(s.spawned[0]!.options.env!.PAR_SQLITE_BINDING).toBe(bindingPath(root, target));
  });

  it('when the build cannot be made: one Vietnamese + English sentence naming what is missing and npm run web; Electron is not started', () => {
    const { root, binary } = fakeProject();
    const s = stubs(false);
    const errors: string[] = [];
    const res = runStart({ projectRoot: root, env: { PAR_ELECTRON_PATH: binary }, spawn: s.spawnStub, spawnSync: s.spawnSyncStub, error: (m) => errors.push(m) });
    expect(res.status).toBe(1);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('Không dựng được better-sqlite3 cho Electron 45.5.0 (ABI 150)');
    expect(errors[0]).toContain('trình biên dịch C++');
    expect(errors[0]).toContain('npm run web');
    expect(errors[0]).not.toContain('\n');
    expect(s.syncCalls).toHaveLength(1); // no electron-vite build
    expect(s.spawned).toHaveLength(0);
    expect(stampStatus(root, electronTarget(root)!)).toBe('missing');
    expect(fs.readdirSync(nativeBuildDir(root, electronTarget(root)!))).toEqual([]); // no half-built copy left
  });
});
