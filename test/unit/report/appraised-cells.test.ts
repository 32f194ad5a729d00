/** The difference column of the report with self and appraised scores: shown only where both exist and differ. */
import { describe, expect, it } from 'vitest';
import { differenceText } from '../../../main/report/docx/appraised-cells';

describe('differenceText', () => {
  it('signs the appraised minus the self score with a decimal comma', () => {
    expect(differenceText(1000, 500)).toMatch(/^[-−]0,5$/);
    expect(differenceText(250, 1000)).toBe('+0,75');
  });

  it('is empty where the two agree or one is missing (N/A, survey, unanswered)', () => {
    expect(differenceText(750, 750)).toBe('');
    expect(differenceText(null, 1000)).toBe('');
    expect(differenceText(1000, null)).toBe('');
  });
});
