/**
 * The evidence crash test: a child process imports files of random sizes through the REAL
 * importEvidenceFile (with scratch items deleted and backup points with garbage collection in
 * between) and is SIGKILLed at random moments, over and over. Afterwards every acknowledged import
 * has its row and a whole blob, no row points to a missing or partial blob, no file under blobs/
 * is partial (its SHA-256 equals its name; partial files may only be in tmp/), and the database
 * passes integrity_check and foreign_key_check.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { blobPath, blobsDir, tempDir } from '../../../main/evidence/blob-store';
import { checkIntegrity, databasePath, openDatabase } from '../../../main/store/open';
import { insertAgency } from '../../../main/store/queries/agencies';
import { crashLoop, killLiveWriters, PROJECT_ROOT, type KilledRun } from '../../helpers/crash-harness';
import { CRASH_AGENCY_ID } from '../../helpers/evidence-crash-writer-ids';
import { filesUnder, PDF_HEADER } from '../../helpers/evidence-temp';
import { seededRandom } from '../../helpers/seeded-random';
import { makeTempDir, NOW, type TempDir } from '../../helpers/store-temp';
import { agencyDraft } from '../../helpers/agency-fixture';

const RUNS = Number(process.env.CRASH_RUNS ?? 50);
const POOL_FILES = 16;
const MIN_SIZE = 16 * 1024;
const MAX_SIZE = 8 * 1024 * 1024;
/** Writers start up ahead and wait for `go`; one runs at a time (crash-harness.ts). */
const AHEAD = Number(process.env.CRASH_AHEAD ?? 2);

let tmp: TempDir;
beforeEach(() => {
  tmp = makeTempDir('par-evidence-crash-');
});
afterEach(() => {
  killLiveWriters();
  tmp.cleanup();
});

const sha256File = (file: string): string => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Sizes spread evenly on a log scale between 16 KiB and 8 MiB; PDF header, random content. */
function makePool(dir: string, random: () => number): void {
  fs.mkdirSync(dir, { recursive: true });
  for (let i = 0; i < POOL_FILES; i++) {
    const size = Math.round(MIN_SIZE * (MAX_SIZE / MIN_SIZE) ** random());
    fs.writeFileSync(path.join(dir, `tep-${String(i).padStart(2, '0')}.pdf`), Buffer.concat([PDF_HEADER, crypto.randomBytes(size - PDF_HEADER.length)]));
  }
}

function seedDatabase(dataDir: string): void {
  const db = openDatabase(databasePath(dataDir));
  expect(insertAgency(db, agencyDraft(), NOW).id).toBe(CRASH_AGENCY_ID);
  db.close();
}

function killLoop(dataDir: string, poolDir: string, random: () => number): Promise<KilledRun[]> {
  const opts = {
    script: 'test/helpers/evidence-crash-writer.ts',
    runs: RUNS,
    ahead: AHEAD,
    argsFor: (i: number) => [dataDir, poolDir, String(1000 + i)],
    killAfterMs: (r: () => number) => 40 + Math.floor(r() * 460),
  };
  return crashLoop(opts, random);
}

/** Every blob row (referenced or not) has its whole file; returns the number of rows. */
function checkBlobRows(db: Database.Database, dataDir: string): number {
  const rows = db.prepare('SELECT hash, size FROM blobs').all() as { hash: string; size: number }[];
  for (const { hash, size } of rows) {
    const file = blobPath(dataDir, hash);
    expect(fs.existsSync(file), `blob row ${hash} has no file`).toBe(true);
    expect(fs.statSync(file).size, `blob ${hash} has the wrong size`).toBe(size);
    expect(sha256File(file), `blob ${hash} is not whole`).toBe(hash);
  }
  const dangling = db.prepare('SELECT COUNT(*) FROM evidence_files f LEFT JOIN blobs b ON b.hash = f.blob_hash WHERE b.hash IS NULL').pluck().get();
  expect(dangling, 'file rows without a blob row').toBe(0);
  return rows.length;
}

/** No partial file under a final name: every file under blobs/ hashes to its own name. */
function checkBlobFiles(dataDir: string): number {
  const files = filesUnder(blobsDir(dataDir));
  for (const rel of files) expect(sha256File(path.join(blobsDir(dataDir), rel)), `partial blob ${rel}`).toBe(path.basename(rel));
  return files.length;
}

it(`keeps every acknowledged import whole across ${RUNS} SIGKILLs`, async () => {
  const began = Date.now();
  const seed = Number(process.env.CRASH_SEED ?? Date.now() % 2 ** 31);
  const random = seededRandom(seed);
  const dataDir = tmp.file('data');
  const poolDir = tmp.file('pool');
  expect(fs.existsSync(path.join(PROJECT_ROOT, 'node_modules/tsx'))).toBe(true);
  makePool(poolDir, random);
  seedDatabase(dataDir);
  const results = await killLoop(dataDir, poolDir, random);
  const acked = results.flatMap((r) => r.acked);
  const db = openDatabase(databasePath(dataDir));
  try {
    expect(checkIntegrity(db)).toEqual({ ok: true, problems: [] });
    const hasRow = db.prepare('SELECT 1 FROM evidence_files WHERE blob_hash = ?');
    const lost = acked.filter((hash) => hasRow.get(hash) === undefined);
    expect(lost, 'acknowledged imports without their row').toEqual([]);
    const blobRows = checkBlobRows(db, dataDir);
    const blobFiles = checkBlobFiles(dataDir);
    const fileRows = db.prepare('SELECT COUNT(*) FROM evidence_files').pluck().get();
    const partials = filesUnder(tempDir(dataDir)).length;
    // Every file a crash left without a row is one this database noted in its journal: the only kind the sweep may remove.
    const noted = new Set(db.prepare('SELECT hash FROM blob_journal').pluck().all() as string[]);
    const rowless = filesUnder(blobsDir(dataDir)).map((rel) => path.basename(rel)).filter((h) => !db.prepare('SELECT 1 FROM blobs WHERE hash = ?').get(h));
    expect(rowless.filter((h) => !noted.has(h)), 'blob files without a row that the journal does not hold').toEqual([]);
    const seconds = ((Date.now() - began) / 1000).toFixed(1);
    console.log(
      `evidence crash test: ${results.length} runs killed, ${acked.length} acked imports all present and whole, ` +
        `${fileRows} file rows, ${blobRows} blob rows, ${blobFiles} blob files (${blobFiles - blobRows} orphans), ` +
        `${partials} partial temp files, seed ${seed}, ${seconds} s`,
    );
    expect(acked.length).toBeGreaterThan(0);
  } finally {
    db.close();
  }
}, 180_000);
