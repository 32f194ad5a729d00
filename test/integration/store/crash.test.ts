/**
 * The crash test (SQLite's own habit): a child process writes answers through the real store
 * code and is SIGKILLed at a random moment, over and over. Every write it acknowledged must be
 * there and whole, at most the one write in flight may also have landed (whole), and the
 * database must pass integrity_check and foreign_key_check. SIGKILL tests our atomicity;
 * synchronous=FULL covers power loss.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { checkIntegrity, openDatabase } from '../../../main/store/open';
import { insertAgency } from '../../../main/store/queries/agencies';
import { insertCriteriaSet } from '../../../main/store/queries/criteria-sets';
import { getAssessment, insertAssessment } from '../../../main/store/queries/assessments';
import { listAnswers } from '../../../main/store/queries/answers';
import { crashLoop, killLiveWriters, PROJECT_ROOT, type KilledRun } from '../../helpers/crash-harness';
import { CRASH_ASSESSMENT_ID, CRASH_RANGE, crashAnswer, crashStamp } from '../../helpers/store-crash-rows';
import { seededRandom } from '../../helpers/seeded-random';
import { makeTempDir, NOW, sampleSetRow, type TempDir } from '../../helpers/store-temp';
import { agencyDraft } from '../../helpers/agency-fixture';

const RUNS = Number(process.env.CRASH_RUNS ?? 50);
let tmp: TempDir;
beforeEach(() => {
  tmp = makeTempDir('par-crash-');
});
afterEach(() => {
  killLiveWriters();
  tmp.cleanup();
});

function seedDatabase(file: string): void {
  const db = openDatabase(file);
  const agency = insertAgency(db, agencyDraft(), NOW);
  const set = sampleSetRow();
  insertCriteriaSet(db, set);
  const a = insertAssessment(db, { agencyId: agency.id, year: 2025, setHash: set.hash, now: NOW });
  expect(a.id).toBe(CRASH_ASSESSMENT_ID);
  db.close();
}

/** Writers start up ahead and wait for `go`; one runs at a time (crash-harness.ts). */
const AHEAD = Number(process.env.CRASH_AHEAD ?? 3);

/** Each writer writes the answers numbered from its own `start` (a range of CRASH_RANGE). */
interface RunResult {
  start: number;
  acked: number[];
}

const startOf = (index: number) => (index + 1) * CRASH_RANGE;

async function killLoop(file: string, random: () => number): Promise<RunResult[]> {
  const opts = {
    script: 'test/helpers/store-crash-writer.ts',
    runs: RUNS,
    ahead: AHEAD,
    argsFor: (i: number) => [file, String(startOf(i))],
    killAfterMs: (r: () => number) => 20 + Math.floor(r() * 281),
  };
  const runs: KilledRun[] = await crashLoop(opts, random);
  return runs.map((run) => ({ start: startOf(run.index), acked: run.acked.map(Number) }));
}

/** Checks one run's rows; returns whether the write in flight at the kill had landed. */
function checkRun(run: RunResult, present: Set<number>): boolean {
  const inRange = [...present].filter((n) => n >= run.start && n < run.start + CRASH_RANGE).sort((x, y) => x - y);
  const missing = run.acked.filter((n) => !present.has(n));
  expect(missing, `acked writes lost in run starting at ${run.start}`).toEqual([]);
  const inFlight = (run.acked.at(-1) ?? run.start - 1) + 1;
  const extra = inRange.filter((n) => !run.acked.includes(n));
  expect(extra.every((n) => n === inFlight), `unexpected rows ${extra.join(', ')} after ${run.start}`).toBe(true);
  return extra.length === 1;
}

function checkDatabase(db: Database.Database, results: RunResult[]): { rows: number; inFlightLanded: number } {
  expect(checkIntegrity(db)).toEqual({ ok: true, problems: [] });
  const rows = listAnswers(db, CRASH_ASSESSMENT_ID);
  for (const row of rows) expect(row, `row ${row.code} is not whole`).toEqual(crashAnswer(Number(row.code)));
  const present = new Set(rows.map((r) => Number(r.code)));
  const inFlightLanded = results.filter((r) => checkRun(r, present)).length;
  const newest = Math.max(...present);
  expect(getAssessment(db, CRASH_ASSESSMENT_ID)?.updatedAt, 'answer and touch must commit together').toBe(crashStamp(newest));
  return { rows: rows.length, inFlightLanded };
}

it(`keeps every acknowledged write whole across ${RUNS} SIGKILLs`, async () => {
  const began = Date.now();
  const seed = Number(process.env.CRASH_SEED ?? Date.now() % 2 ** 31);
  const file = tmp.file('par.sqlite');
  expect(fs.existsSync(path.join(PROJECT_ROOT, 'node_modules/tsx'))).toBe(true);
  seedDatabase(file);
  const results = await killLoop(file, seededRandom(seed));
  const acked = results.reduce((sum, r) => sum + r.acked.length, 0);
  const db = openDatabase(file);
  try {
    const { rows, inFlightLanded } = checkDatabase(db, results);
    const seconds = ((Date.now() - began) / 1000).toFixed(1);
    console.log(
      `crash test: ${results.length} runs killed, ${acked} acked writes all present, ` +
        `${inFlightLanded} in-flight writes landed whole, ${rows} rows, seed ${seed}, ${seconds} s`,
    );
    expect(acked).toBeGreaterThan(0);
  } finally {
    db.close();
  }
}, 180_000);
