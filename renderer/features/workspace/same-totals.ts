import type { Totals } from '../../../shared/domain/scoring-types';

/** Do two totals from the backend say the same thing? (Both are built by the same code, so the
 *  order of their keys is the same; comparing the text is exact and takes well under a millisecond.) */
export function sameTotals(a: Totals, b: Totals): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
