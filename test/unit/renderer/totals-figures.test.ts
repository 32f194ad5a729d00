/** The totals bar adds up: N/A and survey leaves are counted apart from "Đã chấm"/"Chưa chấm", and
 *  the class is shown as final only once every self-scored leaf is answered. */
import { describe, expect, it } from 'vitest';
import { totalsFigures } from '../../../renderer/features/workspace/totals-figures';
import { vi, type MessageKey } from '../../../renderer/i18n/vi';
import { computeTotals } from '../../../shared/domain/scoring';
import { answersOf, leaf, makeSet, manual, notApplicable, points, survey } from '../../helpers/scoring-sets';

const t = (key: MessageKey, params: Record<string, string | number> = {}) => vi[key].replace(/\{(\w+)\}/g, (w, n: string) => (n in params ? String(params[n]) : w));
const set = makeSet([
  { code: '1', title: 'Lĩnh vực 1', maxPoints: 5, children: [leaf('1.1', 1, manual(0.25)), leaf('1.2', 1, manual(0.25), { notApplicableAllowed: true }), leaf('1.3', 1, manual(0.25)), leaf('1.4', 2, survey)] },
]);
const shown = (answers: Parameters<typeof answersOf>[0]) =>
  Object.fromEntries(totalsFigures(computeTotals(set, answersOf(answers)), false, t).map((f) => [vi[f.key], f.value]));

describe('totals figures', () => {
  it('counts N/A and survey leaves apart, so answered + unanswered is what is left to self-score', () => {
    const figures = shown({ '1.1': points(1), '1.2': notApplicable, '1.3': points(0.5) });
    expect(figures['Đã chấm']).toBe('2/2');
    expect(figures['Chưa chấm']).toBe('0');
    expect(figures['Không áp dụng']).toBe('1');
    expect(figures['Điều tra XHH']).toBe('1');
    expect(figures['Xếp loại']).not.toMatch(/tạm tính/);
  });

  it('labels the class provisional until every self-scored leaf is answered, and shows none before any', () => {
    expect(shown({})['Xếp loại']).toBe('— (chưa chấm)');
    expect(shown({})['Đã chấm']).toBe('0/3');
    expect(shown({ '1.1': points(1) })['Xếp loại']).toMatch(/^.+ \(tạm tính\)$/);
  });
});
