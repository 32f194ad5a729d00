/** What the crash writer stores for counter n, so the parent can check every row is whole. */
import type { AnswerRow } from '../../main/store/queries/answers';

export const CRASH_ASSESSMENT_ID = 1;
/** Counters of run r are r·CRASH_RANGE + 0…CRASH_RANGE−1; the writer stops at the end of its range. */
export const CRASH_RANGE = 100_000;
const BASE_MS = Date.UTC(2026, 0, 1);

export const crashStamp = (n: number): string => new Date(BASE_MS + n * 1000).toISOString();
export const crashCode = (n: number): string => String(n);

/** Sizes vary, and every 7th explanation spans several pages (overflow chains), to catch torn rows. */
export function crashExplanation(n: number): string {
  const filler = n % 7 === 0 ? 'đ'.repeat(6000 + (n % 5000)) : 'ư'.repeat(n % 300);
  return `Giải trình số ${n}: ${filler} (hết ${n})`;
}

export function crashAnswer(n: number): AnswerRow {
  return {
    assessmentId: CRASH_ASSESSMENT_ID,
    code: crashCode(n),
    input: { kind: 'rate', numerator: n, denominator: n + 1 },
    notApplicable: n % 2 === 1,
    explanation: crashExplanation(n),
    pointsMilli: n % 1000,
    updatedAt: crashStamp(n),
  };
}
