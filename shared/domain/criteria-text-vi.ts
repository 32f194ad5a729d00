/**
 * The Vietnamese text forms of a criteria set's values, as an officer writes them in a
 * spreadsheet or a form: numbers with a decimal comma ("0,5"; "0.5" is refused, see
 * parseDecimalVi's commaOnly), levels (`Đúng hạn = 1; Chậm = 0,5; Không ban hành = 0`), rate
 * tiers (`100% = 2; 80% - dưới 100% = 1; dưới 80% = 0`), level ids and Có/Không. Each parser
 * returns the value or a Vietnamese message; each printer gives back text that parses to the same
 * value. Used by the .xlsx template and meant for the set editor too.
 */
import { formatDecimalVi, parseDecimalVi } from '../format/numbers';
import { foldVi } from '../format/search-fold';
import { isExactHundredTier, type RateTier } from './criteria-set-schema';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(message: string): Parsed<T> => ({ ok: false, message });

/** A number of points (or a percent) written with a decimal comma, at most 3 decimals. */
export function parseNumberVi(text: string, allowNegative = false): Parsed<number> {
  const parsed = parseDecimalVi(text, { allowNegative, commaOnly: true });
  return parsed.ok ? ok(parsed.value) : fail(parsed.message);
}

export function printNumberVi(value: number): string {
  return formatDecimalVi(value);
}

/** Entries of a list written with ";" or line breaks between them; blank entries are skipped. */
function entriesOf(text: string): string[] {
  return text
    .split(/[;\n\r]+/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

export interface LevelText {
  label: string;
  points: number;
}

export const LEVELS_EXAMPLE = 'Đúng hạn = 1; Chậm = 0,5; Không ban hành = 0';

/** `Đúng hạn = 1; Chậm = 0,5; Không ban hành = 0` → the labels and points, in the written order. */
export function parseLevelsVi(text: string): Parsed<LevelText[]> {
  const levels: LevelText[] = [];
  for (const entry of entriesOf(text)) {
    const equals = entry.lastIndexOf('=');
    const label = equals < 0 ? '' : entry.slice(0, equals).trim().normalize('NFC');
    if (equals < 0 || label === '') {
      return fail(`Mức "${entry}" chưa đúng dạng "tên mức = điểm"; ví dụ: ${LEVELS_EXAMPLE}`);
    }
    const points = parseNumberVi(entry.slice(equals + 1));
    if (!points.ok) return fail(`Mức "${label}": ${points.message}`);
    levels.push({ label, points: points.value });
  }
  if (levels.length === 0) return fail(`Chưa ghi các mức; ví dụ: ${LEVELS_EXAMPLE}`);
  return ok(levels);
}

/** The printed form, or a message when a label cannot be written in it (";" or a line break). */
export function printLevelsVi(levels: readonly LevelText[]): Parsed<string> {
  const awkward = levels.find((level) => /[;\n\r]/.test(level.label));
  if (awkward) return fail(`Tên mức "${awkward.label}" có dấu chấm phẩy hoặc xuống dòng nên không ghi được vào ô "Các mức".`);
  return ok(levels.map((level) => `${level.label} = ${printNumberVi(level.points)}`).join('; '));
}

const LEVEL_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** The id a level gets when the file gives none: its label folded ("Đúng hạn" → "dung-han"). */
export function levelIdFromLabel(label: string): string {
  const slug = foldVi(label)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug === '' ? 'muc' : slug;
}

/** Ids for `labels`, made unique by a suffix ("cham", "cham-2"). */
export function levelIdsFromLabels(labels: readonly string[]): string[] {
  const used = new Set<string>();
  return labels.map((label) => {
    const base = levelIdFromLabel(label);
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base.slice(0, 37)}-${n}`;
    used.add(id);
    return id;
  });
}

/** `dung-han; cham; khong` → the ids, which must match the number of levels. */
export function parseLevelIds(text: string, count: number): Parsed<string[]> {
  const ids = entriesOf(text);
  const bad = ids.find((id) => !LEVEL_ID.test(id));
  if (bad !== undefined) return fail(`Mã mức "${bad}" chỉ được gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ dung-han.`);
  if (ids.length !== count) return fail(`Có ${ids.length} mã mức nhưng ${count} mức; hãy ghi mỗi mức một mã, cách nhau bằng dấu chấm phẩy.`);
  return ok(ids);
}

/** The ids as text, or '' when they are exactly the ones the labels give (so the cell stays empty). */
export function printLevelIds(levels: readonly { id: string; label: string }[]): string {
  const generated = levelIdsFromLabels(levels.map((level) => level.label));
  return levels.every((level, i) => level.id === generated[i]) ? '' : levels.map((level) => level.id).join('; ');
}

export const TIERS_EXAMPLE = '100% = 2; 80% - dưới 100% = 1; dưới 80% = 0';

const PERCENT = String.raw`(\d+(?:[.,]\d+)?)\s*%?`;
const TIER_FORMS: { pattern: RegExp; make: (a: number, b: number) => Parsed<Omit<RateTier, 'points'>> }[] = [
  // "dưới 80%": from 0 to below 80
  { pattern: new RegExp(`^duoi ${PERCENT}$`), make: (to) => ok({ fromPercent: 0, toPercent: to }) },
  // "từ 90% trở lên": from 90 up to 100 inclusive
  { pattern: new RegExp(`^(?:tu )?${PERCENT} tro len$`), make: (from) => ok({ fromPercent: from, toPercent: 100 }) },
  // "80% - dưới 100%", "từ 80% đến dưới 100%"
  { pattern: new RegExp(`^(?:tu )?${PERCENT} ?(?:-|den) ?duoi ${PERCENT}$`), make: (from, to) => ok({ fromPercent: from, toPercent: to }) },
  // "90% - 100%", "từ 90% đến 100%": only the top tier can include its upper bound
  {
    pattern: new RegExp(`^(?:tu )?${PERCENT} ?(?:-|den) ?${PERCENT}$`),
    make: (from, to) =>
      to === 100
        ? ok({ fromPercent: from, toPercent: 100 })
        : fail(`không rõ ${printNumberVi(to)}% thuộc mức nào: hãy viết "${printNumberVi(from)}% - dưới ${printNumberVi(to)}%"`),
  },
  // "100%": exactly 100
  {
    pattern: new RegExp(`^(?:dat |dung )?${PERCENT}$`),
    make: (at) => (at === 100 ? ok({ fromPercent: 100, toPercent: 100 }) : fail(`chỉ mức 100% được ghi một giá trị; hãy ghi một khoảng, ví dụ "${printNumberVi(at)}% - dưới 100%"`)),
  },
];

function parseTierRange(range: string): Parsed<Omit<RateTier, 'points'>> {
  const folded = foldVi(range).replace(/[–—]/g, '-');
  for (const form of TIER_FORMS) {
    const match = form.pattern.exec(folded);
    if (!match) continue;
    const bounds: number[] = [];
    for (const written of match.slice(1)) {
      const value = parseNumberVi(written!);
      if (!value.ok) return fail(value.message);
      if (value.value > 100) return fail(`tỷ lệ ${printNumberVi(value.value)}% lớn hơn 100%`);
      bounds.push(value.value);
    }
    return form.make(bounds[0]!, bounds[1] ?? 0);
  }
  return fail('không đọc được khoảng tỷ lệ');
}

/** `100% = 2; 80% - dưới 100% = 1; dưới 80% = 0` → tiers sorted by rate, lowest first. */
export function parseTiersVi(text: string): Parsed<RateTier[]> {
  const tiers: RateTier[] = [];
  for (const entry of entriesOf(text)) {
    const equals = entry.lastIndexOf('=');
    if (equals < 0) return fail(`Ngưỡng "${entry}" chưa đúng dạng "khoảng tỷ lệ = điểm"; ví dụ: ${TIERS_EXAMPLE}`);
    const range = parseTierRange(entry.slice(0, equals));
    if (!range.ok) return fail(`Ngưỡng "${entry}": ${range.message}; ví dụ: ${TIERS_EXAMPLE}`);
    const points = parseNumberVi(entry.slice(equals + 1));
    if (!points.ok) return fail(`Ngưỡng "${entry}": ${points.message}`);
    tiers.push({ ...range.value, points: points.value });
  }
  if (tiers.length === 0) return fail(`Chưa ghi các ngưỡng tỷ lệ; ví dụ: ${TIERS_EXAMPLE}`);
  return ok(sortTiers(tiers));
}

/** Lowest rate first; the exactly-100 % tier after the one that ends at 100. Stable otherwise. */
function sortTiers(tiers: RateTier[]): RateTier[] {
  const key = (tier: RateTier): number => tier.fromPercent * 2 + (isExactHundredTier(tier) ? 1 : 0);
  return tiers.map((tier, i) => ({ tier, i })).sort((a, b) => key(a.tier) - key(b.tier) || a.i - b.i).map((entry) => entry.tier);
}

function tierRangeText(tier: RateTier, isLast: boolean): string {
  const from = `${printNumberVi(tier.fromPercent)}%`;
  const to = `${printNumberVi(tier.toPercent)}%`;
  if (isExactHundredTier(tier)) return '100%';
  if (isLast && tier.toPercent === 100) return tier.fromPercent === 0 ? `0% - 100%` : `từ ${from} trở lên`;
  if (tier.fromPercent === 0) return `dưới ${to}`;
  return `${from} - dưới ${to}`;
}

/** Highest rate first, as provinces write them. Parses back to the same tiers when they are sorted. */
export function printTiersVi(tiers: readonly RateTier[]): string {
  const last = tiers.length - 1;
  return tiers
    .map((tier, i) => `${tierRangeText(tier, i === last)} = ${printNumberVi(tier.points)}`)
    .reverse()
    .join('; ');
}

/** "Có" / "Không" (also "x", "có", "khong"); empty is "not said". */
export function parseYesNoVi(text: string): Parsed<boolean> {
  const folded = foldVi(text);
  if (folded === 'co' || folded === 'x') return ok(true);
  if (folded === 'khong') return ok(false);
  return fail(`"${text.trim()}" không phải Có hoặc Không.`);
}

export function printYesNoVi(value: boolean): string {
  return value ? 'Có' : 'Không';
}
