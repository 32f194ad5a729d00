/**
 * Exact points arithmetic. Every point value inside the app is an integer number of
 * thousandths of a point ("milli-points"): 8,75 điểm = 8750. Sums of integers never drift.
 * Rounding to the set's decimals happens only where the set says (leaf results, percentages).
 */
export const MILLI = 1000;

export type RoundingMode = 'half-up' | 'half-even' | 'down';

/** True when `value` is finite and has at most 3 decimals (so it is exact in milli-points). */
export function isMilliExact(value: number): boolean {
  if (!Number.isFinite(value)) return false;
  const scaled = value * MILLI;
  return Math.abs(scaled - Math.round(scaled)) < 1e-6;
}

/** Converts a decimal number of points with at most 3 decimals to milli-points. */
export function toMilli(value: number): number {
  if (!isMilliExact(value)) throw new RangeError(`not a number of thousandths: ${value}`);
  const m = Math.round(value * MILLI);
  return m === 0 ? 0 : m;
}

/** Converts milli-points back to a JS number (for display and JSON only, never for sums). */
export function fromMilli(milli: number): number {
  return milli / MILLI;
}

/**
 * Integer division num/den rounded by `mode` (den > 0). Works on safe integers; negative
 * numerators round symmetrically (half-up = away from zero at .5, down = toward zero).
 */
export function divRound(num: number, den: number, mode: RoundingMode): number {
  if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den) || den <= 0) {
    throw new RangeError(`divRound needs safe integers and den > 0: ${num}/${den}`);
  }
  const sign = num < 0 ? -1 : 1;
  const n = Math.abs(num);
  let q = Math.floor(n / den);
  const r = n - q * den;
  if (mode !== 'down') {
    const twice = 2 * r;
    if (twice > den) q += 1;
    else if (twice === den && (mode === 'half-up' || q % 2 === 1)) q += 1;
  }
  const result = sign * q;
  return result === 0 ? 0 : result;
}

/** Rounds milli-points to `decimals` (0..3) decimal places of a point, staying in milli-points. */
export function roundMilli(milli: number, decimals: number, mode: RoundingMode): number {
  const unit = 10 ** (3 - decimals);
  return divRound(milli, unit, mode) * unit;
}

/**
 * Percentage points ÷ max × 100, returned in hundredths-of-a-percent scaled by 10^decimals
 * as an integer and as a number: percent(68320, 84000, 2) = 81.33.
 */
export function percentOf(pointsMilli: number, maxMilli: number, decimals: number, mode: RoundingMode): number {
  if (maxMilli <= 0) return 0;
  const scale = 10 ** decimals;
  return divRound(pointsMilli * 100 * scale, maxMilli, mode) / scale;
}

/** Greatest common multiple check: does `step` divide `max` exactly (both in milli)? */
export function divides(stepMilli: number, maxMilli: number): boolean {
  return stepMilli > 0 && maxMilli % stepMilli === 0;
}
