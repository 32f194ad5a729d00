/** One minus sign everywhere: the screen, the report and spreadsheets write MINUS (ASCII "-"), so a
 *  reviewer never sees "-0,5" beside "−0,75". Typing or pasting U+2212 is still understood. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatPointsVi, MINUS, parseDecimalVi, signedPointsVi } from '../../../shared/format/numbers';
import { repoRoot } from '../../helpers/web-server-process';

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(e.name) ? [full] : [];
  });
}

describe('the minus sign', () => {
  it('is written one way by the shared formatters', () => {
    expect(MINUS).toBe('-');
    expect(formatPointsVi(-250)).toBe(`${MINUS}0,25`);
    expect(signedPointsVi('-', 750)).toBe(`${MINUS}0,75`);
    expect(signedPointsVi('+', 500)).toBe('+0,5');
    expect(signedPointsVi('-', 0)).toBe('0');
    expect(parseDecimalVi('\u22120,5', { allowNegative: true })).toEqual({ ok: true, value: -0.5 });
  });

  it('is never typed as U+2212 in what the screens and the report write', () => {
    const offenders = ['renderer', 'main']
      .flatMap((d) => sourceFiles(path.join(repoRoot, d)))
      .filter((f) => fs.readFileSync(f, 'utf8').includes('\u2212'))
      .map((f) => path.relative(repoRoot, f));
    expect(offenders, 'use MINUS or signedPointsVi from shared/format/numbers.ts').toEqual([]);
  });
});
