/**
 * better-sqlite3 for Electron's ABI, kept apart from the Node build in node_modules (which the
 * tests, the CLI and web mode use). `npm start` and the Electron E2E call ensureElectronSqlite():
 * when no build stamped with this Electron version and ABI exists under
 * node_modules/.par-electron-native/, @electron/rebuild compiles a copy of better-sqlite3 there
 * (it needs Electron's headers from the network and a C++ compiler). The main process then opens
 * the database with better-sqlite3's `nativeBinding` option (main/store/native-binding.ts), told
 * where by PAR_SQLITE_BINDING. Installers rebuild in place (electron-builder `npmRebuild`).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const NATIVE_FOLDER = path.join('node_modules', '.par-electron-native');
export const BINDING_ENV = 'PAR_SQLITE_BINDING';
const BINDING_FILE = 'better_sqlite3.node';
const STAMP_FILE = 'stamp.json';

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** What a build must match: Electron's version and ABI (node-abi's table), better-sqlite3's version, platform, arch. */
export function electronTarget(projectRoot, platform = process.platform, arch = process.arch) {
  const electronVersion = readJson(path.join(projectRoot, 'node_modules', 'electron', 'package.json'))?.version;
  const sqliteVersion = readJson(path.join(projectRoot, 'node_modules', 'better-sqlite3', 'package.json'))?.version;
  if (!electronVersion || !sqliteVersion) return null;
  const nodeAbi = createRequire(import.meta.url)('node-abi');
  let abi;
  try {
    abi = String(nodeAbi.getAbi(electronVersion, 'electron'));
  } catch {
    return null; // an Electron newer than node-abi's table
  }
  return { electronVersion, abi, sqliteVersion, platform, arch };
}

export function nativeBuildDir(projectRoot, target) {
  return path.join(projectRoot, NATIVE_FOLDER, `electron-${target.electronVersion}-abi${target.abi}-${target.platform}-${target.arch}`);
}

export function bindingPath(projectRoot, target) {
  return path.join(nativeBuildDir(projectRoot, target), BINDING_FILE);
}

/** 'matching' only when the stamp names exactly this target and the binary is there. */
export function stampStatus(projectRoot, target) {
  const dir = nativeBuildDir(projectRoot, target);
  const stamp = readJson(path.join(dir, STAMP_FILE));
  if (!stamp || !fs.existsSync(path.join(dir, BINDING_FILE))) return 'missing';
  const same = ['electronVersion', 'abi', 'sqliteVersion', 'platform', 'arch'].every((key) => stamp[key] === target[key]);
  return same ? 'matching' : 'stale';
}

function scratchDir(projectRoot, target) {
  return path.join(nativeBuildDir(projectRoot, target), 'build');
}

/**
 * The environment of the rebuild: without npm's `nodedir` (a ~/.npmrc `nodedir=/usr` reaches
 * node-gyp as npm_config_nodedir and would compile against Node's headers while "succeeding").
 */
function rebuildEnv(env) {
  return Object.fromEntries(Object.entries(env).filter(([key]) => key.toLowerCase() !== 'npm_config_nodedir'));
}

/** The exact command that compiles better-sqlite3 for `target` in its own scratch project. */
export function rebuildCommand(projectRoot, target, env = process.env, execPath = process.execPath) {
  const cli = path.join(projectRoot, 'node_modules', '@electron', 'rebuild', 'lib', 'cli.js');
  const cwd = scratchDir(projectRoot, target);
  const args = [cli, '--version', target.electronVersion, '--arch', target.arch, '--module-dir', cwd, '--only', 'better-sqlite3', '--force'];
  return { command: execPath, args, cwd, env: rebuildEnv(env) };
}

/** A scratch project holding a copy of better-sqlite3's sources (never its Node build). */
function prepareScratch(projectRoot, target) {
  const dir = scratchDir(projectRoot, target);
  fs.rmSync(dir, { recursive: true, force: true });
  const moduleDir = path.join(dir, 'node_modules', 'better-sqlite3');
  const source = path.join(projectRoot, 'node_modules', 'better-sqlite3');
  fs.cpSync(source, moduleDir, { recursive: true, dereference: true, filter: (file) => path.relative(source, file).split(path.sep)[0] !== 'build' });
  const manifest = { name: 'par-electron-native', version: '0.0.0', private: true, dependencies: { 'better-sqlite3': target.sqliteVersion } };
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest));
  return moduleDir;
}

export function buildFailedMessage(target) {
  return (
    `Không dựng được better-sqlite3 cho Electron ${target.electronVersion} (ABI ${target.abi}): cần mạng để tải headers của Electron và trình biên dịch C++ (build-essential, Xcode hoặc Visual Studio Build Tools); ` +
    'trong lúc chờ, hãy chạy `npm run web` để dùng ứng dụng trong trình duyệt. / ' +
    `Could not build better-sqlite3 for Electron ${target.electronVersion} (ABI ${target.abi}): it needs the network for Electron's headers and a C++ compiler; meanwhile run \`npm run web\`.`
  );
}

const UNKNOWN_TARGET_MESSAGE =
  'Không xác định được phiên bản Electron hoặc better-sqlite3 trong node_modules (hãy chạy `npm install`); trong lúc chờ, hãy chạy `npm run web`. / ' +
  'Could not tell the Electron or better-sqlite3 version in node_modules (run `npm install`); meanwhile run `npm run web`.';

/**
 * The path of a better-sqlite3 binary for this Electron, building it when missing or stale.
 * `spawnSync` is injected (tests). Returns { ok: true, bindingPath, built } or { ok: false, message }.
 */
export function ensureElectronSqlite({ projectRoot, spawnSync, env = process.env, platform = process.platform, arch = process.arch }) {
  const target = electronTarget(projectRoot, platform, arch);
  if (!target) return { ok: false, message: UNKNOWN_TARGET_MESSAGE };
  const binding = bindingPath(projectRoot, target);
  if (stampStatus(projectRoot, target) === 'matching') return { ok: true, bindingPath: binding, built: false };
  let moduleDir;
  try {
    moduleDir = prepareScratch(projectRoot, target);
  } catch {
    return { ok: false, message: buildFailedMessage(target) };
  }
  const cmd = rebuildCommand(projectRoot, target, env);
  const result = spawnSync(cmd.command, cmd.args, { cwd: cmd.cwd, env: cmd.env, stdio: 'inherit' });
  const built = path.join(moduleDir, 'build', 'Release', BINDING_FILE);
  const ok = result.status === 0 && fs.existsSync(built);
  if (ok) {
    fs.copyFileSync(built, binding);
    fs.writeFileSync(path.join(nativeBuildDir(projectRoot, target), STAMP_FILE), JSON.stringify(target, null, 2));
  }
  fs.rmSync(scratchDir(projectRoot, target), { recursive: true, force: true });
  return ok ? { ok: true, bindingPath: binding, built: true } : { ok: false, message: buildFailedMessage(target) };
}
