/**
 * The history crash test: a child process saves answers and locks/unlocks through the real
 * services and is SIGKILLed at a random moment, at least 100 times (HISTORY_CRASH_RUNS to raise
 * it). Afterwards: every acknowledged change is there with its history row, at most the change in
 * flight landed (whole: change and row together), and replaying the history gives exactly the
 * stored answers and status — no change without its row, no row without its change.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { importCriteriaSet } from '../../../main/criteria/import-set';
import { checkIntegrity, openDatabase } from '../../../main/store/open';
import { insertAgency } from '../../../main/store/queries/agencies';
import { listAnswers } from '../../../main/store/queries/answers';
import { getAssessment, insertAssessment } from '../../../main/store/queries/assessments';
import { historyRowsInOrder } from '../../../main/store/queries/history';
import type { HistoryEntry } from '../../../shared/api/channels/history';
import { agencyDraft } from '../../helpers/agency-fixture';
import { crashLoop, killLiveWriters, PROJECT_ROOT } from '../../helpers/crash-harness';
import { HISTORY_CRASH_ASSESSMENT, HISTORY_CRASH_RANGE } from '../../helpers/history-crash-rows';
import { seededRandom } from '../../helpers/seeded-random';
import { makeTempDir, NOW, type TempDir } from '../../helpers/store-temp';

const RUNS = Math.max(100, Number(process.env.HISTORY_CRASH_RUNS ?? 100));
const AHEAD = Number(process.env.CRASH_AHEAD ?? 3);
let tmp: TempDir;
beforeEach(() => {
  tmp = makeTempDir('par-history-crash-');
});
afterEach(() => {
  killLiveWriters();
  tmp.cleanup();
});

function seedDatabase(file: string): void {
  const db = openDatabase(file);
  const agency = insertAgency(db, agencyDraft(), NOW);
  const text = fs.readFileSync(path.join(PROJECT_ROOT, 'seeds/sample-department-2026.json'), 'utf8');
  const set = importCriteriaSet(db, { text, fileName: 'sample.json', confirmNewVersion: false }, NOW).summary;
  expect(insertAssessment(db, { agencyId: agency.id, year: 2026, setHash: set.hash, now: NOW }).id).toBe(HISTORY_CRASH_ASSESSMENT);
  db.close();
}

/** The counter a history row was written for (explanation e<n>, reason r<n>, lock details op n). */
function opOf(e: HistoryEntry): number {
  if (e.kind === 'answer') return Number((JSON.parse(e.after!) as { explanation: string }).explanation.slice(1));
  if (e.action === 'draft') return Number(e.reason.slice(1));
  return (JSON.parse(e.after!) as { op: number }).op;
}

/** Replays the history: each row starts where the previous one of the same thing ended, and the end is the stored state. */
function checkReplay(db: Database.Database, rows: HistoryEntry[]): void {
  const answers = new Map<string, string | null>();
  let status = 'draft';
  for (const e of rows) {
    if (e.kind === 'answer') {
      const before = e.before === null ? null : (JSON.parse(e.before) as { explanation: string }).explanation;
      expect(before, `history row ${e.id} does not start where the last change of ${e.code} ended`).toBe(answers.get(e.code!) ?? null);
      answers.set(e.code!, (JSON.parse(e.after!) as { explanation: string }).explanation);
    } else {
      expect((JSON.parse(e.before!) as { status: string }).status, `status row ${e.id}`).toBe(status);
      status = e.action;
    }
  }
  const stored = new Map(listAnswers(db, HISTORY_CRASH_ASSESSMENT).map((a) => [a.code, a.explanation]));
  expect(stored).toEqual(answers);
  expect(getAssessment(db, HISTORY_CRASH_ASSESSMENT)!.status).toBe(status);
}

it(`keeps each change and its history row together across ${RUNS} SIGKILLs`, async () => {
  const began = Date.now();
  const seed = Number(process.env.CRASH_SEED ?? Date.now() % 2 ** 31);
  const file = tmp.file('par.sqlite');
  seedDatabase(file);
  const startOf = (i: number) => (i + 1) * HISTORY_CRASH_RANGE;
  const runs = await crashLoop(
    { script: 'test/helpers/history-crash-writer.ts', runs: RUNS, ahead: AHEAD, argsFor: (i) => [file, String(startOf(i))], killAfterMs: (r) => 10 + Math.floor(r() * 150), bundle: true },
    seededRandom(seed),
  );
  const db = openDatabase(file);
  try {
    expect(checkIntegrity(db)).toEqual({ ok: true, problems: [] });
    const rows = [...historyRowsInOrder(db, HISTORY_CRASH_ASSESSMENT, { kind: null, code: null, from: null, to: null })];
    checkReplay(db, rows);
    const recorded = new Set(rows.map(opOf));
    let inFlightLanded = 0;
    for (const run of runs) {
      const acked = run.acked.map(Number);
      expect(acked.filter((n) => !recorded.has(n)), `acked changes without history in run ${run.index}`).toEqual([]);
      const start = startOf(run.index);
      const extra = [...recorded].filter((n) => n >= start && n < start + HISTORY_CRASH_RANGE && !acked.includes(n));
      const inFlight = (acked.at(-1) ?? start - 1) + 1;
      expect(extra.every((n) => n === inFlight), `unexpected rows ${extra.join(', ')} in run ${run.index}`).toBe(true);
      inFlightLanded += extra.length;
    }
    const acked = runs.reduce((sum, r) => sum + r.acked.length, 0);
    console.log(`history crash test: ${runs.length} runs killed, ${acked} acked changes each with its row, ${rows.length} history rows replayed to the stored state, ${inFlightLanded} in-flight changes landed whole, seed ${seed}, ${((Date.now() - began) / 1000).toFixed(1)} s`);
    expect(acked).toBeGreaterThan(0);
  } finally {
    db.close();
  }
}, 600_000);
