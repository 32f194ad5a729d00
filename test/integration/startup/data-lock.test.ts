/** One writer per data folder, held by the operating system: of ten processes started at once
 *  exactly one wins; a killed holder's lock is gone at once; pids reused after a power cut do not
 *  matter; the par command is refused while the app runs; a start-up that fails lets go. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { acquireDataLock } from '../../../main/startup/data-lock';
import { createAppContext } from '../../../main/startup/app-context';
import { runCli } from '../../../main/cli';
import { databasePath } from '../../../main/store/open';

const PROJECT_ROOT = path.resolve(import.meta.dirname, '../../..');
const TAKER = path.join(PROJECT_ROOT, 'test/helpers/lock-taker.ts');

let dir: string;
const children: ChildProcessWithoutNullStreams[] = [];
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'par-lock-'));
});
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Taker {
  child: ChildProcessWithoutNullStreams;
  /** Resolves with the first line after "ready": "won" or "refused: …". */
  outcome: Promise<string>;
  ready: Promise<void>;
}

function startTaker(mode = 'web'): Taker {
  const child = spawn(process.execPath, ['--import', 'tsx', TAKER, dir, mode], { cwd: PROJECT_ROOT });
  children.push(child);
  let out = '';
  let onReady: () => void = () => {};
  let onOutcome: (line: string) => void = () => {};
  const ready = new Promise<void>((r) => (onReady = r));
  const outcome = new Promise<string>((r) => (onOutcome = r));
  child.stdout.on('data', (b: Buffer) => {
    out += b.toString('utf8');
    const lines = out.split('\n').filter(Boolean);
    if (lines[0] === 'ready') onReady();
    if (lines[1]) onOutcome(lines[1]);
  });
  return { child, ready, outcome };
}

async function holdLockInChild(mode = 'web'): Promise<Taker> {
  const t = startTaker(mode);
  await t.ready;
  t.child.stdin.write('go\n');
  expect(await t.outcome).toBe('won');
  return t;
}

it('of ten processes started at once on one folder, exactly one wins', async () => {
  const takers = Array.from({ length: 10 }, () => startTaker());
  await Promise.all(takers.map((t) => t.ready));
  for (const t of takers) t.child.stdin.write('go\n');
  const outcomes = await Promise.all(takers.map((t) => t.outcome));
  expect(outcomes.filter((o) => o === 'won')).toHaveLength(1);
  for (const o of outcomes.filter((o) => o !== 'won')) expect(o).toMatch(/^refused: Thư mục dữ liệu .* đang được (ứng dụng chạy trong trình duyệt \(npm run web\) \(tiến trình \d+|một cửa sổ ứng dụng hoặc một lệnh par khác)/);
}, 60_000);

it('refuses a second app on the same folder with a Vietnamese message, before touching the database', async () => {
  await holdLockInChild('electron');
  expect(() => createAppContext({ dataDir: dir, mode: 'web' })).toThrow(expect.objectContaining({ code: 'CONFLICT', message: expect.stringContaining('cửa sổ ứng dụng') }));
  expect(fs.existsSync(databasePath(dir))).toBe(false);
}, 30_000);

it('a holder killed with SIGKILL (or a power cut) leaves no lock behind', async () => {
  const t = await holdLockInChild();
  t.child.kill('SIGKILL');
  await new Promise((r) => t.child.once('exit', r));
  const release = acquireDataLock(dir);
  release();
}, 30_000);

it('a pid file of an earlier version naming a live process (a reused pid) does not block start-up', () => {
  fs.writeFileSync(path.join(dir, 'par.lock'), `${process.ppid}\n`);
  const ctx = createAppContext({ dataDir: dir, mode: 'web', installSamples: false });
  ctx.close();
});

it('the par command that writes is refused while the app runs; verify needs no lock', async () => {
  await holdLockInChild();
  let err = '';
  const io = { out: { write: () => true }, err: { write: (s: string) => ((err += s), true) }, env: { PAR_DATA_DIR: dir } };
  const code = await runCli(['import-package', '--data', dir, path.join(dir, 'goi.zip')], io as never);
  expect(code).toBe(1);
  expect(err).toContain('đang được ứng dụng chạy trong trình duyệt');
}, 30_000);

it('a start-up that fails after taking the lock releases it and closes the database', () => {
  fs.mkdirSync(databasePath(dir)); // par.sqlite is a folder: opening it fails
  expect(() => createAppContext({ dataDir: dir, mode: 'web', installSamples: false })).toThrow();
  const release = acquireDataLock(dir);
  release();
});
