/**
 * Generated hostile payloads for the fuzz tests (fast-check): from a channel's valid-looking base
 * payload, mostly invalid variants — wrong types, extra keys, huge strings, deep nesting, Unicode
 * edge cases, ids that look valid but name nothing (or another agency's record) — plus plain junk.
 * Large values are built once and reused so 10,000 payloads per channel stay fast.
 */
import fc from 'fast-check';

export type Payload = unknown;
export type Base = Record<string, unknown>;

function nested(depth: number, kind: 'array' | 'object'): unknown {
  let v: unknown = 0;
  for (let i = 0; i < depth; i++) v = kind === 'array' ? [v] : { a: v };
  return v;
}

/** Values that no field of ours accepts as-is, or accepts only after checks that must hold. */
const HUGE = ['x'.repeat(2 * 1024 * 1024 + 1), 'ạ'.repeat(300_000), '\u0000'.repeat(70_000)];
const DEEP = [nested(5000, 'array'), nested(5000, 'object'), nested(64, 'array')];
export const UNICODE_EDGES = [
  '',
  ' ',
  '\u0000',
  '\uD800', // a lone surrogate
  '\uDFFF\uD800',
  '\u202Ecod.exe',
  '\u200B\u200D\uFEFF',
  'e\u0301\u0301\u0301\u0301',
  'ſ',
  'ﬁ',
  'İ',
  '𝔸𝕓𝕔',
  '../../etc/passwd',
  'C:\\Windows\\win.ini',
  '%00',
  '%2e%2e%2f',
  '__proto__',
  'constructor',
  '1.1.1\n',
  ' 1.1.1',
  'Ⅷ',
  '١٢٣',
  '\r\n',
  'SỞ NỘI VỤ'.normalize('NFD'),
];
const ODD_NUMBERS = [0, -1, -0, 0.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 53, NaN, Infinity, -Infinity, 1e-320];

const oddString = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 3, arbitrary: fc.constantFrom(...UNICODE_EDGES) },
  { weight: 1, arbitrary: fc.constantFrom(...HUGE) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
);

/** Any JSON-ish value, including the big and deep ones. */
export const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: oddString },
  { weight: 3, arbitrary: fc.constantFrom(...ODD_NUMBERS) },
  { weight: 2, arbitrary: fc.integer() },
  { weight: 2, arbitrary: fc.constantFrom(null, undefined, true, false, [], {}) },
  { weight: 2, arbitrary: fc.anything({ maxDepth: 2, maxKeys: 3, withNullPrototype: true, withBigInt: true, withDate: true, withMap: true }) },
  { weight: 1, arbitrary: fc.constantFrom(...DEEP) },
);

/** Ids that look valid: a positive integer naming nothing here, or the given real ids. */
export function idLike(realIds: readonly number[]): fc.Arbitrary<number> {
  const absent = fc.oneof(fc.integer({ min: 100_000, max: 2 ** 31 }), fc.constantFrom(999_999, 2 ** 31 - 1, Number.MAX_SAFE_INTEGER));
  // Mostly absent: a real id on a read channel means a full (slower) answer, and 1 in 5 is plenty.
  return realIds.length === 0 ? absent : fc.oneof({ weight: 4, arbitrary: absent }, { weight: 1, arbitrary: fc.constantFrom(...realIds) });
}

/** Variants of `base`: one field of the wrong type, an extra key, a field missing, the whole
 *  payload replaced by junk, or (rarely) the base with one field re-drawn from `fields`. */
export function hostileVariants(base: Base, fields: Partial<Record<string, fc.Arbitrary<unknown>>> = {}): fc.Arbitrary<Payload> {
  const keys = Object.keys(base);
  const extraKey = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'toString', 'id ', 'Id')).filter((k) => !keys.includes(k));
  const variants: fc.WeightedArbitrary<Payload>[] = [
    { weight: 3, arbitrary: fc.tuple(extraKey, oddValue).map(([k, v]) => Object.defineProperty({ ...base }, k, { value: v, enumerable: true })) },
    { weight: 3, arbitrary: oddValue },
    { weight: 1, arbitrary: fc.constantFrom(JSON.stringify(base), [base], Object.create(base) as unknown) },
  ];
  if (keys.length > 0) {
    variants.push({ weight: 5, arbitrary: fc.tuple(fc.constantFrom(...keys), oddValue).map(([k, v]) => ({ ...base, [k]: v })) });
    variants.push({ weight: 1, arbitrary: fc.constantFrom(...keys).map((k) => Object.fromEntries(Object.entries(base).filter(([key]) => key !== k))) });
  }
  const drawable = Object.entries(fields).filter((e): e is [string, fc.Arbitrary<unknown>] => e[1] !== undefined);
  if (drawable.length > 0) {
    const redraw = fc.oneof(...drawable.map(([k, arb]) => arb.map((v) => ({ ...base, [k]: v }))));
    variants.push({ weight: 2, arbitrary: redraw });
  }
  return fc.oneof(...variants);
}

const ENGLISH = /\b(expected|invalid|required|received|must|string|number|object|array|undefined|unrecognized|too (big|small)|error|cannot|failed|not found)\b/i;
const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵđ]/i;

/** Why a refusal message is not plain Vietnamese, or null when it is. Quoted user input in the
 *  message (between quotes) is left out of the check. */
export function notVietnamese(message: unknown): string | null {
  if (typeof message !== 'string' || message.trim() === '') return 'no message';
  const own = message.replace(/"[^"]*"|“[^”]*”|'[^']*'/g, '');
  if (ENGLISH.test(own)) return `English text: ${message.slice(0, 200)}`;
  if (!VIETNAMESE.test(own)) return `not Vietnamese: ${message.slice(0, 200)}`;
  return null;
}

/** A short, printable account of a payload (huge and deep values summarised). */
export function describe(payload: unknown): string {
  try {
    const text = JSON.stringify(payload, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
    return text === undefined ? String(payload) : text.length > 300 ? `${text.slice(0, 300)}… (${text.length} characters)` : text;
  } catch {
    return fc.stringify(payload).slice(0, 300);
  }
}

/** A new seed each run (printed, and in every failure) unless PAR_FUZZ_SEED repeats one. */
export const FUZZ_SEED = Number(process.env.PAR_FUZZ_SEED ?? Date.now() % 2 ** 31);
