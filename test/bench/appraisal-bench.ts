/**
 * Issue 10 figure: importing an appraisal for a 150-leaf set (every leaf appraised, every fifth
 * with a request, the survey leaves with survey points) through the real reader and import service
 * on a real database file, one transaction each (target ≤ 200 ms). Each run is a new round, so
 * every import really writes. Beside it: the bare JSON.parse of the same file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { importAppraisal } from '../../main/appraisal/import-appraisal';
import { readAppraisalJson } from '../../main/appraisal/read-appraisal-file';
import { importCriteriaSet } from '../../main/criteria/import-set';
import { openDatabase } from '../../main/store/open';
import { insertAgency } from '../../main/store/queries/agencies';
import { insertAssessment, setAssessmentStatus } from '../../main/store/queries/assessments';
import { leavesOf } from '../../shared/domain/criteria-tree';
import { agencyDraft } from '../helpers/agency-fixture';
import { makeLargeSet } from '../helpers/large-criteria-set';
import { percentile, type BenchFigure } from './bench-results';

const NOW = '2027-01-20T08:00:00.000Z';

function appraisalFor(setHash: string, codes: { code: string; survey: boolean }[], round: number): Buffer {
  const criteria = codes.filter((c) => !c.survey).map((c, i) => ({
    code: c.code,
    points: (i + round) % 2 === 0 ? 1 : 0,
    comment: `Ý kiến thẩm định cho tiêu chí ${c.code}, vòng ${round}.`,
    ...(i % 5 === 0 ? { request: i % 10 === 0 ? 'explain' : 'add-evidence', deadline: '2027-02-05' } : {}),
  }));
  const survey = codes.filter((c) => c.survey).map((c) => ({ code: c.code, points: 0.5 }));
  const doc = { format: 'par-appraisal/v1', agency: { name: agencyDraft().name, abbreviation: agencyDraft().abbreviation }, year: 2026, setHash, round, criteria, survey };
  return Buffer.from(JSON.stringify(doc, null, 2));
}

export async function benchAppraisal(rounds = 7): Promise<BenchFigure[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'par-bench-appraisal-'));
  try {
    const db = openDatabase(path.join(dir, 'par.sqlite'));
    const set = makeLargeSet(5, 6, 5, 'bo-chi-so-150-2026');
    const agency = insertAgency(db, agencyDraft(), NOW);
    const imported = importCriteriaSet(db, { text: JSON.stringify(set), fileName: 'bo-150.json', confirmNewVersion: false }, NOW);
    const assessmentId = insertAssessment(db, { agencyId: agency.id, year: 2026, setHash: imported.summary.hash, now: NOW }).id;
    setAssessmentStatus(db, assessmentId, 'submitted', NOW);
    const codes = leavesOf(set).map((v) => ({ code: v.node.code, survey: v.node.rule?.kind === 'survey' }));
    if (codes.length !== 150) throw new Error(`expected 150 leaves, got ${codes.length}`);
    const files = Array.from({ length: rounds }, (_, i) => appraisalFor(imported.summary.hash, codes, i + 1));
    const times: number[] = [];
    const parse: number[] = [];
    files.forEach((bytes, i) => {
      const t0 = performance.now();
      const r = importAppraisal(db, assessmentId, readAppraisalJson(bytes), `vong-${i + 1}.json`, NOW);
      times.push(performance.now() - t0);
      if (!r.changed || r.appraisal.criteria.length !== 150) throw new Error('the appraisal was not imported');
      const p0 = performance.now();
      JSON.parse(bytes.toString('utf8'));
      parse.push(performance.now() - p0);
    });
    db.close();
    const p50 = percentile(times, 50);
    const parseMs = percentile(parse, 50);
    return [
      { name: 'appraisal: first import for a 150-leaf set (read, check, one transaction, view)', value: times[0]!, unit: 'ms', target: '≤ 200 ms' },
      { name: `appraisal: import of a 150-leaf round, p50 of ${rounds}`, value: p50, unit: 'ms', limitName: 'bare JSON.parse of the file, p50', limit: parseMs, ratio: p50 / parseMs, target: '≤ 200 ms' },
      { name: `appraisal: import of a 150-leaf round, max of ${rounds}`, value: Math.max(...times), unit: 'ms', target: '≤ 200 ms' },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
