/**
 * Issue 2 figures: answer save + recompute through dispatch (p50/p95) for the full department
 * sample set, beside a bare one-row SQLite commit on the same file; and the cold open of a
 * database with 10 agencies × 5 years of answered assessments, beside a bare open + count.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { AgencyDraft } from '../../shared/api/entities';
import { leavesOf } from '../../shared/domain/criteria-tree';
import { dispatch } from '../../main/api/dispatch';
import { createHandlerRegistry } from '../../main/api/registry';
import { createAppContext, type AppContext } from '../../main/startup/app-context';
import { loadCriteriaSet } from '../../main/criteria/set-cache';
import { listCriteriaSets } from '../../main/store/queries/criteria-sets';
import { answerFor, fullAnswers } from '../helpers/answer-generator';
import { repoRoot } from '../helpers/web-server-process';
import { percentile, type BenchFigure } from './bench-results';
import { agencyDraft } from '../helpers/agency-fixture';

const registry = createHandlerRegistry();

/** Agency number i: the test agency under another name. */
export function numberedAgency(i: number, level: 'department' | 'commune'): AgencyDraft {
  const name = level === 'department' ? `SỞ SỐ ${i}` : `ỦY BAN NHÂN DÂN PHƯỜNG SỐ ${i}`;
  return agencyDraft({ name, abbreviation: `S${i}`, level, signerName: `Nguyễn Văn ${i}`, officerContact: '0236 000 000' });
}

export async function call<T>(ctx: AppContext, channel: string, input: unknown): Promise<T> {
  const result = await dispatch(registry, ctx, channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

export async function answeredAssessment(ctx: AppContext, agencyId: number, year: number, setHash: string, seed: number): Promise<number> {
  const a = await call<{ id: number }>(ctx, 'assessments:create', { agencyId, year, setHash, confirmYearMismatch: true });
  const set = loadCriteriaSet(ctx.db, setHash);
  for (const [code, answer] of fullAnswers(set, seed)) await call(ctx, 'answers:save', { assessmentId: a.id, code, answer });
  return a.id;
}

export function sampleHash(ctx: AppContext, level: 'department' | 'commune'): string {
  const set = listCriteriaSets(ctx.db).find((s) => s.status === 'sample' && s.level === level);
  if (!set) throw new Error(`no sample set for ${level}`);
  return set.hash;
}

export async function benchAnswerSave(saves = 400): Promise<BenchFigure[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'par-bench-save-'));
  const ctx = createAppContext({ dataDir, mode: 'test' });
  try {
    const agency = await call<{ id: number }>(ctx, 'agencies:create', numberedAgency(1, 'department'));
    const hash = sampleHash(ctx, 'department');
    const assessmentId = await answeredAssessment(ctx, agency.id, 2026, hash, 1);
    const leaves = leavesOf(loadCriteriaSet(ctx.db, hash)).filter((v) => v.node.rule?.kind !== 'survey');
    const saveTimes: number[] = [];
    for (let i = 0; i < saves; i++) {
      const leaf = leaves[i % leaves.length]!.node;
      const t0 = performance.now();
      await call(ctx, 'answers:save', { assessmentId, code: leaf.code, answer: answerFor(leaf, i + 7) });
      saveTimes.push(performance.now() - t0);
    }
    ctx.db.exec('CREATE TABLE IF NOT EXISTS bench_bare (k INTEGER PRIMARY KEY, v TEXT)');
    const bare = ctx.db.prepare('INSERT INTO bench_bare (k, v) VALUES (?, ?) ON CONFLICT(k) DO UPDATE SET v = excluded.v');
    const bareTimes: number[] = [];
    for (let i = 0; i < saves; i++) {
      const t0 = performance.now();
      ctx.db.transaction(() => bare.run(i % 50, `v${i}`))();
      bareTimes.push(performance.now() - t0);
    }
    const bareP50 = percentile(bareTimes, 50);
    const p50 = percentile(saveTimes, 50);
    const p95 = percentile(saveTimes, 95);
    const limitName = 'bare 1-row commit p50, synchronous=FULL';
    return [
      { name: `answer save + recompute p50 (${leaves.length} self-scored leaves)`, value: p50, unit: 'ms', limitName, limit: bareP50, ratio: p50 / bareP50 },
      { name: 'answer save + recompute p95', value: p95, unit: 'ms', limitName, limit: bareP50, ratio: p95 / bareP50 },
    ];
  } finally {
    ctx.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function runColdOpenChild(dataDir: string, mode: 'app' | 'bare', assessmentId: number): number {
  const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'test', 'bench', 'cold-open-child.ts'), dataDir, mode, String(assessmentId)], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  if (child.status !== 0) throw new Error(`cold-open child failed: ${child.stderr}`);
  return Number(JSON.parse(child.stdout.trim().split('\n').pop()!).ms);
}

export async function benchColdOpen(agencies = 10, years = 5, runs = 5): Promise<BenchFigure[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'par-bench-open-'));
  let lastAssessment = 0;
  const ctx = createAppContext({ dataDir, mode: 'test' });
  try {
    for (let a = 1; a <= agencies; a++) {
      const level = a % 2 === 0 ? 'commune' : 'department';
      const agency = await call<{ id: number }>(ctx, 'agencies:create', numberedAgency(a, level));
      for (let y = 0; y < years; y++) lastAssessment = await answeredAssessment(ctx, agency.id, 2022 + y, sampleHash(ctx, level), a * 10 + y);
    }
  } finally {
    ctx.close();
  }
  const app: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < runs; i++) {
    app.push(runColdOpenChild(dataDir, 'app', lastAssessment));
    bare.push(runColdOpenChild(dataDir, 'bare', lastAssessment));
  }
  const size = fs.statSync(path.join(dataDir, 'par.sqlite')).size;
  fs.rmSync(dataDir, { recursive: true, force: true });
  const value = percentile(app, 50);
  const limit = percentile(bare, 50);
  return [
    {
      name: `cold open: ${agencies} agencies × ${years} years answered (${(size / 1e6).toFixed(1)} MB), open + first assessment view`,
      value,
      unit: 'ms',
      limitName: 'bare better-sqlite3 open + count(*) in a fresh process',
      limit,
      ratio: value / limit,
    },
  ];
}
