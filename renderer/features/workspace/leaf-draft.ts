/**
 * What the officer is typing for one leaf (raw text, so "8," survives while typing) and how it
 * turns into a rule input. Invalid or incomplete text yields messages and no input to save.
 */
import type { AnswerInput, RuleInput } from '../../../shared/domain/answer';
import type { CriteriaNode, Rounding } from '../../../shared/domain/criteria-set-schema';
import { roundMilli, toMilli } from '../../../shared/domain/points';
import { formatDecimalVi, formatPointsVi, parseCountVi, parseDecimalVi } from '../../../shared/format/numbers';
import type { TFunction } from '../../i18n/message-types';

export interface LeafDraft {
  score: string;
  achieved: boolean | null;
  levelId: string | null;
  numerator: string;
  denominator: string;
  occurrences: string;
  notApplicable: boolean;
  explanation: string;
}

export type DraftField = 'score' | 'numerator' | 'denominator' | 'occurrences';
export type DraftErrors = Partial<Record<DraftField, string>>;

export interface ParsedDraft {
  /** The rule input, or null when nothing is entered; undefined when invalid or incomplete. */
  input: RuleInput | null | undefined;
  errors: DraftErrors;
}

export function draftFromAnswer(answer: AnswerInput | undefined): LeafDraft {
  const input = answer?.input ?? null;
  return {
    score: input?.kind === 'manual' ? formatDecimalVi(input.points) : '',
    achieved: input?.kind === 'yesNo' ? input.achieved : null,
    levelId: input?.kind === 'levels' ? input.levelId : null,
    numerator: input?.kind === 'rate' ? String(input.numerator) : '',
    denominator: input?.kind === 'rate' ? String(input.denominator) : '',
    occurrences: input?.kind === 'deduction' ? String(input.occurrences) : '',
    notApplicable: answer?.notApplicable ?? false,
    explanation: answer?.explanation ?? '',
  };
}

export function clearedDraft(draft: LeafDraft): LeafDraft {
  return { ...draftFromAnswer(undefined), notApplicable: draft.notApplicable, explanation: draft.explanation };
}

function countError(text: string, t: TFunction): string | null {
  if (parseCountVi(text).ok) return null;
  return /^\s*[-\u2212]\s*\d/.test(text) ? t('input.negative') : t('input.notCount');
}

function parseManual(leaf: CriteriaNode, step: number, text: string, t: TFunction): ParsedDraft {
  if (text.trim() === '') return { input: null, errors: {} };
  const parsed = parseDecimalVi(text, { allowNegative: true });
  if (!parsed.ok) return { input: undefined, errors: { score: t('input.notNumber') } };
  const maxMilli = toMilli(leaf.maxPoints);
  const milli = Math.round(parsed.value * 1000);
  if (milli < 0) return { input: undefined, errors: { score: t('input.belowZero') } };
  if (milli > maxMilli) return { input: undefined, errors: { score: t('input.aboveMax', { max: formatPointsVi(maxMilli) }) } };
  const stepMilli = Math.round(step * 1000);
  if (stepMilli > 0 && milli % stepMilli !== 0) {
    const example = formatPointsVi(Math.min(maxMilli, Math.floor(milli / stepMilli) * stepMilli));
    return { input: undefined, errors: { score: t('input.offStep', { step: formatDecimalVi(step), example }) } };
  }
  return { input: { kind: 'manual', points: parsed.value }, errors: {} };
}

function parseRate(draft: LeafDraft, labels: { numerator: string; denominator: string }, t: TFunction): ParsedDraft {
  const nEmpty = draft.numerator.trim() === '';
  const dEmpty = draft.denominator.trim() === '';
  if (nEmpty && dEmpty) return { input: null, errors: {} };
  const errors: DraftErrors = {};
  const nError = nEmpty ? null : countError(draft.numerator, t);
  const dError = dEmpty ? null : countError(draft.denominator, t);
  if (nError) errors.numerator = nError;
  if (dError) errors.denominator = dError;
  if (nError || dError || nEmpty || dEmpty) return { input: undefined, errors };
  const numerator = Number(draft.numerator.trim());
  const denominator = Number(draft.denominator.trim());
  if (numerator > denominator) {
    return { input: undefined, errors: { numerator: t('input.numeratorAboveDenominator', { numerator: labels.numerator, denominator: labels.denominator, value: denominator }) } };
  }
  return { input: { kind: 'rate', numerator, denominator }, errors: {} };
}

/** Turns the draft into the rule input of `leaf`, or messages beside the fields that are wrong. */
export function parseDraft(leaf: CriteriaNode, draft: LeafDraft, t: TFunction): ParsedDraft {
  const rule = leaf.rule;
  switch (rule?.kind) {
    case 'manual':
      return parseManual(leaf, rule.step, draft.score, t);
    case 'yesNo':
      return { input: draft.achieved === null ? null : { kind: 'yesNo', achieved: draft.achieved }, errors: {} };
    case 'levels':
      return { input: draft.levelId === null ? null : { kind: 'levels', levelId: draft.levelId }, errors: {} };
    case 'rate':
      return parseRate(draft, { numerator: rule.numeratorLabel, denominator: rule.denominatorLabel }, t);
    case 'deduction': {
      if (draft.occurrences.trim() === '') return { input: null, errors: {} };
      const error = countError(draft.occurrences, t);
      if (error) return { input: undefined, errors: { occurrences: error } };
      return { input: { kind: 'deduction', occurrences: Number(draft.occurrences.trim()) }, errors: {} };
    }
    default:
      return { input: null, errors: {} };
  }
}

/** The text the officer typed for the leaf's rule (shown as "not saved" when the rule refuses it). */
export function typedText(leaf: CriteriaNode, draft: LeafDraft): string {
  switch (leaf.rule?.kind) {
    case 'manual':
      return draft.score.trim();
    case 'rate':
      return `${draft.numerator.trim() || '…'} / ${draft.denominator.trim() || '…'}`;
    case 'deduction':
      return draft.occurrences.trim();
    default:
      return '';
  }
}

/**
 * A decimal score worth showing as an example of what can be typed ("1,75" on a 0–2 item in steps
 * of 0,25), or null when no decimal is allowed (integer steps): the hint then says nothing of decimals.
 */
export function decimalExampleMilli(maxMilli: number, stepMilli: number): number | null {
  if (stepMilli <= 0) return maxMilli > 1000 ? maxMilli - 500 : null;
  for (let m = maxMilli - stepMilli, i = 0; m > 0 && i < 10_000; m -= stepMilli, i += 1) if (m % 1000 !== 0) return m;
  return null;
}

/** The rate as a percentage rounded the way the set rounds points (71,428… → "71,43" with two
 *  decimals half-up, so it agrees with the 1,43 points beside it). */
export function ratePercentText(ratePercent: number, rounding: Rounding): string {
  return formatPointsVi(roundMilli(Math.round(ratePercent * 1000), rounding.decimals, rounding.mode));
}
