/**
 * A power cut in the middle of a write is not damage (found by the backup crash test in CI: one
 * start-up in 200 refused to open with "chỉ cho phép đọc"). A database killed mid-transaction with
 * a rollback journal left a hot journal, which the read-only start-up check cannot roll back; the
 * app must let SQLite finish its own recovery and start on the last committed state. And a restore
 * must put a WAL-mode file in place, so the first open after it writes nothing (switching a file to
 * WAL is a write that a kill could interrupt).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import path from 'node:path';
import { prepareCopy } from '../../../main/backup/restore';
import { backupsDir, recoveryDir } from '../../../main/evidence/kept-databases';
import { createAppContext } from '../../../main/startup/app-context';
import { databasePath } from '../../../main/store/open';
import { manualLeafAssessment } from '../../helpers/manual-leaf-assessment';
import { createHarness, type Harness } from '../../helpers/app-harness';

let h: Harness;
let assessmentId: number;
let leaf: string;

beforeEach(async () => {
  h = createHarness();
  ({ assessmentId, leaf } = await manualLeafAssessment(h));
  await h.call('answers:save', { assessmentId, code: leaf, answer: { input: { kind: 'manual', points: 0.5 }, notApplicable: false, explanation: 'Đã lưu trước khi mất điện' } });
});
afterEach(() => h.dispose());

/** A child process opens `file` with a rollback journal, rewrites every answer in one transaction
 *  large enough to spill to disk, says `inside`, and is killed there (as by a power cut). */
async function killMidTransaction(file: string): Promise<void> {
  const script = `
    const Database = require(${JSON.stringify(createRequire(import.meta.url).resolve('better-sqlite3'))});
    const db = new Database(${JSON.stringify(file)});
    db.pragma('cache_size = 1');
    db.exec('BEGIN IMMEDIATE');
    db.exec("UPDATE answers SET explanation = 'nửa chừng'");
    db.exec('CREATE TABLE filler(x)');
    db.exec('INSERT INTO filler SELECT randomblob(4000) FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300) SELECT i FROM n)');
    process.stdout.write('inside\\n');
    setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('inside') && resolve());
    child.on('exit', (code) => reject(new Error(`the writer ended by itself (${code})`)));
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

it('starts on the last committed state after a kill left a hot rollback journal, moving nothing aside', async () => {
  h.ctx.close();
  const file = databasePath(h.dataDir);
  const db = new Database(file);
  db.pragma('journal_mode = DELETE');
  db.close();
  await killMidTransaction(file);
  expect(fs.statSync(`${file}-journal`).size, 'the kill left a hot journal').toBeGreaterThan(0);

  const ctx = createAppContext({ dataDir: h.dataDir, mode: 'web', installSamples: false });
  try {
    const explanation = ctx.db.prepare('SELECT explanation FROM answers WHERE assessment_id = ? AND code = ?').pluck().get(assessmentId, leaf);
    expect(explanation).toBe('Đã lưu trước khi mất điện');
    expect(ctx.db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'filler'").pluck().get()).toBe(0);
  } finally {
    ctx.close();
  }
  expect(fs.existsSync(recoveryDir(h.dataDir)), 'an interrupted write was taken for damage').toBe(false);
});

it('a restore prepares a WAL-mode single file, so opening it as par.sqlite writes nothing', async () => {
  const older = await h.call('backups:create', {});
  const prepared = await prepareCopy(h.dataDir, path.join(backupsDir(h.dataDir), older.fileName));
  const header = Buffer.alloc(20);
  const fd = fs.openSync(prepared, 'r');
  fs.readSync(fd, header, 0, 20, 0);
  fs.closeSync(fd);
  // Bytes 18 and 19 of the header: 2 = WAL, 1 = rollback journal.
  expect([header[18], header[19]]).toEqual([2, 2]);
  expect(fs.readdirSync(h.dataDir).filter((n) => n.startsWith(path.basename(prepared)))).toEqual([path.basename(prepared)]);
  fs.rmSync(prepared);
});
