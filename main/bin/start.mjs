#!/usr/bin/env node
/**
 * `npm start`: build with electron-vite and run the Electron app. Where the Electron runtime is
 * not installed (the offline build machines), say so in one sentence and point to `npm run web`.
 * Never requires the `electron` package: its index.js would try to download the binary.
 */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { findElectronRuntime, MISSING_RUNTIME_MESSAGE, PROJECT_ROOT } from './electron-runtime.mjs';

function buildApp() {
  const cli = path.join(PROJECT_ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const result = spawnSync(process.execPath, [cli, 'build'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  return result.status ?? 1;
}

/** A stray ELECTRON_RUN_AS_NODE (set by some editors' terminals) would run Electron as plain Node. */
function electronEnv() {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  return env;
}

function runElectron(binary) {
  const args = [PROJECT_ROOT, ...process.argv.slice(2)];
  const child = spawn(binary, args, { cwd: PROJECT_ROOT, env: electronEnv(), stdio: 'inherit' });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('error', (err) => {
    console.error(`Không chạy được Electron / Could not start Electron: ${err.message}`);
    process.exit(1);
  });
  child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function main() {
  const binary = findElectronRuntime();
  if (!binary) {
    console.error(MISSING_RUNTIME_MESSAGE);
    process.exit(1);
  }
  const buildStatus = buildApp();
  if (buildStatus !== 0) process.exit(buildStatus);
  runElectron(binary);
}

main();
