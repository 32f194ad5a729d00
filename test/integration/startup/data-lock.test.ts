/** One app process per data folder: a second desktop or web process is refused with a clear
 *  message, and a lock left by a process that died is taken over. */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { acquireDataLock, LOCK_FILE_NAME } from '../../../main/startup/data-lock';
import { createAppContext } from '../../../main/startup/app-context';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'par-lock-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

it('refuses a second app process on the same data folder and names the holder', () => {
  const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
  try {
    fs.writeFileSync(path.join(dir, LOCK_FILE_NAME), `${sleeper.pid}\n`);
    expect(() => createAppContext({ dataDir: dir, mode: 'web' })).toThrow(expect.objectContaining({ code: 'CONFLICT', message: expect.stringContaining(String(sleeper.pid)) }));
    expect(fs.existsSync(path.join(dir, 'par.sqlite'))).toBe(false);
  } finally {
    sleeper.kill('SIGKILL');
  }
});

it('takes over a lock whose process is gone, and releases it on close', () => {
  const gone = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
  fs.writeFileSync(path.join(dir, LOCK_FILE_NAME), gone.stdout);
  const ctx = createAppContext({ dataDir: dir, mode: 'web' });
  expect(fs.readFileSync(path.join(dir, LOCK_FILE_NAME), 'utf8').trim()).toBe(String(process.pid));
  ctx.close();
  expect(fs.existsSync(path.join(dir, LOCK_FILE_NAME))).toBe(false);
  const release = acquireDataLock(dir);
  release();
});
