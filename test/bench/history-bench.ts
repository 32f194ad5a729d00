/**
 * Issue 10 figure: the history of an assessment with 50,000 changes, first page (50 rows, newest
 * first, with the filtered total) through the real service on a real database file (target
 * ≤ 100 ms), and the same with a criterion filter, beside a bare `SELECT … LIMIT 50` of the table.
 * The database is closed and opened again before timing, so the page cache of SQLite starts cold.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { importCriteriaSet } from '../../main/criteria/import-set';
import { listHistory } from '../../main/history/history-service';
import { openDatabase } from '../../main/store/open';
import { insertAgency } from '../../main/store/queries/agencies';
import { insertAssessment } from '../../main/store/queries/assessments';
import { insertHistoryRow } from '../../main/store/queries/history';
import { HISTORY_KINDS } from '../../shared/api/channels/history';
import { leavesOf } from '../../shared/domain/criteria-tree';
import { agencyDraft } from '../helpers/agency-fixture';
import { percentile, type BenchFigure } from './bench-results';

const CHANGES = 50_000;
const NOW = '2026-01-05T08:00:00.000Z';

function seed(file: string): { assessmentId: number; code: string } {
  const db = openDatabase(file);
  const agency = insertAgency(db, agencyDraft(), NOW);
  const text = fs.readFileSync(path.resolve(import.meta.dirname, '../../seeds/sample-department-2026.json'), 'utf8');
  const set = importCriteriaSet(db, { text, fileName: 'sample.json', confirmNewVersion: false }, NOW);
  const assessmentId = insertAssessment(db, { agencyId: agency.id, year: 2026, setHash: set.summary.hash, now: NOW }).id;
  const codes = leavesOf(JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../seeds/sample-department-2026.json'), 'utf8'))).map((v) => v.node.code);
  db.transaction(() => {
    for (let i = 0; i < CHANGES; i++) {
      const kind = HISTORY_KINDS[i % 10 === 0 ? 1 : 0]!;
      const before = JSON.stringify({ input: null, notApplicable: false, explanation: `Giải trình lần ${i}` });
      const after = JSON.stringify({ input: { kind: 'points', points: 1 }, notApplicable: false, explanation: `Giải trình lần ${i + 1}` });
      const at = new Date(Date.parse(NOW) + i * 60_000).toISOString();
      insertHistoryRow(db, { assessmentId, at, officer: 'Trần Thị Bình', kind, action: 'save', code: codes[i % codes.length]!, itemId: null, before, after, reason: '' });
    }
  })();
  db.close();
  return { assessmentId, code: codes[0]! };
}

function timed(rounds: number, run: () => unknown): number[] {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  return times;
}

export async function benchHistory(rounds = 7): Promise<BenchFigure[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'par-bench-history-'));
  try {
    const file = path.join(dir, 'par.sqlite');
    const { assessmentId, code } = seed(file);
    const db = openDatabase(file);
    const all = { kind: null, code: null, from: null, to: null };
    const cold = timed(1, () => listHistory(db, { assessmentId, filter: all, beforeId: null, limit: 50 }))[0]!;
    const pages = timed(rounds, () => listHistory(db, { assessmentId, filter: all, beforeId: null, limit: 50 }));
    const byCode = timed(rounds, () => listHistory(db, { assessmentId, filter: { ...all, code }, beforeId: null, limit: 50 }));
    const bare = timed(rounds, () => db.prepare('SELECT * FROM history ORDER BY id DESC LIMIT 50').all());
    const total = listHistory(db, { assessmentId, filter: all, beforeId: null, limit: 1 }).total;
    db.close();
    if (total !== CHANGES) throw new Error(`expected ${CHANGES} history rows, found ${total}`);
    const p50 = percentile(pages, 50);
    const bareMs = percentile(bare, 50);
    return [
      { name: `history: first page of ${CHANGES.toLocaleString('en')} changes (50 rows + total), first call after open`, value: cold, unit: 'ms', target: '≤ 100 ms' },
      { name: 'history: first page, p50', value: p50, unit: 'ms', limitName: 'bare SELECT … LIMIT 50, p50', limit: bareMs, ratio: p50 / bareMs, target: '≤ 100 ms' },
      { name: 'history: first page filtered by one criterion, p50', value: percentile(byCode, 50), unit: 'ms', target: '≤ 100 ms' },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
