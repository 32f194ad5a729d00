#!/usr/bin/env node
/**
 * `npm start`: make sure better-sqlite3 has a build for this Electron's ABI (electron-native.mjs),
 * build with electron-vite and run the Electron app. Where the Electron runtime is not installed
 * (the offline build machines) or the native build cannot be made, say so in one sentence and
 * point to `npm run web`. Never requires the `electron` package: its index.js would try to
 * download the binary. runStart() takes spawn/spawnSync so a test sees the exact commands.
 */
import { spawn as nodeSpawn, spawnSync as nodeSpawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureElectronSqlite } from './electron-native.mjs';
import { electronLaunchEnv, findElectronRuntime, MISSING_RUNTIME_MESSAGE, PROJECT_ROOT } from './electron-runtime.mjs';

/** Runs the steps; returns { status } when it stopped early, or { child } once Electron runs. */
export function runStart({ projectRoot = PROJECT_ROOT, env = process.env, args = [], spawn = nodeSpawn, spawnSync = nodeSpawnSync, error = console.error } = {}) {
  const binary = findElectronRuntime(projectRoot, env);
  if (!binary) {
    error(MISSING_RUNTIME_MESSAGE);
    return { status: 1 };
  }
  const native = ensureElectronSqlite({ projectRoot, spawnSync, env });
  if (!native.ok) {
    error(native.message);
    return { status: 1 };
  }
  const cli = path.join(projectRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const build = spawnSync(process.execPath, [cli, 'build'], { cwd: projectRoot, stdio: 'inherit' });
  if (build.status !== 0) return { status: build.status ?? 1 };
  const child = spawn(binary, [projectRoot, ...args], { cwd: projectRoot, env: electronLaunchEnv(env, native.bindingPath), stdio: 'inherit' });
  return { child };
}

function main() {
  const started = runStart({ args: process.argv.slice(2) });
  if (!started.child) process.exit(started.status);
  const { child } = started;
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('error', (err) => {
    console.error(`Không chạy được Electron / Could not start Electron: ${err.message}`);
    process.exit(1);
  });
  child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
