/**
 * A backup is one moment of the database even when saves and checkpoints happen while its file is
 * being copied: the copy is made of the file alone while a read transaction pins it, so a
 * checkpoint in the middle of the copy must not write into it. The copier here stops halfway,
 * saves, forces a checkpoint, then copies the rest: without the pin the copy would be torn.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { checkCopy, copyDatabaseSnapshot } from '../../../main/evidence/backup-copy';
import { createBackup } from '../../../main/evidence/backup';
import { makeEvidenceEnv, newItem, type EvidenceEnv } from '../../helpers/evidence-temp';

let env: EvidenceEnv;
beforeEach(() => {
  env = makeEvidenceEnv('par-backup-snapshot-');
  env.db.transaction(() => {
    for (let i = 0; i < 3000; i++) newItem(env, { summary: `Kế hoạch số ${i} trước khi sao lưu` });
  })();
});
afterEach(() => env.cleanup());

const itemCount = (file: string): number => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM evidence_items').pluck().get() as number;
  } finally {
    db.close();
  }
};

/** Copies half, lets the app save 500 rows and checkpoint them into the database file, copies the rest. */
function copierThatSavesHalfway(): (from: string, to: string) => Promise<void> {
  return async (from, to) => {
    const bytes = fs.readFileSync(from);
    const half = Math.floor(bytes.length / 2 / 4096) * 4096;
    fs.writeFileSync(to, bytes.subarray(0, half));
    env.db.transaction(() => {
      for (let i = 0; i < 500; i++) newItem(env, { summary: `Lưu trong lúc sao lưu ${i} ${'x'.repeat(200)}` });
    })();
    const [checkpoint] = env.db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
    expect(checkpoint!.log).toBeGreaterThan(0);
    await new Promise((resolve) => setImmediate(resolve));
    fs.appendFileSync(to, fs.readFileSync(from).subarray(half));
  };
}

it('a copy taken while 500 rows are saved and checkpointed holds exactly the rows of its moment, and is sound', async () => {
  const target = env.tmp.file('copy.sqlite');
  const how = await copyDatabaseSnapshot(env.db, target, copierThatSavesHalfway());
  expect(how).toBe('file-copy');
  expect(itemCount(env.db.name)).toBe(3500);
  const checked = await checkCopy(target, 'full');
  expect(checked.problems).toEqual([]);
  expect(itemCount(target)).toBe(3000);
});

it('the saves that waited in the WAL reach the database file after the copy', async () => {
  await copyDatabaseSnapshot(env.db, env.tmp.file('copy.sqlite'), copierThatSavesHalfway());
  const [checkpoint] = env.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
  expect(checkpoint).toEqual({ busy: 0, log: 0, checkpointed: 0 });
  expect(itemCount(env.db.name)).toBe(3500);
});

it('a database not in WAL mode is copied with the online backup API, as one moment too', async () => {
  env.db.pragma('journal_mode = DELETE');
  const target = env.tmp.file('copy.sqlite');
  expect(await copyDatabaseSnapshot(env.db, target)).toBe('backup-api');
  expect(itemCount(target)).toBe(3000);
  expect((await checkCopy(target, 'quick')).problems).toEqual([]);
});

it.each([
  ['in one go (a small copy)', undefined],
  ['table by table (a large copy)', 0],
])('a damaged copy is found by both depths of check, %s', async (_how, wholeMaxBytes) => {
  const target = env.tmp.file('copy.sqlite');
  await copyDatabaseSnapshot(env.db, target);
  const bytes = fs.readFileSync(target);
  bytes.fill(0x5a, 8 * 4096, 12 * 4096);
  fs.writeFileSync(target, bytes);
  expect((await checkCopy(target, 'quick', wholeMaxBytes)).problems.length).toBeGreaterThan(0);
  expect((await checkCopy(target, 'full', wholeMaxBytes)).problems.length).toBeGreaterThan(0);
});

it.each([undefined, 0])('a sound copy passes the check whichever way it is checked (whole-file limit %s)', async (wholeMaxBytes) => {
  const target = env.tmp.file('copy.sqlite');
  await copyDatabaseSnapshot(env.db, target);
  const checked = await checkCopy(target, 'full', wholeMaxBytes);
  expect(checked.problems).toEqual([]);
});

it('an automatic backup is a single-file database with every row', async () => {
  const backup = await createBackup(env.db, env.dataDir, '2026-12-04T08:00:00.000Z', { reason: 'auto' });
  const file = `${env.dataDir}/backups/${backup.fileName}`;
  expect(itemCount(file)).toBe(3000);
  expect(fs.existsSync(`${file}-wal`)).toBe(false);
  const db = new Database(file, { readonly: true });
  expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
  db.close();
});
