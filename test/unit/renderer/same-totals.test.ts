/** The workspace keeps its totals when the evidence list brings the same ones again (so the tree is
 *  not redrawn), and takes new ones when anything differs. */
import { describe, expect, it } from 'vitest';
import { sameTotals } from '../../../renderer/features/workspace/same-totals';
import { computeTotals } from '../../../shared/domain/scoring';
import { answersOf, leaf, makeSet, manual, points } from '../../helpers/scoring-sets';

const set = makeSet([{ code: '1', title: 'Lĩnh vực 1', maxPoints: 2, children: [leaf('1.1', 1, manual(0.25)), leaf('1.2', 1, manual(0.25))] }]);

describe('sameTotals', () => {
  it('is true for totals computed twice from the same answers', () => {
    expect(sameTotals(computeTotals(set, answersOf({ '1.1': points(1) })), computeTotals(set, answersOf({ '1.1': points(1) })))).toBe(true);
  });

  it('is false when one leaf differs', () => {
    expect(sameTotals(computeTotals(set, answersOf({ '1.1': points(1) })), computeTotals(set, answersOf({ '1.1': points(0.75) })))).toBe(false);
    expect(sameTotals(computeTotals(set, answersOf({})), computeTotals(set, answersOf({ '1.2': points(0) })))).toBe(false);
  });
});
