/**
 * Totals of an assessment: per-node sums, the applicable maximum (N/A and survey maxima leave
 * the denominator), bonus and penalty under their caps, the percentage and the class.
 * Sums are integer additions of milli-points; totals are always derived, never stored alone.
 */
import type { AnswerInput } from './answer';
import type { AdjustmentPart, CriteriaNode, CriteriaSet, ResultClass } from './criteria-set-schema';
import { percentOf } from './points';
import { evaluateLeaf, setMilli } from './scoring-leaf';
import type { LeafContext, LeafResult, NodeMark, NodeTotal, Totals } from './scoring-types';

type Part = 'main' | 'bonus' | 'penalty';

/** Counts and sums of the leaves below a node (internal; NodeTotal is built from it). */
interface Tally {
  pointsMilli: number;
  /** Maxima of N/A and survey leaves: they leave the applicable maximum. */
  excludedMaxMilli: number;
  surveyMaxMilli: number;
  leafCount: number;
  answeredCount: number;
  unansweredCount: number;
  needsExplanationCount: number;
  notApplicableCount: number;
  surveyCount: number;
}

interface Walk {
  set: CriteriaSet;
  answers: ReadonlyMap<string, AnswerInput>;
  context: ReadonlyMap<string, LeafContext>;
  nodes: Record<string, NodeTotal>;
  unansweredCodes: string[];
  needsExplanationCodes: string[];
}

const emptyTally = (): Tally => ({
  pointsMilli: 0,
  excludedMaxMilli: 0,
  surveyMaxMilli: 0,
  leafCount: 0,
  answeredCount: 0,
  unansweredCount: 0,
  needsExplanationCount: 0,
  notApplicableCount: 0,
  surveyCount: 0,
});

function addInto(target: Tally, t: Tally): Tally {
  for (const key of Object.keys(target) as (keyof Tally)[]) target[key] += t[key];
  return target;
}

/**
 * Every self-score must be backed by evidence or an explanation: an answered leaf with points
 * above zero, no linked evidence and a blank explanation needs one. Penalty contents are
 * admissions of a deduction, not claims, so they never need one.
 */
export function needsExplanation(result: LeafResult, answer: AnswerInput | undefined, ctx: LeafContext | undefined, part: Part): boolean {
  if (part === 'penalty' || result.state !== 'answered' || (result.pointsMilli ?? 0) <= 0) return false;
  return (ctx?.evidenceCount ?? 0) === 0 && (answer?.explanation ?? '').trim() === '';
}

function markOf(t: Tally): NodeMark {
  if (t.leafCount > 0 && t.surveyCount === t.leafCount) return 'survey';
  if (t.leafCount > 0 && t.surveyCount + t.notApplicableCount === t.leafCount) return 'notApplicable';
  if (t.unansweredCount > 0) return 'unanswered';
  if (t.needsExplanationCount > 0) return 'needsExplanation';
  return 'answered';
}

function nodeTotal(code: string, maxMilli: number, t: Tally, pointsMilli = t.pointsMilli, applicableMaxMilli = maxMilli - t.excludedMaxMilli): NodeTotal {
  return {
    code,
    pointsMilli,
    maxMilli,
    applicableMaxMilli,
    leafCount: t.leafCount,
    answeredCount: t.answeredCount,
    unansweredCount: t.unansweredCount,
    needsExplanationCount: t.needsExplanationCount,
    mark: markOf(t),
  };
}

function tallyLeaf(leaf: CriteriaNode, part: Part, w: Walk): Tally {
  const answer = w.answers.get(leaf.code);
  const result = evaluateLeaf(w.set, leaf, answer);
  const maxMilli = setMilli(leaf.maxPoints);
  const t = { ...emptyTally(), leafCount: 1 };
  if (result.state === 'answered') {
    t.pointsMilli = result.pointsMilli ?? 0;
    t.answeredCount = 1;
    if (needsExplanation(result, answer, w.context.get(leaf.code), part)) {
      t.needsExplanationCount = 1;
      w.needsExplanationCodes.push(leaf.code);
    }
  } else if (result.state === 'notApplicable') {
    t.notApplicableCount = 1;
    t.excludedMaxMilli = maxMilli;
  } else if (result.state === 'survey') {
    t.surveyCount = 1;
    t.excludedMaxMilli = maxMilli;
    t.surveyMaxMilli = maxMilli;
  } else {
    // unanswered, or an input the rule rejects: it scores nothing and still has to be done
    t.unansweredCount = 1;
    w.unansweredCodes.push(leaf.code);
  }
  return t;
}

/** Tallies a node (pre-order, so leaf codes come out in tree order) and records its NodeTotal. */
function tallyNode(node: CriteriaNode, part: Part, w: Walk): Tally {
  const isLeaf = !node.children || node.children.length === 0;
  const t = isLeaf ? tallyLeaf(node, part, w) : tallyNodes(node.children ?? [], part, w);
  w.nodes[node.code] = nodeTotal(node.code, setMilli(node.maxPoints), t);
  return t;
}

function tallyNodes(nodes: readonly CriteriaNode[], part: Part, w: Walk): Tally {
  return nodes.reduce((sum, n) => addInto(sum, tallyNode(n, part, w)), emptyTally());
}

const clamp = (value: number, lo: number, hi: number): number => Math.min(Math.max(value, lo), hi);

/** A bonus or penalty part: the sum of its contents, capped by the part's maximum (never below 0). */
function tallyPart(part: AdjustmentPart | undefined, kind: 'bonus' | 'penalty', w: Walk): { milli: number; tally: Tally } {
  if (!part) return { milli: 0, tally: emptyTally() };
  const t = tallyNodes(part.children, kind, w);
  const cap = setMilli(part.maxPoints);
  const childrenMax = part.children.reduce((s, c) => s + setMilli(c.maxPoints), 0);
  const milli = clamp(t.pointsMilli, 0, cap);
  w.nodes[part.code] = nodeTotal(part.code, cap, t, milli, Math.min(cap, childrenMax - t.excludedMaxMilli));
  return { milli, tally: t };
}

/** The class with the highest threshold that the percentage reaches (the lowest class otherwise). */
export function classFor(classes: readonly ResultClass[], percent: number): string {
  const p = setMilli(percent);
  const highestFirst = [...classes].sort((a, b) => b.minPercent - a.minPercent);
  const reached = highestFirst.find((c) => setMilli(c.minPercent) <= p) ?? highestFirst.at(-1);
  return reached?.name ?? '';
}

/** Totals of the set for the given answers (keyed by leaf code) and per-leaf context. */
export function computeTotals(
  set: CriteriaSet,
  answers: ReadonlyMap<string, AnswerInput>,
  context: ReadonlyMap<string, LeafContext> = new Map(),
): Totals {
  const w: Walk = { set, answers, context, nodes: {}, unansweredCodes: [], needsExplanationCodes: [] };
  const main = tallyNodes(set.fields, 'main', w);
  const bonus = tallyPart(set.adjustments?.bonus, 'bonus', w);
  const penalty = tallyPart(set.adjustments?.penalty, 'penalty', w);
  const all = addInto(addInto({ ...main }, bonus.tally), penalty.tally);

  const maxMilli = set.fields.reduce((s, f) => s + setMilli(f.maxPoints), 0);
  const applicableMaxMilli = maxMilli - main.excludedMaxMilli;
  const totalMilli = main.pointsMilli + bonus.milli - penalty.milli;
  const countAdjustments = set.adjustments?.countInPercent ?? true;
  const percent = percentOf(countAdjustments ? totalMilli : main.pointsMilli, applicableMaxMilli, 2, set.rounding.mode);

  return {
    nodes: w.nodes,
    pointsMilli: main.pointsMilli,
    maxMilli,
    applicableMaxMilli,
    surveyMaxMilli: main.surveyMaxMilli,
    bonusMilli: bonus.milli,
    penaltyMilli: penalty.milli,
    totalMilli,
    percent,
    className: classFor(set.classes, percent),
    leafCount: all.leafCount,
    answeredCount: all.answeredCount,
    unansweredCount: all.unansweredCount,
    needsExplanationCount: all.needsExplanationCount,
    notApplicableCount: all.notApplicableCount,
    surveyCount: all.surveyCount,
    unansweredCodes: w.unansweredCodes,
    needsExplanationCodes: w.needsExplanationCodes,
  };
}
