/**
 * The crash test (SQLite's own habit): a child process writes answers through the real store
 * code and is SIGKILLed at a random moment, over and over. Every write it acknowledged must be
 * there and whole, at most the one write in flight may also have landed (whole), and the
 * database must pass integrity_check and foreign_key_check. SIGKILL tests our atomicity;
 * synchronous=FULL covers power loss.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { checkIntegrity, openDatabase } from '../../../main/store/open';
import { insertAgency } from '../../../main/store/queries/agencies';
import { insertCriteriaSet } from '../../../main/store/queries/criteria-sets';
import { getAssessment, insertAssessment } from '../../../main/store/queries/assessments';
import { listAnswers } from '../../../main/store/queries/answers';
import { CRASH_ASSESSMENT_ID, CRASH_RANGE, crashAnswer, crashStamp } from '../../helpers/store-crash-rows';
import { seededRandom } from '../../helpers/seeded-random';
import { makeTempDir, NOW, sampleAgency, sampleSetRow, type TempDir } from '../../helpers/store-temp';

const RUNS = Number(process.env.CRASH_RUNS ?? 50);
const ROOT = path.resolve(import.meta.dirname, '../../..');
const WRITER = path.join(ROOT, 'test/helpers/store-crash-writer.ts');

interface RunResult {
  start: number;
  acked: number[];
  signal: NodeJS.Signals | null;
  stderr: string;
}

interface Writer {
  child: ChildProcessWithoutNullStreams;
  ready: Promise<void>;
  done: Promise<RunResult>;
}

let tmp: TempDir;
const live = new Set<ChildProcessWithoutNullStreams>();
beforeEach(() => {
  tmp = makeTempDir('par-crash-');
});
afterEach(() => {
  for (const child of live) child.kill('SIGKILL');
  tmp.cleanup();
});

function seedDatabase(file: string): void {
  const db = openDatabase(file);
  const agency = insertAgency(db, sampleAgency(), NOW);
  const set = sampleSetRow();
  insertCriteriaSet(db, set);
  const a = insertAssessment(db, { agencyId: agency.id, year: 2025, setHash: set.hash, now: NOW });
  expect(a.id).toBe(CRASH_ASSESSMENT_ID);
  db.close();
}

function startWriter(file: string, start: number): Writer {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, file, String(start)], { cwd: ROOT });
  live.add(child);
  child.stdin.on('error', () => {}); // a writer that died early: its result reports why
  const acked: number[] = [];
  let out = '';
  let stderr = '';
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    const lines = out.split('\n');
    out = lines.pop() ?? ''; // a line cut by the kill is not an ack
    for (const line of lines) {
      if (line === 'ready') markReady();
      else if (line.startsWith('ack ')) acked.push(Number(line.slice(4)));
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const done = new Promise<RunResult>((resolve) => {
    child.on('close', (_code, signal) => {
      live.delete(child);
      markReady();
      resolve({ start, acked, signal, stderr });
    });
  });
  return { child, ready, done };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Writers start up ahead (tsx + zod + better-sqlite3 take ~0.6 s of CPU each) and wait for `go`;
 *  they run one at a time, so only one process ever writes. */
const AHEAD = Number(process.env.CRASH_AHEAD ?? 3);

async function crashLoop(file: string, random: () => number): Promise<RunResult[]> {
  const results: RunResult[] = [];
  const queue: Writer[] = [];
  let spawned = 0;
  const refill = () => {
    while (spawned < RUNS && queue.length < AHEAD) queue.push(startWriter(file, ++spawned * CRASH_RANGE));
  };
  for (let run = 0; run < RUNS; run++) {
    refill();
    const current = queue.shift();
    if (!current) throw new Error('no writer left');
    await current.ready;
    refill();
    current.child.stdin.write('go\n');
    await sleep(20 + Math.floor(random() * 281));
    current.child.kill('SIGKILL');
    const result = await current.done;
    expect(result.signal, `writer ${run} ended by itself:\n${result.stderr}`).toBe('SIGKILL');
    results.push(result);
  }
  return results;
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
  expect(fs.existsSync(path.join(ROOT, 'node_modules/tsx'))).toBe(true);
  seedDatabase(file);
  const results = await crashLoop(file, seededRandom(seed));
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
