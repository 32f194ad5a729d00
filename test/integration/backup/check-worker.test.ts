/**
 * The check of a backup copy shared with a second thread: the worker and this thread take the
 * tables between them, and damage is found wherever it lies; a worker that cannot load SQLite is
 * never waited for, and the copy is then checked by this thread alone with the same findings.
 */
import fs from 'node:fs';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { checkCopy, copyDatabaseSnapshot } from '../../../main/evidence/backup-copy';
import { makeSingleFile } from '../../../main/evidence/backup';
import { checkWorkerState, startCheckWorker, stopCheckWorker } from '../../../main/evidence/check-worker';
import { makeEvidenceEnv, newItem, type EvidenceEnv } from '../../helpers/evidence-temp';

let env: EvidenceEnv;
beforeEach(() => {
  env = makeEvidenceEnv('par-check-worker-');
  env.db.transaction(() => {
    for (let i = 0; i < 3000; i++) newItem(env, { summary: `Kế hoạch số ${i} về cải cách hành chính` });
  })();
});
afterEach(async () => {
  await stopCheckWorker();
  env.cleanup();
});

async function until(state: ReturnType<typeof checkWorkerState>): Promise<void> {
  await vi.waitFor(() => expect(checkWorkerState()).toBe(state), { timeout: 10_000, interval: 10 });
}

async function copyOf(name: string): Promise<string> {
  const target = env.tmp.file(name);
  await copyDatabaseSnapshot(env.db, target);
  makeSingleFile(target);
  return target;
}

/** Overwrites pages [from, to) of the file with a pattern no page holds. */
function damagePages(file: string, from: number, to: number): void {
  const bytes = fs.readFileSync(file);
  bytes.fill(0x5a, from * 4096, to * 4096);
  fs.writeFileSync(file, bytes);
}

it('once the worker is ready, an automatic check is shared with it; a sound copy passes and damage early or late in the file is found', async () => {
  startCheckWorker();
  await until('ready');
  const sound = await copyOf('sound.sqlite');
  expect(await checkCopy(sound, 'quick')).toEqual({ problems: [], threads: 2 });
  const pages = fs.statSync(sound).size / 4096;
  for (const [from, to] of [[Math.floor(pages * 0.4), Math.floor(pages * 0.4) + 4], [pages - 6, pages - 2]] as const) {
    const damaged = await copyOf(`damaged-${from}.sqlite`);
    damagePages(damaged, from, to);
    const checked = await checkCopy(damaged, 'quick');
    expect(checked.threads).toBe(2);
    expect(checked.problems.length).toBeGreaterThan(0);
  }
});

it("the officer's own (full) check of a small copy stays in one go, with the accounting of unused pages, even with the worker ready", async () => {
  startCheckWorker();
  await until('ready');
  const copy = await copyOf('full.sqlite');
  expect(await checkCopy(copy, 'full')).toEqual({ problems: [], threads: 1 });
  // A large copy (here: any size above 0 bytes counts as large) is shared for the full check too.
  expect(await checkCopy(copy, 'full', 0)).toEqual({ problems: [], threads: 2 });
});

it('a worker that cannot load SQLite is never waited for: this thread checks alone and finds the same damage', async () => {
  const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  startCheckWorker('/nowhere/better-sqlite3/index.js');
  await until('unavailable');
  startCheckWorker(); // not tried again in this process
  expect(checkWorkerState()).toBe('unavailable');
  const damaged = await copyOf('damaged.sqlite');
  damagePages(damaged, 8, 12);
  const checked = await checkCopy(damaged, 'quick');
  expect(checked.threads).toBe(1);
  expect(checked.problems.length).toBeGreaterThan(0);
  expect(await checkCopy(await copyOf('sound.sqlite'), 'quick')).toEqual({ problems: [], threads: 1 });
  expect(String(logged.mock.calls[0]?.[0])).toContain('check worker');
  logged.mockRestore();
});

it('leaving WAL mode rewrites only the two format bytes of a database, and leaves a file that is not one as it is', async () => {
  const copy = env.tmp.file('wal.sqlite');
  await copyDatabaseSnapshot(env.db, copy);
  const before = fs.readFileSync(copy);
  expect([before[18], before[19]]).toEqual([2, 2]);
  makeSingleFile(copy);
  const after = fs.readFileSync(copy);
  expect([after[18], after[19]]).toEqual([1, 1]);
  expect(Buffer.compare(after.subarray(20), before.subarray(20))).toBe(0);
  const notADatabase = env.tmp.file('notes.txt');
  fs.writeFileSync(notADatabase, 'Biên bản họp ngày 10/01/2026 về cải cách hành chính');
  makeSingleFile(notADatabase);
  expect(fs.readFileSync(notADatabase, 'utf8')).toBe('Biên bản họp ngày 10/01/2026 về cải cách hành chính');
});
