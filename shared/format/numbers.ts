/**
 * Vietnamese number input and output: decimal comma ("8,75"), no thousands separators.
 * Parsing accepts a dot as the decimal separator too (keyboards and Excel habits), but refuses
 * a mix of dots and commas, which can only be a thousands separator and is ambiguous.
 */
import { MILLI, roundMilli } from '../domain/points';

export type ParseResult = { ok: true; value: number } | { ok: false; message: string };

export interface ParseDecimalOptions {
  /** Accept a leading minus sign (default false). */
  allowNegative?: boolean;
  /** Most decimals accepted after trailing zeros are dropped (default 3, the milli-point unit). */
  maxDecimals?: number;
  /**
   * Refuse a dot (default false). Written files (a criteria set's spreadsheet) use the decimal
   * comma only: there "1.5" may be a typo for 1,5 or a thousands separator (1.500), so it is
   * refused rather than guessed.
   */
  commaOnly?: boolean;
}

/** The one minus sign the app writes, on screen, in the report and in spreadsheets: the ASCII
 *  hyphen-minus, which is also what Word, LibreOffice and Excel print for a negative number, so
 *  "-0,5" never stands beside "−0,75". (Parsing still accepts U+2212 typed or pasted.) */
export const MINUS = '-';

const MAX_DIGITS = 12;
const DECIMAL_RE = /^(\d+)(?:[.,](\d+))?$/;
const MINUS_RE = /^[-\u2212]/;

export const NUMBER_MESSAGES = {
  empty: 'Chưa nhập số',
  invalid: 'Số không hợp lệ; nhập ví dụ 8,5',
  thousands: 'Không dùng dấu phân cách hàng nghìn; chỉ dùng một dấu phẩy cho phần thập phân, ví dụ 8,5',
  negative: 'Không được nhập số âm',
  tooLarge: 'Số quá lớn',
  dotDecimal: (text: string) => `"${text}" dùng dấu chấm; hãy dùng dấu phẩy cho phần thập phân, ví dụ 1,5 (không viết 1.5)`,
  tooManyDecimals: (max: number) => `Chỉ được nhập tối đa ${max} chữ số thập phân`,
  countEmpty: 'Chưa nhập số lượng',
  count: 'Số lượng phải là số nguyên không âm',
} as const;

function fail(message: string): ParseResult {
  return { ok: false, message };
}

/** Parses "8,5", "8.5", " 8,50 ", "-0,25" (if allowed) into a number with few decimals. */
export function parseDecimalVi(text: string, options: ParseDecimalOptions = {}): ParseResult {
  const maxDecimals = options.maxDecimals ?? 3;
  let body = text.trim();
  if (body === '') return fail(NUMBER_MESSAGES.empty);
  const negative = MINUS_RE.test(body);
  if (negative) {
    if (!options.allowNegative) return fail(NUMBER_MESSAGES.negative);
    body = body.slice(1);
  }
  if (body.includes('.') && body.includes(',')) return fail(NUMBER_MESSAGES.thousands);
  if (options.commaOnly && body.includes('.')) return fail(NUMBER_MESSAGES.dotDecimal(text.trim()));
  const match = DECIMAL_RE.exec(body);
  if (!match) return fail(NUMBER_MESSAGES.invalid);
  const intPart = match[1]!.replace(/^0+(?=\d)/, '');
  const fracPart = (match[2] ?? '').replace(/0+$/, '');
  if (intPart.length > MAX_DIGITS) return fail(NUMBER_MESSAGES.tooLarge);
  if (fracPart.length > maxDecimals) return fail(NUMBER_MESSAGES.tooManyDecimals(maxDecimals));
  const value = Number(fracPart ? `${intPart}.${fracPart}` : intPart);
  return { ok: true, value: negative && value !== 0 ? -value : value };
}

/** Parses a count (number of files, reports, occurrences): a non-negative integer. */
export function parseCountVi(text: string): ParseResult {
  const body = text.trim();
  if (body === '') return fail(NUMBER_MESSAGES.countEmpty);
  if (!/^\d+$/.test(body)) return fail(NUMBER_MESSAGES.count);
  const value = Number(body);
  if (!Number.isSafeInteger(value) || body.replace(/^0+(?=\d)/, '').length > MAX_DIGITS) {
    return fail(NUMBER_MESSAGES.tooLarge);
  }
  return { ok: true, value };
}

/** Formats an integer scaled by 10^digits with a decimal comma, e.g. (8750, 3) → "8,750". */
function formatScaled(scaled: number, digits: number, trimZeros: boolean): string {
  const negative = scaled < 0;
  const abs = Math.abs(scaled);
  const unit = 10 ** digits;
  const intPart = Math.floor(abs / unit);
  let frac = digits > 0 ? String(abs - intPart * unit).padStart(digits, '0') : '';
  if (trimZeros) frac = frac.replace(/0+$/, '');
  const body = frac ? `${intPart},${frac}` : String(intPart);
  return negative && abs !== 0 ? `${MINUS}${body}` : body;
}

/**
 * Milli-points as Vietnamese text: 8750 → "8,75", 0 → "0", -250 → "-0,25".
 * With `decimals` (0..3) the value is rounded half-up and shown with exactly that many decimals.
 */
export function formatPointsVi(milli: number, decimals?: number): string {
  const m = Math.round(milli);
  if (decimals === undefined) return formatScaled(m, 3, true);
  const rounded = roundMilli(m, decimals, 'half-up') / 10 ** (3 - decimals);
  return formatScaled(rounded, decimals, false);
}

/** A bonus or a penalty with its sign: (+, 500) → "+0,5", (-, 750) → "-0,75", 0 → "0". */
export function signedPointsVi(sign: '+' | '-', milli: number): string {
  if (milli === 0) return '0';
  return `${sign === '+' ? '+' : MINUS}${formatPointsVi(Math.abs(milli))}`;
}

/** A plain decimal from a criteria set (a step, a tier bound) with a decimal comma: 0.25 → "0,25". */
export function formatDecimalVi(value: number): string {
  return formatPointsVi(Math.round(value * MILLI));
}

/** A percentage with exactly `decimals` decimals (default 2): 81.33 → "81,33", 100 → "100,00". */
export function formatPercentVi(percent: number, decimals = 2): string {
  return formatScaled(Math.round(percent * 10 ** decimals), decimals, false);
}

const BYTE_UNITS = ['KB', 'MB', 'GB', 'TB'] as const;

/** A file size in powers of 1024 with a decimal comma: 512 → "512 B" (or "512 byte" with
 *  `byteWord`), 1536 → "1,5 KB", 3.4 MiB → "3,4 MB"; from 100 of a unit on, no decimal ("123 KB"). */
export function formatBytesVi(bytes: number, byteWord = 'B'): string {
  if (bytes < 1024) return `${bytes} ${byteWord}`;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const rounded = value >= 100 ? Math.round(value) : Math.round(value * 10) / 10;
  return `${formatDecimalVi(rounded)} ${BYTE_UNITS[unit]}`;
}
