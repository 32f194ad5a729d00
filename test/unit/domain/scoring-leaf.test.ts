import { describe, expect, it } from 'vitest';
import type { AnswerInput } from '../../../shared/domain/answer';
import type { CriteriaNode, Rounding, ScoringRule } from '../../../shared/domain/criteria-set-schema';
import { evaluateLeaf, leafRuleSummaryVi } from '../../../shared/domain/scoring';
import {
  achieved,
  blank,
  given,
  leaf,
  level,
  makeSet,
  manual,
  notApplicable,
  occurrences,
  points,
  rate,
  survey,
  yesNo,
} from '../../helpers/scoring-sets';

const HALF_UP: Rounding = { decimals: 2, mode: 'half-up' };

/** Scores one leaf (code 1.1) inside a one-field set with the given rounding. */
function score(rule: ScoringRule, max: number, answer: AnswerInput | undefined, rounding = HALF_UP, extra: Partial<CriteriaNode> = {}) {
  const l = leaf('1.1', max, rule, extra);
  const set = makeSet([{ code: '1', title: 'Lĩnh vực 1', maxPoints: max, children: [l] }], { rounding });
  return evaluateLeaf(set, l, answer);
}

const rounding = (mode: Rounding['mode'], decimals = 2): Rounding => ({ decimals, mode });

describe('evaluateLeaf — manual', () => {
  const rule = manual(0.25);
  it('accepts multiples of the step within [0, max]', () => {
    expect(score(rule, 2, points(1.75))).toEqual({ state: 'answered', pointsMilli: 1750 });
    expect(score(rule, 2, points(0))).toEqual({ state: 'answered', pointsMilli: 0 });
    expect(score(rule, 2, points(2))).toEqual({ state: 'answered', pointsMilli: 2000 });
  });
  it.each([1.8, 2.25, -0.25, 0.0001, 1.1])('refuses %s with the range and step in Vietnamese', (p) => {
    expect(score(rule, 2, points(p))).toEqual({
      state: 'invalid',
      pointsMilli: null,
      error: 'Điểm phải từ 0 đến 2 và là bội của 0,25',
    });
  });
  it('names a decimal maximum with a comma', () => {
    expect(score(manual(0.5), 1.5, points(0.75)).error).toBe('Điểm phải từ 0 đến 1,5 và là bội của 0,5');
    expect(score(manual(0.5), 1.5, points(1.5)).pointsMilli).toBe(1500);
  });
});

describe('evaluateLeaf — yesNo and levels', () => {
  it('gives the maximum or nothing', () => {
    expect(score(yesNo, 1.5, achieved(true))).toEqual({ state: 'answered', pointsMilli: 1500 });
    expect(score(yesNo, 1.5, achieved(false))).toEqual({ state: 'answered', pointsMilli: 0 });
  });
  const levels: ScoringRule = {
    kind: 'levels',
    levels: [
      { id: 'khong', label: 'Không thực hiện', points: 0 },
      { id: 'mot-phan', label: 'Thực hiện một phần', points: 0.75 },
      { id: 'day-du', label: 'Thực hiện đầy đủ', points: 1 },
    ],
  };
  it('takes the points of the chosen level', () => {
    expect(score(levels, 1, level('mot-phan'))).toEqual({ state: 'answered', pointsMilli: 750 });
    expect(score(levels, 1, level('day-du')).pointsMilli).toBe(1000);
  });
  it('rounds a level to the set decimals', () => {
    expect(score(levels, 1, level('mot-phan'), rounding('half-up', 1)).pointsMilli).toBe(800);
    expect(score(levels, 1, level('mot-phan'), rounding('down', 1)).pointsMilli).toBe(700);
  });
  it('refuses an unknown level', () => {
    expect(score(levels, 1, level('xuat-sac'))).toEqual({ state: 'invalid', pointsMilli: null, error: 'Mức "xuat-sac" không có trong tiêu chí này' });
  });
});

describe('evaluateLeaf — rate, proportional', () => {
  const prop = (noCases: 'full' | 'zero' | 'notApplicable' = 'zero'): ScoringRule => ({
    kind: 'rate',
    numeratorLabel: 'hồ sơ giải quyết đúng hạn',
    denominatorLabel: 'Hồ sơ tiếp nhận',
    mode: 'proportional',
    noCases,
  });
  it('gives rate × max with the rate in percent', () => {
    expect(score(prop(), 2, rate(3, 4))).toEqual({ state: 'answered', pointsMilli: 1500, ratePercent: 75 });
    expect(score(prop(), 2, rate(7, 7))).toEqual({ state: 'answered', pointsMilli: 2000, ratePercent: 100 });
    expect(score(prop(), 2, rate(0, 7))).toEqual({ state: 'answered', pointsMilli: 0, ratePercent: 0 });
  });
  it('truncates the displayed rate to 2 decimals', () => {
    expect(score(prop(), 1, rate(2, 3)).ratePercent).toBe(66.66);
    expect(score(prop(), 1, rate(1, 3)).ratePercent).toBe(33.33);
  });
  it.each([
    // [numerator, denominator, max, decimals, half-up, half-even, down]
    [1, 3, 0.5, 2, 170, 170, 160], // 0.1666…
    [1, 8, 1, 2, 130, 120, 120], // 0.125: a tie, even below
    [3, 8, 1, 2, 380, 380, 370], // 0.375: a tie, even above
    [1, 2, 0.25, 2, 130, 120, 120], // 0.125
    [1, 2, 1, 0, 1000, 0, 0], // 0.5 at 0 decimals
    [1, 3, 1, 3, 333, 333, 333],
  ])('%i/%i of %s at %i decimals → half-up %i, half-even %i, down %i', (n, d, max, decimals, up, even, down) => {
    expect(score(prop(), max, rate(n, d), rounding('half-up', decimals)).pointsMilli).toBe(up);
    expect(score(prop(), max, rate(n, d), rounding('half-even', decimals)).pointsMilli).toBe(even);
    expect(score(prop(), max, rate(n, d), rounding('down', decimals)).pointsMilli).toBe(down);
  });
  it('refuses a numerator above the denominator, naming both counts', () => {
    expect(score(prop(), 2, rate(5, 4))).toEqual({
      state: 'invalid',
      pointsMilli: null,
      error: 'Số hồ sơ giải quyết đúng hạn (5) không được lớn hơn số hồ sơ tiếp nhận (4)',
    });
    expect(score(prop(), 2, rate(1, 0)).state).toBe('invalid');
  });
  it('does not double "Số" when the label already starts with it', () => {
    const rule: ScoringRule = { kind: 'rate', numeratorLabel: 'Số văn bản ban hành đúng hạn', denominatorLabel: 'số văn bản phải ban hành', mode: 'proportional', noCases: 'full' };
    expect(score(rule, 1, rate(3, 2)).error).toBe('Số văn bản ban hành đúng hạn (3) không được lớn hơn số văn bản phải ban hành (2)');
  });
  it('applies the no-case policy when the denominator is 0', () => {
    expect(score(prop('full'), 2, rate(0, 0))).toEqual({ state: 'answered', pointsMilli: 2000, ratePercent: null });
    expect(score(prop('zero'), 2, rate(0, 0))).toEqual({ state: 'answered', pointsMilli: 0, ratePercent: null });
    expect(score(prop('notApplicable'), 2, rate(0, 0))).toEqual({ state: 'notApplicable', pointsMilli: null, ratePercent: null });
  });
});

describe('evaluateLeaf — rate, thresholds', () => {
  const tiers = (bounds: [number, number, number][]): ScoringRule => ({
    kind: 'rate',
    numeratorLabel: 'hồ sơ trực tuyến',
    denominatorLabel: 'hồ sơ tiếp nhận',
    mode: 'thresholds',
    noCases: 'full',
    tiers: bounds.map(([fromPercent, toPercent, p]) => ({ fromPercent, toPercent, points: p })),
  });
  const four = tiers([[0, 50, 0], [50, 80, 1], [80, 90, 1.5], [90, 100, 2]]);
  it.each([
    [0, 7, 0],
    [49, 100, 0],
    [1, 2, 1000], // exactly 50 → [50, 80)
    [4, 5, 1500], // exactly 80 → [80, 90)
    [89999, 100000, 1500],
    [9, 10, 2000], // exactly 90 → last tier
    [1, 1, 2000], // 100 is inside the last tier
  ])('%i/%i lands in the right tier', (n, d, expected) => {
    expect(score(four, 2, rate(n, d)).pointsMilli).toBe(expected);
  });
  it('compares exactly, never in floating point (29/100·100 is 28.999… in doubles)', () => {
    expect(score(tiers([[0, 29, 0], [29, 100, 1]]), 1, rate(29, 100)).pointsMilli).toBe(1000);
    expect(score(tiers([[0, 57, 0], [57, 100, 1]]), 1, rate(57, 100)).pointsMilli).toBe(1000);
  });
  it('handles decimal tier bounds', () => {
    const rule = tiers([[0, 62.5, 0], [62.5, 100, 1]]);
    expect(score(rule, 1, rate(5, 8)).pointsMilli).toBe(1000);
    expect(score(rule, 1, rate(62499, 100000)).pointsMilli).toBe(0);
    const third = tiers([[0, 33.333, 0], [33.333, 100, 1]]);
    expect(score(third, 1, rate(1, 3)).pointsMilli).toBe(1000);
    expect(score(third, 1, rate(33332, 100000)).pointsMilli).toBe(0);
  });
  it('reports a rate that falls in a gap between tiers', () => {
    const gap = tiers([[0, 50, 0], [60, 100, 1]]);
    expect(score(gap, 1, rate(55, 100))).toEqual({ state: 'invalid', pointsMilli: null, error: 'Tỷ lệ 55% không thuộc ngưỡng nào của tiêu chí' });
  });
  it('uses the no-case policy at denominator 0', () => {
    expect(score(four, 2, rate(0, 0))).toEqual({ state: 'answered', pointsMilli: 2000, ratePercent: null });
  });
});

describe('evaluateLeaf — rate, the "exactly 100 %" tier (100% = 2; 80% - dưới 100% = 1; dưới 80% = 0)', () => {
  const exact: ScoringRule = {
    kind: 'rate',
    numeratorLabel: 'hồ sơ đúng hạn',
    denominatorLabel: 'hồ sơ đã giải quyết',
    mode: 'thresholds',
    noCases: 'zero',
    tiers: [
      { fromPercent: 0, toPercent: 80, points: 0 },
      { fromPercent: 80, toPercent: 100, points: 1 },
      { fromPercent: 100, toPercent: 100, points: 2 },
    ],
  };
  it('gives the full 2 points at exactly 100 %', () => {
    expect(score(exact, 2, rate(37, 37))).toEqual({ state: 'answered', pointsMilli: 2000, ratePercent: 100 });
  });
  it('gives 1 point at 99.99 % (the tier before ends below 100 %)', () => {
    expect(score(exact, 2, rate(9999, 10000))).toEqual({ state: 'answered', pointsMilli: 1000, ratePercent: 99.99 });
    expect(score(exact, 2, rate(999999, 1000000)).pointsMilli).toBe(1000);
  });
  it('gives 1 point at exactly 80 % and 0 just below it', () => {
    expect(score(exact, 2, rate(4, 5)).pointsMilli).toBe(1000);
    expect(score(exact, 2, rate(7999, 10000)).pointsMilli).toBe(0);
  });
  it('applies the no-case policy when no case arose (0 / 0), not the 100 % tier', () => {
    expect(score(exact, 2, rate(0, 0))).toEqual({ state: 'answered', pointsMilli: 0, ratePercent: null });
  });
  it('describes the tier as "đạt đúng 100%"', () => {
    expect(leafRuleSummaryVi(leaf('1.1', 2, exact))).toContain('từ 80% đến dưới 100%: 1 điểm; đạt đúng 100%: 2 điểm');
  });
});

describe('evaluateLeaf — deduction', () => {
  const ded = (perOccurrence: number, minPoints = 0): ScoringRule => ({ kind: 'deduction', occurrenceLabel: 'báo cáo chậm', perOccurrence, minPoints });
  it.each([
    [0, 2000],
    [3, 1250],
    [8, 0],
    [20, 0], // floored at 0
  ])('%i occurrences of −0,25 from 2 → %i', (n, expected) => {
    expect(score(ded(0.25), 2, occurrences(n))).toEqual({ state: 'answered', pointsMilli: expected });
  });
  it('goes below zero down to minPoints when the set allows it', () => {
    expect(score(ded(0.25, -0.5), 2, occurrences(9)).pointsMilli).toBe(-250);
    expect(score(ded(0.25, -0.5), 2, occurrences(10)).pointsMilli).toBe(-500);
    expect(score(ded(0.25, -0.5), 2, occurrences(1000)).pointsMilli).toBe(-500);
  });
  it('rounds the result at the set decimals', () => {
    expect(score(ded(0.125), 1, occurrences(1), rounding('half-up')).pointsMilli).toBe(880);
    expect(score(ded(0.125), 1, occurrences(1), rounding('half-even')).pointsMilli).toBe(880);
    expect(score(ded(0.125), 1, occurrences(1), rounding('down')).pointsMilli).toBe(870);
    expect(score(ded(0.125), 1, occurrences(3), rounding('half-even')).pointsMilli).toBe(620);
    expect(score(ded(0.125), 1, occurrences(3), rounding('half-up')).pointsMilli).toBe(630);
  });
});

describe('evaluateLeaf — states', () => {
  it('survey leaves are locked', () => {
    expect(score(survey, 3, undefined)).toEqual({ state: 'survey', pointsMilli: null });
    expect(score(survey, 3, { ...blank, explanation: 'ghi chú' })).toEqual({ state: 'survey', pointsMilli: null });
    const refused = { state: 'invalid', pointsMilli: null, error: 'Tiêu chí này chấm qua điều tra xã hội học, cơ quan không tự chấm' };
    expect(score(survey, 3, points(1))).toEqual(refused);
    expect(score(survey, 3, notApplicable, HALF_UP, { notApplicableAllowed: true })).toEqual(refused);
  });
  it('N/A only where the set allows it, and it wins over an input', () => {
    expect(score(yesNo, 1, notApplicable, HALF_UP, { notApplicableAllowed: true })).toEqual({ state: 'notApplicable', pointsMilli: null });
    expect(score(yesNo, 1, { ...achieved(true), notApplicable: true }, HALF_UP, { notApplicableAllowed: true }).state).toBe('notApplicable');
    expect(score(yesNo, 1, notApplicable)).toEqual({ state: 'invalid', pointsMilli: null, error: 'Tiêu chí này không được đánh dấu không áp dụng' });
  });
  it('no input is unanswered', () => {
    expect(score(yesNo, 1, undefined)).toEqual({ state: 'unanswered', pointsMilli: null });
    expect(score(manual(0.5), 1, blank)).toEqual({ state: 'unanswered', pointsMilli: null });
  });
  it('an input of another kind is refused', () => {
    expect(score(yesNo, 1, points(1))).toEqual({ state: 'invalid', pointsMilli: null, error: 'Dữ liệu nhập không khớp cách chấm điểm của tiêu chí' });
    expect(score(manual(0.5), 1, given({ kind: 'deduction', occurrences: 0 })).state).toBe('invalid');
  });
  it('a leaf without a rule cannot be scored', () => {
    const l: CriteriaNode = { code: '1.1', title: 'Không có quy tắc', maxPoints: 1 };
    const set = makeSet([{ code: '1', title: 'Lĩnh vực', maxPoints: 1, children: [leaf('1.1', 1, yesNo)] }]);
    expect(evaluateLeaf(set, l, achieved(true)).state).toBe('invalid');
  });
});

describe('leafRuleSummaryVi', () => {
  it('describes each rule kind in Vietnamese', () => {
    expect(leafRuleSummaryVi(leaf('1.1', 2, manual(0.25)))).toBe('Tự chấm từ 0 đến 2 điểm, bước 0,25');
    expect(leafRuleSummaryVi(leaf('1.1', 1.5, yesNo))).toBe('Đạt: 1,5 điểm; không đạt: 0 điểm');
    expect(leafRuleSummaryVi(leaf('1.1', 3, survey))).toBe('Chấm qua điều tra xã hội học, cơ quan không tự chấm');
    expect(leafRuleSummaryVi(leaf('1.1', 2, { kind: 'deduction', occurrenceLabel: 'báo cáo chậm', perOccurrence: 0.25, minPoints: 0 }))).toBe(
      'Tối đa 2 điểm, trừ 0,25 điểm cho mỗi trường hợp (báo cáo chậm); thấp nhất 0 điểm',
    );
    expect(
      leafRuleSummaryVi(
        leaf('1.1', 1, {
          kind: 'rate',
          numeratorLabel: 'hồ sơ đúng hạn',
          denominatorLabel: 'hồ sơ tiếp nhận',
          mode: 'thresholds',
          noCases: 'full',
          tiers: [
            { fromPercent: 0, toPercent: 80, points: 0 },
            { fromPercent: 80, toPercent: 100, points: 1 },
          ],
        }),
      ),
    ).toBe('Chấm theo tỷ lệ hồ sơ đúng hạn / hồ sơ tiếp nhận: từ 0% đến dưới 80%: 0 điểm; từ 80% đến 100%: 1 điểm; không phát sinh trường hợp nào: đạt điểm tối đa');
  });
  it('mentions when the leaf may be marked not applicable', () => {
    expect(leafRuleSummaryVi(leaf('1.1', 1, yesNo, { notApplicableAllowed: true }))).toBe('Đạt: 1 điểm; không đạt: 0 điểm; có thể đánh dấu không áp dụng');
  });
});
