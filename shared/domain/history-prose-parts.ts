/** The small pieces history-prose.ts builds its words from: values as an officer reads them
 *  (numbers with a decimal comma, dates dd/mm/yyyy, texts in quotes, "(trống)" for nothing). */
import { formatDateVi } from '../format/dates';
import { formatDecimalVi } from '../format/numbers';

/** One thing that changed: a field with its value before and/or after, or a sentence (label only). */
export interface ChangePart {
  label: string;
  before?: string;
  after?: string;
}

export type Rec = Record<string, unknown>;

/** What an empty text, list or missing value reads as. */
export const EMPTY = '(trống)';

export const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

export const num = (v: unknown): string => (typeof v === 'number' && Number.isFinite(v) ? formatDecimalVi(v) : v === undefined || v === null ? EMPTY : String(v));

export const str = (v: unknown): string => (typeof v === 'string' ? (v.trim() === '' ? EMPTY : v) : v === undefined || v === null ? EMPTY : JSON.stringify(v));

export const quote = (v: unknown): string => (typeof v === 'string' ? (v.trim() === '' ? EMPTY : `“${v}”`) : str(v));

export const bool = (v: unknown): string => (v === true ? 'có' : 'không');

/** "2027-01-10" → "10/01/2027"; anything else as it is. */
export function dateVi(v: unknown): string {
  if (typeof v !== 'string') return str(v);
  try {
    return formatDateVi(v);
  } catch {
    return v;
  }
}

export function list(v: unknown, each: (x: unknown) => string, sep: string): string {
  if (!Array.isArray(v)) return str(v);
  return v.length === 0 ? '(không có)' : v.map(each).join(sep);
}

/** [key in the recorded JSON, label, how its value reads]. */
export type Field = [string, string, (v: unknown) => string];

/** The fields whose reading differs between before and after. */
export function diffFields(fields: readonly Field[], before: Rec, after: Rec): ChangePart[] {
  const parts: ChangePart[] = [];
  for (const [key, label, show] of fields) {
    const b = key in before ? show(before[key]) : EMPTY;
    const a = key in after ? show(after[key]) : EMPTY;
    if (b !== a) parts.push({ label, before: b, after: a });
  }
  return parts;
}
