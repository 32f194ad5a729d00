import { describe, expect, it } from 'vitest';
import type { AnswerInput } from '../../../shared/domain/answer';
import type { CriteriaNode, CriteriaSet, ScoringRule } from '../../../shared/domain/criteria-set-schema';
import { computeTotals } from '../../../shared/domain/scoring';
import {
  achieved,
  answersOf,
  blank,
  group,
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

const NA = { notApplicableAllowed: true };
const ded: ScoringRule = { kind: 'deduction', occurrenceLabel: 'báo cáo chậm', perOccurrence: 0.5, minPoints: 0 };
const prop: ScoringRule = { kind: 'rate', numeratorLabel: 'hồ sơ đúng hạn', denominatorLabel: 'hồ sơ tiếp nhận', mode: 'proportional', noCases: 'full' };
const levels: ScoringRule = {
  kind: 'levels',
  levels: [
    { id: 'thap', label: 'Thấp', points: 5 },
    { id: 'cao', label: 'Cao', points: 20 },
  ],
};

/**
 * The published case (Thanh Hóa 2023, Ban Dân tộc): 68,32 points over 84 applicable points
 * → 81,33 %. 100 points in all; 16 of them (field 3) do not apply to the agency.
 */
function publishedCaseSet(): CriteriaSet {
  return makeSet([
    group('1', [leaf('1.1', 30, manual(0.01)), leaf('1.2', 10, yesNo)]),
    group('2', [leaf('2.1', 20, levels), leaf('2.2', 20, prop), leaf('2.3', 4, ded)]),
    group('3', [leaf('3.1', 10, yesNo, NA), leaf('3.2', 6, manual(0.5), NA)]),
  ]);
}

describe('computeTotals — the published case 68,32 / 84 → 81,33 %', () => {
  it('reproduces the published percentage and class', () => {
    // 19,32 + 10 + 20 + 15 (3/4 of 20) + 4 = 68,32
    const answers = answersOf({
      '1.1': points(19.32),
      '1.2': achieved(true),
      '2.1': level('cao'),
      '2.2': rate(3, 4),
      '2.3': occurrences(0),
      '3.1': notApplicable,
      '3.2': notApplicable,
    });
    const t = computeTotals(publishedCaseSet(), answers);
    expect(t.pointsMilli).toBe(68_320);
    expect(t.maxMilli).toBe(100_000);
    expect(t.applicableMaxMilli).toBe(84_000);
    expect(t.totalMilli).toBe(68_320);
    expect(t.percent).toBe(81.33);
    expect(t.className).toBe('Tốt');
    expect(t.nodes['3']).toMatchObject({ pointsMilli: 0, maxMilli: 16_000, applicableMaxMilli: 0, mark: 'notApplicable' });
    expect(t.nodes['2']).toMatchObject({ pointsMilli: 39_000, maxMilli: 44_000, applicableMaxMilli: 44_000, mark: 'answered' });
    expect(t).toMatchObject({ leafCount: 7, answeredCount: 5, unansweredCount: 0, needsExplanationCount: 0 });
  });
});

describe('computeTotals — sums and the applicable maximum', () => {
  it('N/A everywhere in a field: its applicable max is 0 and the percentage is over the rest', () => {
    const set = makeSet([group('1', [leaf('1.1', 6, manual(0.5)), leaf('1.2', 4, yesNo)]), group('2', [leaf('2.1', 5, yesNo, NA), leaf('2.2', 5, yesNo, NA)])]);
    const t = computeTotals(set, answersOf({ '1.1': points(4.5), '1.2': achieved(true), '2.1': notApplicable, '2.2': notApplicable }));
    expect(t.nodes['2']).toMatchObject({ applicableMaxMilli: 0, pointsMilli: 0, mark: 'notApplicable', answeredCount: 0, unansweredCount: 0 });
    expect(t.applicableMaxMilli).toBe(10_000);
    expect(t.percent).toBe(85);
  });
  it('survey leaves leave the applicable maximum and are counted apart', () => {
    const set = makeSet([group('1', [leaf('1.1', 6, manual(0.5)), leaf('1.2', 4, survey)]), group('2', [leaf('2.1', 10, survey)])]);
    const t = computeTotals(set, answersOf({ '1.1': points(3) }));
    expect(t).toMatchObject({ maxMilli: 20_000, applicableMaxMilli: 6_000, surveyMaxMilli: 14_000, pointsMilli: 3_000, percent: 50 });
    expect(t.nodes['2']!.mark).toBe('survey');
    expect(t.nodes['1.2']!.mark).toBe('survey');
    expect(t.nodes['1']).toMatchObject({ applicableMaxMilli: 6_000, mark: 'answered', unansweredCount: 0 });
    expect(t.unansweredCodes).toEqual([]);
  });
  it('a node with only survey and N/A leaves is marked not applicable', () => {
    const set = makeSet([group('1', [leaf('1.1', 1, survey), leaf('1.2', 1, yesNo, NA)]), group('2', [leaf('2.1', 1, yesNo)])]);
    const t = computeTotals(set, answersOf({ '1.2': notApplicable, '2.1': achieved(true) }));
    expect(t.nodes['1']!.mark).toBe('notApplicable');
    expect(t.applicableMaxMilli).toBe(1_000);
  });
  it('a rate with no case under policy notApplicable leaves the denominator', () => {
    const naRate: ScoringRule = { ...prop, noCases: 'notApplicable' } as ScoringRule;
    const set = makeSet([group('1', [leaf('1.1', 2, naRate), leaf('1.2', 2, yesNo)])]);
    const t = computeTotals(set, answersOf({ '1.1': rate(0, 0), '1.2': achieved(true) }));
    expect(t).toMatchObject({ applicableMaxMilli: 2_000, pointsMilli: 2_000, percent: 100 });
  });
  it('sums never drift: 1000 leaves of 0,1 add up to exactly 100', () => {
    const fields: CriteriaNode[] = [];
    const answers = new Map<string, AnswerInput>();
    for (let f = 1; f <= 10; f++) {
      const leaves = Array.from({ length: 100 }, (_, i) => leaf(`${f}.${i + 1}`, 0.1, manual(0.1)));
      leaves.forEach((l) => answers.set(l.code, points(0.1)));
      fields.push({ code: String(f), title: `Lĩnh vực ${f}`, maxPoints: 10, children: leaves });
    }
    const floatSum = Array.from({ length: 1000 }, () => 0.1).reduce((a, b) => a + b, 0);
    expect(floatSum).not.toBe(100); // the trap the milli-points avoid
    const t = computeTotals(makeSet(fields), answers);
    expect(t.pointsMilli).toBe(100_000);
    expect(t.maxMilli).toBe(100_000);
    expect(t.percent).toBe(100);
    expect(t.nodes['7']!.pointsMilli).toBe(10_000);
  });
  it('rounds the percentage with the set mode', () => {
    const fields = [group('1', [leaf('1.1', 3, manual(1))])];
    const twoThirds = answersOf({ '1.1': points(2) });
    expect(computeTotals(makeSet(fields), twoThirds).percent).toBe(66.67);
    expect(computeTotals(makeSet(fields, { rounding: { decimals: 2, mode: 'down' } }), twoThirds).percent).toBe(66.66);
  });
  it('gives 0 % and the lowest class when nothing applies', () => {
    const set = makeSet([group('1', [leaf('1.1', 1, yesNo, NA)])]);
    const t = computeTotals(set, answersOf({ '1.1': notApplicable }));
    expect(t).toMatchObject({ applicableMaxMilli: 0, percent: 0, className: 'Yếu' });
  });
  it('ignores answers for codes that are not in the set', () => {
    const set = makeSet([group('1', [leaf('1.1', 1, yesNo)])]);
    const t = computeTotals(set, answersOf({ '1.1': achieved(true), '9.9': points(5) }));
    expect(t.pointsMilli).toBe(1_000);
  });
});

describe('computeTotals — completeness', () => {
  const set = makeSet([group('1', [leaf('1.1', 2, manual(0.5)), leaf('1.2', 1, yesNo), leaf('1.3', 1, yesNo)]), group('2', [leaf('2.1', 2, manual(0.5))])]);
  it('an invalid input counts as unanswered; codes come in tree order', () => {
    const t = computeTotals(set, answersOf({ '1.1': points(1.3), '1.2': achieved(true), '2.1': blank }));
    expect(t.unansweredCodes).toEqual(['1.1', '1.3', '2.1']);
    expect(t).toMatchObject({ pointsMilli: 1_000, answeredCount: 1, unansweredCount: 3, leafCount: 4 });
    expect(t.nodes['1']).toMatchObject({ mark: 'unanswered', answeredCount: 1, unansweredCount: 2 });
    expect(t.nodes['1.1']).toMatchObject({ mark: 'unanswered', pointsMilli: 0 });
  });
  it('a positive self-score with no evidence and a blank explanation needs an explanation', () => {
    const answers = answersOf({
      '1.1': points(1.5, ''),
      '1.2': achieved(true, '   \n'),
      '1.3': achieved(false, ''), // 0 points claims nothing
      '2.1': points(2, ''),
    });
    const evidence = new Map([['2.1', { evidenceCount: 1 }]]);
    const t = computeTotals(set, answers, evidence);
    expect(t.needsExplanationCodes).toEqual(['1.1', '1.2']);
    expect(t.needsExplanationCount).toBe(2);
    expect(t.nodes['1']!.mark).toBe('needsExplanation');
    expect(t.nodes['1.3']!.mark).toBe('answered');
    expect(t.nodes['2']!.mark).toBe('answered');
    expect(computeTotals(set, answers).needsExplanationCodes).toEqual(['1.1', '1.2', '2.1']);
  });
  it('unanswered outranks needs-explanation in a parent mark', () => {
    const t = computeTotals(set, answersOf({ '1.1': points(1.5, ''), '1.2': achieved(true) }));
    expect(t.nodes['1']!.mark).toBe('unanswered');
    expect(t.nodes['1']!.needsExplanationCount).toBe(1);
  });
});

describe('computeTotals — bonus and penalty', () => {
  const adjusted = (countInPercent: boolean) =>
    makeSet([group('1', [leaf('1.1', 10, manual(0.5))])], {
      adjustments: {
        code: '9',
        title: 'Điểm thưởng, điểm trừ',
        countInPercent,
        bonus: { code: '9.1', title: 'Điểm thưởng', maxPoints: 2, children: [leaf('9.1.1', 1.5, yesNo), leaf('9.1.2', 1.5, yesNo)] },
        penalty: { code: '9.2', title: 'Điểm trừ', maxPoints: 1, children: [leaf('9.2.1', 1, manual(0.25)), leaf('9.2.2', 1, manual(0.25))] },
      },
    });
  const answers = answersOf({
    '1.1': points(8),
    '9.1.1': achieved(true),
    '9.1.2': achieved(true),
    '9.2.1': points(0.75, ''),
    '9.2.2': points(0.5, ''),
  });
  it('caps bonus and penalty at their maxima and counts them in the percentage', () => {
    const t = computeTotals(adjusted(true), answers);
    expect(t).toMatchObject({ pointsMilli: 8_000, bonusMilli: 2_000, penaltyMilli: 1_000, totalMilli: 9_000, percent: 90, className: 'Xuất sắc' });
    expect(t.nodes['9.1']).toMatchObject({ pointsMilli: 2_000, maxMilli: 2_000 });
    expect(t.nodes['9.2']).toMatchObject({ pointsMilli: 1_000, maxMilli: 1_000, mark: 'answered' });
    expect(t.nodes['9.2.1']!.pointsMilli).toBe(750);
    expect(t.needsExplanationCodes).toEqual([]); // a penalty is an admission, not a claim
  });
  it('leaves them out of the percentage when the set says so', () => {
    const t = computeTotals(adjusted(false), answers);
    expect(t).toMatchObject({ totalMilli: 9_000, percent: 80, className: 'Tốt' });
  });
  it('under the cap, sums the contents; unanswered adjustments come after the main codes', () => {
    const t = computeTotals(adjusted(true), answersOf({ '9.1.1': achieved(true, ''), '9.2.2': points(0.25) }));
    expect(t).toMatchObject({ bonusMilli: 1_500, penaltyMilli: 250, totalMilli: 1_250 });
    expect(t.unansweredCodes).toEqual(['1.1', '9.1.2', '9.2.1']);
    expect(t.needsExplanationCodes).toEqual(['9.1.1']);
    expect(t.leafCount).toBe(5);
  });
});

describe('computeTotals — classes', () => {
  const set = makeSet([group('1', [leaf('1.1', 100, manual(0.01))])]);
  it.each([
    [100, 'Xuất sắc'],
    [90, 'Xuất sắc'],
    [89.99, 'Tốt'],
    [80, 'Tốt'],
    [79.99, 'Khá'],
    [65, 'Khá'],
    [50, 'Trung bình'],
    [49.99, 'Yếu'],
    [0, 'Yếu'],
  ])('%s %% is %s', (p, name) => {
    const t = computeTotals(set, answersOf({ '1.1': points(p) }));
    expect(t.percent).toBe(p);
    expect(t.className).toBe(name);
  });
  it('a negative total still gets the lowest class', () => {
    const neg = makeSet([group('1', [leaf('1.1', 1, { kind: 'deduction', occurrenceLabel: 'vi phạm', perOccurrence: 1, minPoints: -1 })])]);
    const t = computeTotals(neg, answersOf({ '1.1': occurrences(5) }));
    expect(t).toMatchObject({ pointsMilli: -1_000, percent: -100, className: 'Yếu' });
  });
});
