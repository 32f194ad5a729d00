/**
 * Totals after the appraisal, beside the self-assessed ones (shared/domain/scoring-totals.ts):
 * each criterion takes the council's points where the newest round gave them, else the self score;
 * survey criteria take the survey points, and once they have them their maxima join the applicable
 * maximum, so the index is complete. Criteria the officer marked N/A stay out unless the council
 * scored them. Exact: integer milli-points, the set's rounding for the percentage.
 */
import type { AnswerInput } from '../answer';
import type { CriteriaNode, CriteriaSet } from '../criteria-set-schema';
import { percentOf } from '../points';
import { evaluateLeaf, setMilli } from '../scoring-leaf';
import { classFor } from '../scoring-totals';

export interface AppraisedLeaf {
  code: string;
  /** The self score (null when unanswered, N/A or survey). */
  selfMilli: number | null;
  /** The appraised score (null: N/A, or a survey criterion without survey points yet). */
  appraisedMilli: number | null;
  /** The council gave this score (not just kept the self score). */
  fromCouncil: boolean;
  survey: boolean;
}

export interface AppraisedTotals {
  leaves: Record<string, AppraisedLeaf>;
  /** Appraised sums per group code (fields, criteria) and for the bonus and penalty parts. */
  nodeMilli: Record<string, number>;
  pointsMilli: number;
  applicableMaxMilli: number;
  bonusMilli: number;
  penaltyMilli: number;
  totalMilli: number;
  percent: number;
  className: string;
  /** Survey criteria still without points (the index is incomplete while any remain). */
  surveyMissing: number;
}

type Part = 'main' | 'bonus' | 'penalty';

interface Walk {
  set: CriteriaSet;
  answers: ReadonlyMap<string, AnswerInput>;
  council: ReadonlyMap<string, number>;
  out: AppraisedTotals;
}

function leafOf(leaf: CriteriaNode, w: Walk): { milli: number; excludedMilli: number } {
  const survey = leaf.rule?.kind === 'survey';
  const self = evaluateLeaf(w.set, leaf, w.answers.get(leaf.code));
  const selfMilli = self.state === 'answered' ? self.pointsMilli : null;
  const council = w.council.get(leaf.code);
  const appraisedMilli = council ?? (survey || self.state === 'notApplicable' ? null : (selfMilli ?? 0));
  w.out.leaves[leaf.code] = { code: leaf.code, selfMilli, appraisedMilli, fromCouncil: council !== undefined, survey };
  if (survey && council === undefined) w.out.surveyMissing += 1;
  return { milli: appraisedMilli ?? 0, excludedMilli: appraisedMilli === null ? setMilli(leaf.maxPoints) : 0 };
}

function sumNodes(nodes: readonly CriteriaNode[], w: Walk): { milli: number; excludedMilli: number } {
  const sum = { milli: 0, excludedMilli: 0 };
  for (const node of nodes) {
    const isLeaf = !node.children || node.children.length === 0;
    const t = isLeaf ? leafOf(node, w) : sumNodes(node.children ?? [], w);
    if (!isLeaf) w.out.nodeMilli[node.code] = t.milli;
    sum.milli += t.milli;
    sum.excludedMilli += t.excludedMilli;
  }
  return sum;
}

function partMilli(set: CriteriaSet, part: Exclude<Part, 'main'>, w: Walk): number {
  const p = set.adjustments?.[part];
  if (!p) return 0;
  const milli = Math.min(Math.max(sumNodes(p.children, w).milli, 0), setMilli(p.maxPoints));
  w.out.nodeMilli[p.code] = milli;
  return milli;
}

/** `council`: the appraised points per leaf code (newest round first wins), in milli-points. */
export function computeAppraisedTotals(set: CriteriaSet, answers: ReadonlyMap<string, AnswerInput>, council: ReadonlyMap<string, number>): AppraisedTotals {
  const out: AppraisedTotals = {
    leaves: {},
    nodeMilli: {},
    pointsMilli: 0,
    applicableMaxMilli: 0,
    bonusMilli: 0,
    penaltyMilli: 0,
    totalMilli: 0,
    percent: 0,
    className: '',
    surveyMissing: 0,
  };
  const w: Walk = { set, answers, council, out };
  const main = sumNodes(set.fields, w);
  const maxMilli = set.fields.reduce((s, f) => s + setMilli(f.maxPoints), 0);
  out.pointsMilli = main.milli;
  out.applicableMaxMilli = maxMilli - main.excludedMilli;
  out.bonusMilli = partMilli(set, 'bonus', w);
  out.penaltyMilli = partMilli(set, 'penalty', w);
  out.totalMilli = out.pointsMilli + out.bonusMilli - out.penaltyMilli;
  const counted = (set.adjustments?.countInPercent ?? true) ? out.totalMilli : out.pointsMilli;
  out.percent = percentOf(counted, out.applicableMaxMilli, 2, set.rounding.mode);
  out.className = classFor(set.classes, out.percent);
  return out;
}
