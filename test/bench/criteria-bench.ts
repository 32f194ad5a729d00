/**
 * Issue 9 figures: importing a 300-leaf criteria set from .xlsx (read, check, validate; target
 * ≤ 1 s) beside exceljs's bare parse of the same bytes, and the differences between two 300-leaf
 * sets (target ≤ 100 ms) beside validating one of them, both measured in the same run.
 */
import ExcelJS from 'exceljs';
import { performance } from 'node:perf_hooks';
import { readCriteriaSetXlsx } from '../../main/criteria/xlsx/read-criteria-xlsx';
import { writeCriteriaSetXlsx } from '../../main/criteria/xlsx/write-criteria-xlsx';
import { diffCriteriaSets } from '../../shared/domain/criteria-diff';
import { validateCriteriaSet } from '../../shared/domain/validate-criteria-set';
import { makeLargeSet } from '../helpers/large-criteria-set';
import { percentile, type BenchFigure } from './bench-results';

async function timed(rounds: number, run: () => unknown): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  return times;
}

/** The same set renumbered in one criterion, retitled in another, with a changed maximum pair. */
function nextYear(): ReturnType<typeof makeLargeSet> {
  const set = makeLargeSet();
  const criterion = set.fields[2]!.children![3]!;
  criterion.children!.reverse();
  criterion.children!.forEach((leaf, i) => (leaf.code = `3.4.${i + 1}`));
  set.fields[5]!.children![0]!.children![1]!.title = 'Nội dung mới hoàn toàn về số hóa hồ sơ';
  return set;
}

export async function benchCriteria(rounds = 7): Promise<BenchFigure[]> {
  const set = makeLargeSet();
  if (!validateCriteriaSet(set).ok) throw new Error('the 300-leaf bench set is not valid');
  const bytes = await writeCriteriaSetXlsx(set);
  const imports = await timed(rounds, async () => {
    const read = await readCriteriaSetXlsx(bytes, 'bo-chi-so.xlsx');
    if (!read.ok) throw new Error(read.problems[0]?.message);
  });
  const bareParse = await timed(rounds, () => new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer));
  const older = makeLargeSet();
  const newer = nextYear();
  const diffs = await timed(rounds * 3, () => diffCriteriaSets(older, newer));
  const validations = await timed(rounds * 3, () => validateCriteriaSet(older));
  const importMs = percentile(imports, 50);
  const parseMs = percentile(bareParse, 50);
  const diffMs = percentile(diffs, 50);
  const validateMs = percentile(validations, 50);
  return [
    { name: `criteria set: .xlsx import, 300 leaves (${Math.round(bytes.length / 1024)} KB), p50`, value: importMs, unit: 'ms', limitName: 'exceljs bare parse of the same file, p50', limit: parseMs, ratio: importMs / parseMs, target: '≤ 1000 ms' },
    { name: 'criteria set: diff of two 300-leaf sets, p50', value: diffMs, unit: 'ms', limitName: 'validating one 300-leaf set, p50', limit: validateMs, ratio: diffMs / validateMs, target: '≤ 100 ms' },
  ];
}
