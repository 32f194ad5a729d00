/**
 * The year-over-year comparison of one agency, from each year's set and totals: points per field
 * across years and the criteria that lost points between consecutive years, followed through the
 * leaf mapping (leaf-mapping.ts, with the officer's corrections where next year was created from
 * last year). Pure: the caller reads the assessments, sets, totals and published results.
 */
import type { CodeMapping } from './criteria-diff';
import type { CriteriaSet } from './criteria-set-schema';
import { leavesOf } from './criteria-tree';
import { mapLeaves, type LeafMappingRow } from './leaf-mapping';
import type { Totals } from './scoring-types';

export interface FieldSeries {
  /** Fields are followed by code across years; the title is the newest year's. */
  code: string;
  title: string;
  /** Points in thousandths per year (same order as `years`); null where the year has no such field. */
  pointsMilli: (number | null)[];
  maxMilli: (number | null)[];
}

export interface LostPoints {
  fromYear: number;
  toYear: number;
  code: string;
  title: string;
  /** Last year's leaves (several for a merge) and their points together. */
  fromCodes: string[];
  beforeMilli: number;
  afterMilli: number;
}

export interface YearInput {
  year: number;
  /** The set's content hash: two years on the same set (and no correction) map every leaf to itself. */
  setHash: string;
  set: CriteriaSet;
  totals: Totals;
  /** Corrections used when this year was created from the previous one (empty otherwise). */
  corrections: CodeMapping;
}

/** Fields by code, titled as in the newest year that has them. */
export function fieldSeries(years: readonly YearInput[]): FieldSeries[] {
  const byCode = new Map<string, FieldSeries>();
  years.forEach((y, i) => {
    for (const field of y.set.fields) {
      const series = byCode.get(field.code) ?? { code: field.code, title: field.title, pointsMilli: years.map(() => null), maxMilli: years.map(() => null) };
      series.title = field.title;
      const total = y.totals.nodes[field.code];
      series.pointsMilli[i] = total ? total.pointsMilli : null;
      series.maxMilli[i] = total ? total.maxMilli : null;
      byCode.set(field.code, series);
    }
  });
  return [...byCode.values()];
}

function pointsOf(totals: Totals, codes: readonly string[]): number | null {
  let sum = 0;
  for (const code of codes) {
    const node = totals.nodes[code];
    if (!node || node.answeredCount === 0) return null; // unanswered, N/A or survey: nothing to compare
    sum += node.pointsMilli;
  }
  return sum;
}

export type YearMapper = (before: YearInput, after: YearInput) => LeafMappingRow[];

/** The leaf mapping between two consecutive years: each leaf to itself when both years use the same set and nothing was corrected. */
export const mapYears: YearMapper = (before, after) => {
  if (before.setHash === after.setHash && Object.keys(after.corrections).length === 0) {
    return leavesOf(after.set).map((v) => {
      const ref = { code: v.node.code, title: v.node.title, maxPoints: v.node.maxPoints };
      return { kind: 'same', from: [ref], to: [ref], by: 'code', similarity: 1, details: [], corrected: false };
    });
  }
  return mapLeaves(before.set, after.set, after.corrections);
};

/** Criteria whose points went down from one year to the next, biggest loss first within each pair, newest pair first. */
export function lostPoints(years: readonly YearInput[], mapper: YearMapper = mapYears): LostPoints[] {
  const lost: LostPoints[] = [];
  for (let i = years.length - 1; i >= 1; i--) {
    const before = years[i - 1]!;
    const after = years[i]!;
    const pair: LostPoints[] = [];
    for (const row of mapper(before, after)) {
      if (row.from.length === 0 || row.to.length === 0) continue;
      const fromCodes = row.from.map((r) => r.code);
      const toCodes = row.to.map((r) => r.code);
      const beforeMilli = pointsOf(before.totals, fromCodes);
      const afterMilli = pointsOf(after.totals, toCodes);
      if (beforeMilli === null || afterMilli === null || afterMilli >= beforeMilli) continue;
      pair.push({ fromYear: before.year, toYear: after.year, code: toCodes.join(', '), title: row.to[0]!.title, fromCodes, beforeMilli, afterMilli });
    }
    pair.sort((a, b) => b.beforeMilli - b.afterMilli - (a.beforeMilli - a.afterMilli));
    lost.push(...pair);
  }
  return lost;
}
