/**
 * Issue 10 figure: the year-over-year screen of an agency with 10 years (2017–2026, each fully
 * answered on the department sample set, 10 × 150 leaves) through the real service on a real
 * database file: the first call after opening the database (set cache and SQLite page cache cold:
 * the rows are seeded by plain queries, so nothing was parsed before) and warm calls (target
 * ≤ 100 ms both), beside a bare read of every answer row of the agency.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { importCriteriaSet } from '../../main/criteria/import-set';
import { openDatabase } from '../../main/store/open';
import { insertAgency } from '../../main/store/queries/agencies';
import { upsertAnswer } from '../../main/store/queries/answers';
import { insertAssessment, setAssessmentStatus } from '../../main/store/queries/assessments';
import { upsertPublishedResult } from '../../main/store/queries/submissions';
import { compareYears } from '../../main/years/year-over-year';
import { criteriaSetSchema } from '../../shared/domain/criteria-set-schema';
import { findNode } from '../../shared/domain/criteria-tree';
import { evaluateLeaf } from '../../shared/domain/scoring';
import { agencyDraft } from '../helpers/agency-fixture';
import { fullAnswers } from '../helpers/answer-generator';
import { percentile, type BenchFigure } from './bench-results';

const YEARS = 10;
const NOW = '2026-01-05T08:00:00.000Z';

/** `alternate`: odd years use a second set (one leaf retitled, another id), so every pair of years goes through the criteria diff. */
function seed(file: string, alternate: boolean): number {
  const db = openDatabase(file);
  const text = fs.readFileSync(path.resolve(import.meta.dirname, '../../seeds/sample-department-2026.json'), 'utf8');
  const set = criteriaSetSchema.parse(JSON.parse(text));
  const agency = insertAgency(db, agencyDraft(), NOW);
  const hash = importCriteriaSet(db, { text, fileName: 'sample.json', confirmNewVersion: false }, NOW).summary.hash;
  const other = JSON.parse(text) as { id: string; fields: { children?: { title: string }[] }[] };
  other.id = `${other.id}-khac`;
  other.fields[0]!.children![0]!.title += ' (sửa đổi)';
  const otherHash = importCriteriaSet(db, { text: JSON.stringify(other), fileName: 'other.json', confirmNewVersion: false }, NOW).summary.hash;
  db.transaction(() => {
    for (let y = 0; y < YEARS; y++) {
      const id = insertAssessment(db, { agencyId: agency.id, year: 2017 + y, setHash: alternate && y % 2 === 1 ? otherHash : hash, now: NOW }).id;
      for (const [code, answer] of fullAnswers(set, 7 * y + 1)) {
        const result = evaluateLeaf(set, findNode(set, code)!.node, answer);
        upsertAnswer(db, { assessmentId: id, code, input: answer.input, notApplicable: answer.notApplicable, explanation: answer.explanation, pointsMilli: result.pointsMilli, updatedAt: NOW });
      }
      if (y < YEARS - 1) {
        setAssessmentStatus(db, id, 'closed', NOW);
        upsertPublishedResult(db, id, { finalScoreMilli: 80_000 + y * 500, indexMilli: 80_000 + y * 500, className: 'Tốt', rank: 10 - y, rankOf: 20, publishedOn: null, enteredAt: NOW });
      }
    }
  })();
  db.close();
  return agency.id;
}

export async function benchYears(): Promise<BenchFigure[]> {
  return [...(await benchYearsOn(false)), ...(await benchYearsOn(true))];
}

async function benchYearsOn(alternate: boolean, rounds = 9): Promise<BenchFigure[]> {
  const label = alternate ? 'two sets alternating (criteria diff per pair)' : 'one set';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'par-bench-years-'));
  try {
    const file = path.join(dir, 'par.sqlite');
    const agencyId = seed(file, alternate);
    const db = openDatabase(file);
    let t0 = performance.now();
    const first = compareYears(db, agencyId);
    const cold = performance.now() - t0;
    const warm: number[] = [];
    for (let i = 0; i < rounds; i++) {
      t0 = performance.now();
      compareYears(db, agencyId);
      warm.push(performance.now() - t0);
    }
    const bare: number[] = [];
    for (let i = 0; i < rounds; i++) {
      t0 = performance.now();
      db.prepare('SELECT a.* FROM answers a JOIN assessments s ON s.id = a.assessment_id WHERE s.agency_id = ?').all(agencyId);
      bare.push(performance.now() - t0);
    }
    db.close();
    if (first.years.length !== YEARS) throw new Error(`expected ${YEARS} years, found ${first.years.length}`);
    const p50 = percentile(warm, 50);
    const bareMs = percentile(bare, 50);
    return [
      { name: `years: ${YEARS} years × 150 leaves, ${label}, first call after open (cold)`, value: cold, unit: 'ms', target: '≤ 100 ms' },
      { name: `years: ${label}, warm p50`, value: p50, unit: 'ms', limitName: 'bare SELECT of every answer row, p50', limit: bareMs, ratio: p50 / bareMs, target: '≤ 100 ms' },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
