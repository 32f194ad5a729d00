/**
 * Live figures of a draft: the sum of each group's children against its own maximum, and the sum
 * of the fields against the set's total; and the preview of one leaf (its rule read as the set
 * will hold it, and the score an example input gives, by the scoring engine itself).
 */
import { parseDecimalVi } from '../../format/numbers';
import type { AnswerInput } from '../answer';
import { scoringRuleSchema, type CriteriaNode, type CriteriaSet, type ScoringRule } from '../criteria-set-schema';
import { isMilliExact, toMilli } from '../points';
import { evaluateLeaf } from '../scoring-leaf';
import type { LeafResult } from '../scoring-types';
import type { CriteriaDraft, DraftNode } from './draft-schema';
import { draftToSetInput } from './draft-to-set';

export interface SumCheck {
  /** Sum of the children's maxima in milli-points; null while one of them is not a number yet. */
  sumMilli: number | null;
  /** The group's own maximum in milli-points; null while it is not a number. */
  maxMilli: number | null;
}

export function typedMilli(typed: string): number | null {
  const parsed = parseDecimalVi(typed);
  return parsed.ok && isMilliExact(parsed.value) ? toMilli(parsed.value) : null;
}

function sumOf(nodes: readonly { maxPoints: string }[]): number | null {
  let sum = 0;
  for (const node of nodes) {
    const milli = typedMilli(node.maxPoints);
    if (milli === null) return null;
    sum += milli;
  }
  return sum;
}

/** For every group (a node with children) by key, and `total` for the fields against the total. */
export function draftSums(draft: CriteriaDraft): Map<string, SumCheck> {
  const sums = new Map<string, SumCheck>();
  const visit = (node: DraftNode): void => {
    if (node.children.length === 0) return;
    sums.set(node.key, { sumMilli: sumOf(node.children), maxMilli: typedMilli(node.maxPoints) });
    node.children.forEach(visit);
  };
  draft.fields.forEach(visit);
  for (const part of [draft.adjustments?.bonus, draft.adjustments?.penalty]) part?.children.forEach(visit);
  sums.set('total', { sumMilli: sumOf(draft.fields), maxMilli: typedMilli(draft.meta.totalMaxPoints) });
  return sums;
}

export type LeafPreview = { ok: true; leaf: CriteriaNode; set: CriteriaSet } | { ok: false };

/** The leaf as the scorer will see it, when its rule and maximum can already be read. */
export function previewLeaf(draft: CriteriaDraft, node: DraftNode): LeafPreview {
  const single: CriteriaDraft = { ...draft, fields: [{ ...node, code: '1', children: [] }], adjustments: null };
  const converted = draftToSetInput(single);
  if (converted.numberIssues.length > 0) return { ok: false };
  const field = (converted.input.fields as Record<string, unknown>[])[0]!;
  const rule = scoringRuleSchema.safeParse(field.rule);
  const maxPoints = field.maxPoints as number;
  if (!rule.success || !isMilliExact(maxPoints)) return { ok: false };
  const leaf: CriteriaNode = {
    code: node.code,
    title: node.title,
    guidance: node.guidance || undefined,
    evidenceHint: node.evidenceHint || undefined,
    maxPoints,
    rule: rule.data as ScoringRule,
    notApplicableAllowed: node.notApplicableAllowed,
  };
  const rounding = { decimals: draft.meta.roundingDecimals, mode: draft.meta.roundingMode };
  const set = { rounding } as CriteriaSet;
  return { ok: true, leaf, set };
}

/** The score the engine gives an example answer on the previewed leaf. */
export function previewScore(preview: Extract<LeafPreview, { ok: true }>, answer: AnswerInput): LeafResult {
  return evaluateLeaf(preview.set, preview.leaf, answer);
}
