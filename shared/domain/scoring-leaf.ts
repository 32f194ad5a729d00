/**
 * Scoring of one leaf: the officer's input checked against the leaf's rule and turned into
 * milli-points, rounded to the set's decimals and mode. Pure and exact: integers only.
 */
import type { AnswerInput, RuleInput } from './answer';
import { isExactHundredTier, type CriteriaNode, type CriteriaSet, type RateTier, type Rounding, type ScoringRule } from './criteria-set-schema';
import { MILLI, divRound, isMilliExact, roundMilli } from './points';
import type { LeafResult } from './scoring-types';
import { formatPointsVi } from '../format/numbers';

type RuleOf<K extends ScoringRule['kind']> = Extract<ScoringRule, { kind: K }>;
type InputOf<K extends RuleInput['kind']> = Extract<RuleInput, { kind: K }>;
type RateRule = RuleOf<'rate'>;

interface LeafCtx {
  maxMilli: number;
  rounding: Rounding;
}

export const LEAF_MESSAGES = {
  noRule: 'Tiêu chí chưa có cách chấm điểm trong bộ chỉ số',
  survey: 'Tiêu chí này chấm qua điều tra xã hội học, cơ quan không tự chấm',
  notApplicableRefused: 'Tiêu chí này không được đánh dấu không áp dụng',
  kindMismatch: 'Dữ liệu nhập không khớp cách chấm điểm của tiêu chí',
  manualRange: (maxMilli: number, stepMilli: number) =>
    `Điểm phải từ 0 đến ${formatPointsVi(maxMilli)} và là bội của ${formatPointsVi(stepMilli)}`,
  unknownLevel: (id: string) => `Mức "${id}" không có trong tiêu chí này`,
  noTiers: 'Tiêu chí chấm theo ngưỡng tỷ lệ nhưng bộ chỉ số không có ngưỡng nào',
  noTierForRate: (rate: number) => `Tỷ lệ ${formatPointsVi(Math.round(rate * MILLI))}% không thuộc ngưỡng nào của tiêu chí`,
  rateTooHigh: (rule: RateRule, n: number, d: number) =>
    `${countPhrase(rule.numeratorLabel, true)} (${n}) không được lớn hơn ${countPhrase(rule.denominatorLabel, false)} (${d})`,
} as const;

/** "Số hồ sơ đúng hạn" from a label "hồ sơ đúng hạn" (or the label itself if it starts with "số"). */
function countPhrase(label: string, sentenceStart: boolean): string {
  const text = label.trim().normalize('NFC');
  if (/^số\s/iu.test(text)) return (sentenceStart ? 'S' : 's') + text.slice(1);
  const lowerFirst = /^\p{Lu}\p{Ll}/u.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
  return `${sentenceStart ? 'Số' : 'số'} ${lowerFirst}`;
}

/** Milli-points of a value written in the set (the set validator checks at most 3 decimals). */
export function setMilli(value: number): number {
  const m = Math.round(value * MILLI);
  return m === 0 ? 0 : m;
}

const invalid = (error: string): LeafResult => ({ state: 'invalid', pointsMilli: null, error });
const UNANSWERED: LeafResult = { state: 'unanswered', pointsMilli: null };
const NOT_APPLICABLE: LeafResult = { state: 'notApplicable', pointsMilli: null };

function answered(pointsMilli: number, ctx: LeafCtx): LeafResult {
  return { state: 'answered', pointsMilli: roundMilli(pointsMilli, ctx.rounding.decimals, ctx.rounding.mode) };
}

function scoreManual(rule: RuleOf<'manual'>, input: InputOf<'manual'>, ctx: LeafCtx): LeafResult {
  const stepMilli = setMilli(rule.step);
  const exact = isMilliExact(input.points);
  const p = exact ? Math.round(input.points * MILLI) : NaN;
  const ok = exact && p >= 0 && p <= ctx.maxMilli && stepMilli > 0 && p % stepMilli === 0;
  return ok ? answered(p, ctx) : invalid(LEAF_MESSAGES.manualRange(ctx.maxMilli, stepMilli));
}

function scoreLevels(rule: RuleOf<'levels'>, input: InputOf<'levels'>, ctx: LeafCtx): LeafResult {
  const level = rule.levels.find((l) => l.id === input.levelId);
  return level ? answered(setMilli(level.points), ctx) : invalid(LEAF_MESSAGES.unknownLevel(input.levelId));
}

function scoreDeduction(rule: RuleOf<'deduction'>, input: InputOf<'deduction'>, ctx: LeafCtx): LeafResult {
  const raw = ctx.maxMilli - input.occurrences * setMilli(rule.perOccurrence);
  return answered(Math.max(raw, setMilli(rule.minPoints)), ctx);
}

/** The rate in percent, truncated to 2 decimals (so it never shows a tier bound it did not reach). */
function ratePercentOf(n: number, d: number): number {
  return divRound(n * 100 * 100, d, 'down') / 100;
}

/** points = n/d × max, rounded once, exactly, at the set's decimals. */
function proportionalMilli(n: number, d: number, ctx: LeafCtx): number {
  const unit = 10 ** (3 - ctx.rounding.decimals);
  return divRound(n * ctx.maxMilli, d * unit, ctx.rounding.mode) * unit;
}

/**
 * Does the exact rate n/d fall in [from, to)? The last tier also holds 100 %, and the
 * "exactly 100 %" tier holds 100 % only. Integers only.
 */
function tierContains(tier: RateTier, isLast: boolean, n: number, d: number): boolean {
  if (isExactHundredTier(tier)) return n === d;
  const rateScaled = n * 100 * MILLI; // rate × d, in milli-percent
  const from = setMilli(tier.fromPercent) * d;
  const to = setMilli(tier.toPercent) * d;
  const reachesTop = isLast && setMilli(tier.toPercent) === 100 * MILLI && n === d;
  return rateScaled >= from && (rateScaled < to || reachesTop);
}

function noCasesResult(rule: RateRule, ctx: LeafCtx): LeafResult {
  if (rule.noCases === 'notApplicable') return { ...NOT_APPLICABLE, ratePercent: null };
  return { ...answered(rule.noCases === 'full' ? ctx.maxMilli : 0, ctx), ratePercent: null };
}

function scoreRate(rule: RateRule, input: InputOf<'rate'>, ctx: LeafCtx): LeafResult {
  const { numerator: n, denominator: d } = input;
  if (n > d) return invalid(LEAF_MESSAGES.rateTooHigh(rule, n, d));
  if (d === 0) return noCasesResult(rule, ctx);
  const ratePercent = ratePercentOf(n, d);
  if (rule.mode === 'proportional') return { ...answered(proportionalMilli(n, d, ctx), ctx), ratePercent };
  if (!rule.tiers || rule.tiers.length === 0) return invalid(LEAF_MESSAGES.noTiers);
  const last = rule.tiers.length - 1;
  const tier = rule.tiers.find((t, i) => tierContains(t, i === last, n, d));
  if (!tier) return invalid(LEAF_MESSAGES.noTierForRate(ratePercent));
  return { ...answered(setMilli(tier.points), ctx), ratePercent };
}

function scoreInput(rule: Exclude<ScoringRule, { kind: 'survey' }>, input: RuleInput, ctx: LeafCtx): LeafResult {
  switch (input.kind) {
    case 'manual':
      return rule.kind === 'manual' ? scoreManual(rule, input, ctx) : invalid(LEAF_MESSAGES.kindMismatch);
    case 'yesNo':
      return rule.kind === 'yesNo' ? answered(input.achieved ? ctx.maxMilli : 0, ctx) : invalid(LEAF_MESSAGES.kindMismatch);
    case 'levels':
      return rule.kind === 'levels' ? scoreLevels(rule, input, ctx) : invalid(LEAF_MESSAGES.kindMismatch);
    case 'rate':
      return rule.kind === 'rate' ? scoreRate(rule, input, ctx) : invalid(LEAF_MESSAGES.kindMismatch);
    case 'deduction':
      return rule.kind === 'deduction' ? scoreDeduction(rule, input, ctx) : invalid(LEAF_MESSAGES.kindMismatch);
  }
}

/** A survey leaf is locked: any input or an N/A mark is refused (an explanation alone is kept). */
function evaluateSurvey(answer: AnswerInput | undefined): LeafResult {
  if (answer && (answer.input !== null || answer.notApplicable)) return invalid(LEAF_MESSAGES.survey);
  return { state: 'survey', pointsMilli: null };
}

/** Scores one leaf of `set` from the officer's answer (undefined when nothing was saved). */
export function evaluateLeaf(set: CriteriaSet, leaf: CriteriaNode, answer: AnswerInput | undefined): LeafResult {
  const rule = leaf.rule;
  if (!rule) return invalid(LEAF_MESSAGES.noRule);
  if (rule.kind === 'survey') return evaluateSurvey(answer);
  if (!answer) return UNANSWERED;
  if (answer.notApplicable) return leaf.notApplicableAllowed ? NOT_APPLICABLE : invalid(LEAF_MESSAGES.notApplicableRefused);
  if (answer.input === null) return UNANSWERED;
  return scoreInput(rule, answer.input, { maxMilli: setMilli(leaf.maxPoints), rounding: set.rounding });
}
