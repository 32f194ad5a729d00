/** Small criteria sets and answers built inline for the scoring tests. */
import type { AnswerInput, RuleInput } from '../../shared/domain/answer';
import {
  CRITERIA_SET_FORMAT,
  criteriaSetSchema,
  type CriteriaNode,
  type CriteriaSet,
  type Rounding,
  type ScoringRule,
} from '../../shared/domain/criteria-set-schema';

export const CLASSES_VI = [
  { name: 'Xuất sắc', minPercent: 90 },
  { name: 'Tốt', minPercent: 80 },
  { name: 'Khá', minPercent: 65 },
  { name: 'Trung bình', minPercent: 50 },
  { name: 'Yếu', minPercent: 0 },
];

/** A leaf with a rule; `extra` may allow N/A. */
export function leaf(code: string, maxPoints: number, rule: ScoringRule, extra: Partial<CriteriaNode> = {}): CriteriaNode {
  return { code, title: `Tiêu chí ${code}`, maxPoints, rule, ...extra };
}

/** A parent whose maximum is the exact sum of its children's maxima. */
export function group(code: string, children: CriteriaNode[]): CriteriaNode {
  const milli = children.reduce((s, c) => s + Math.round(c.maxPoints * 1000), 0);
  return { code, title: `Nhóm ${code}`, maxPoints: milli / 1000, children };
}

export const manual = (step: number): ScoringRule => ({ kind: 'manual', step });
export const yesNo: ScoringRule = { kind: 'yesNo' };
export const survey: ScoringRule = { kind: 'survey' };

export interface SetOptions {
  rounding?: Rounding;
  classes?: CriteriaSet['classes'];
  adjustments?: CriteriaSet['adjustments'];
}

/** A schema-valid set around the given fields (parsed, so a malformed test set fails loudly). */
export function makeSet(fields: CriteriaNode[], options: SetOptions = {}): CriteriaSet {
  const totalMilli = fields.reduce((s, f) => s + Math.round(f.maxPoints * 1000), 0);
  return criteriaSetSchema.parse({
    format: CRITERIA_SET_FORMAT,
    id: 'test-set',
    title: 'Bộ chỉ số thử nghiệm',
    level: 'department',
    year: 2025,
    issuer: 'Sở Nội vụ (thử nghiệm)',
    legalBasis: [],
    status: 'sample',
    rounding: options.rounding ?? { decimals: 2, mode: 'half-up' },
    classes: options.classes ?? CLASSES_VI,
    totalMaxPoints: totalMilli / 1000,
    fields,
    ...(options.adjustments ? { adjustments: options.adjustments } : {}),
  });
}

/** An answer with an input (explanation given, so it never needs one unless a test says so). */
export function given(input: RuleInput, explanation = 'Có tài liệu kèm theo'): AnswerInput {
  return { input, notApplicable: false, explanation };
}

export const notApplicable: AnswerInput = { input: null, notApplicable: true, explanation: 'Không có nhiệm vụ này' };
export const blank: AnswerInput = { input: null, notApplicable: false, explanation: '' };

export const points = (p: number, explanation?: string): AnswerInput => given({ kind: 'manual', points: p }, explanation);
export const achieved = (yes: boolean, explanation?: string): AnswerInput => given({ kind: 'yesNo', achieved: yes }, explanation);
export const level = (levelId: string): AnswerInput => given({ kind: 'levels', levelId });
export const rate = (numerator: number, denominator: number): AnswerInput => given({ kind: 'rate', numerator, denominator });
export const occurrences = (n: number): AnswerInput => given({ kind: 'deduction', occurrences: n });

export const answersOf = (entries: Record<string, AnswerInput>): Map<string, AnswerInput> => new Map(Object.entries(entries));
