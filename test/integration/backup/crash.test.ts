/**
 * The safety-net crash test (issue 8): a child process runs the app on one data folder, saving
 * answers, importing and deleting evidence, taking automatic backups (with rotation and garbage
 * collection) and restoring kept backups, and is SIGKILLed at random moments, CRASH_RUNS times
 * (200 by default); each new run starts the app again through start-up recovery. Afterwards:
 * - par.sqlite passes integrity_check and was never moved aside (no crash may look like damage);
 * - every write acknowledged after the last restore began is present (an answer's counter is at
 *   least the acknowledged one; an imported file has its row);
 * - every file row of par.sqlite AND of every kept backup has its blob, whole;
 * - no partial file sits under a final name: every blob hashes to its name, every kept backup is
 *   a sound database.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { blobPath, blobsDir } from '../../../main/evidence/blob-store';
import { backupsDir, recoveryDir } from '../../../main/evidence/kept-databases';
import { createAppContext } from '../../../main/startup/app-context';
import { checkIntegrity, databasePath, openDatabase } from '../../../main/store/open';
import { answeredAssessment, sampleHash } from '../../bench/store-bench';
import { agencyDraft } from '../../helpers/agency-fixture';
import { crashLoop, killLiveWriters, type KilledRun } from '../../helpers/crash-harness';
import { filesUnder, PDF_HEADER } from '../../helpers/evidence-temp';
import { seededRandom } from '../../helpers/seeded-random';
import { makeTempDir, type TempDir } from '../../helpers/store-temp';
import { call } from '../../bench/store-bench';

const RUNS = Number(process.env.CRASH_RUNS_BACKUP ?? 200);
const AHEAD = Number(process.env.CRASH_AHEAD ?? 2);
/** The last runs never restore: a restore near the end would leave no acknowledged write to check. */
const CALM_RUNS = Math.max(5, Math.ceil(RUNS / 10));

let tmp: TempDir;
beforeEach(() => {
  tmp = makeTempDir('par-backup-crash-');
});
afterEach(() => {
  killLiveWriters();
  tmp.cleanup();
});

const sha256File = (file: string): string => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function makePool(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  for (let i = 0; i < 6; i++) fs.writeFileSync(path.join(dir, `tep-${i}.pdf`), Buffer.concat([PDF_HEADER, crypto.randomBytes(8 * 1024 * (1 + i * 8))]));
}

async function seedFolder(dataDir: string): Promise<number> {
  const ctx = createAppContext({ dataDir, mode: 'test' });
  try {
    const agency = await call<{ id: number }>(ctx, 'agencies:create', agencyDraft());
    return await answeredAssessment(ctx, agency.id, 2026, sampleHash(ctx, 'department'), 1);
  } finally {
    ctx.close();
  }
}

/** Acks after the last restore began: those must all be present. */
function acksToCheck(results: KilledRun[]): { answers: Map<string, number>; files: string[]; restores: number; restoresCut: number; backups: number } {
  const all = results.flatMap((r) => r.acked);
  const from = all.lastIndexOf('restore-start') + 1;
  const answers = new Map<string, number>();
  const files: string[] = [];
  for (const line of all.slice(from)) {
    const [kind, a, b] = line.split(' ');
    if (kind === 'ans') answers.set(a!, Math.max(answers.get(a!) ?? 0, Number(b)));
    if (kind === 'file') files.push(a!);
  }
  const restores = all.filter((l) => l.startsWith('restore-done')).length;
  const restoresCut = all.filter((l) => l === 'restore-start').length - restores;
  return { answers, files, restores, restoresCut, backups: all.filter((l) => l.startsWith('backup ')).length };
}

/** Every file row of the database in `file` has its whole blob; returns the number of rows. */
function checkFileRows(file: string, dataDir: string): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const hashes = db.prepare('SELECT DISTINCT blob_hash FROM evidence_files').pluck().all() as string[];
    for (const hash of hashes) {
      const blob = blobPath(dataDir, hash);
      expect(fs.existsSync(blob), `${path.basename(file)} names blob ${hash}, which is gone`).toBe(true);
      expect(sha256File(blob), `blob ${hash} is not whole`).toBe(hash);
    }
    return hashes.length;
  } finally {
    db.close();
  }
}

function keptDatabases(dataDir: string): string[] {
  return [backupsDir(dataDir), recoveryDir(dataDir)]
    .filter((dir) => fs.existsSync(dir))
    .flatMap((dir) => fs.readdirSync(dir).filter((n) => n.endsWith('.sqlite') && !n.startsWith('.')).map((n) => path.join(dir, n)));
}

it(`loses no acknowledged write and no blob a kept database needs across ${RUNS} SIGKILLs of saves, imports, backups, collection and restores`, async () => {
  const began = Date.now();
  const seed = Number(process.env.CRASH_SEED ?? Date.now() % 2 ** 20);
  const random = seededRandom(seed);
  const dataDir = tmp.file('data');
  const poolDir = tmp.file('pool');
  makePool(poolDir);
  const assessmentId = await seedFolder(dataDir);
  const results = await crashLoop(
    {
      script: 'test/helpers/backup-crash-writer.ts',
      runs: RUNS,
      ahead: AHEAD,
      argsFor: (i) => [dataDir, poolDir, String(seed + i), String(assessmentId), ...(i >= RUNS - CALM_RUNS ? ['no-restore'] : [])],
      killAfterMs: (r) => Math.floor(r() * 600),
      fromStarted: true,
    },
    random,
  );
  const acks = acksToCheck(results);
  expect(fs.existsSync(recoveryDir(dataDir)) ? fs.readdirSync(recoveryDir(dataDir)).filter((n) => !n.startsWith('stale-')) : [], 'a crash was taken for a damaged database').toEqual([]);
  const db = openDatabase(databasePath(dataDir));
  try {
    expect(checkIntegrity(db)).toEqual({ ok: true, problems: [] });
    const explanation = db.prepare('SELECT explanation FROM answers WHERE assessment_id = ? AND code = ?').pluck();
    for (const [code, n] of acks.answers) {
      const stored = Number(/lần (\d+)$/.exec((explanation.get(assessmentId, code) as string | undefined) ?? '')?.[1] ?? 0);
      expect(stored, `answer ${code}: acknowledged save ${n} is lost`).toBeGreaterThanOrEqual(n);
    }
    const hasRow = db.prepare('SELECT 1 FROM evidence_files WHERE blob_hash = ?');
    expect(acks.files.filter((h) => hasRow.get(h) === undefined), 'acknowledged imports without their row').toEqual([]);
  } finally {
    db.close();
  }
  let keptRows = 0;
  const kept = keptDatabases(dataDir);
  for (const file of kept) {
    const copy = new Database(file, { readonly: true, fileMustExist: true });
    expect(copy.pragma('integrity_check', { simple: true }), `${path.basename(file)} is not a sound database`).toBe('ok');
    copy.close();
    keptRows += checkFileRows(file, dataDir);
  }
  const liveRows = checkFileRows(databasePath(dataDir), dataDir);
  const blobFiles = filesUnder(blobsDir(dataDir));
  for (const rel of blobFiles) expect(sha256File(path.join(blobsDir(dataDir), rel)), `partial blob ${rel}`).toBe(path.basename(rel));
  console.log(
    `backup crash test: ${results.length} runs killed; checked after the last restore: ${acks.answers.size} answers, ${acks.files.length} imports; ` +
      `${acks.backups} backups and ${acks.restores} restores acknowledged, ${acks.restoresCut} restores cut by the kill; ` +
      `${kept.length} kept databases (${keptRows} blob references) + live (${liveRows}) all whole; ${blobFiles.length} blob files; seed ${seed}; ${((Date.now() - began) / 1000).toFixed(1)} s`,
  );
  expect(acks.backups).toBeGreaterThan(0);
  expect(acks.answers.size + acks.files.length).toBeGreaterThan(0);
}, 1_500_000);
