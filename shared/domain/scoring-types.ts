/** Results of the scoring engine (scoring.ts). All points are integer milli-points (points.ts). */

export type LeafState =
  | 'unanswered' // no input yet
  | 'answered'
  | 'notApplicable' // marked N/A by the officer, or a rate with no cases under policy notApplicable
  | 'survey' // scored by the sociological survey: the agency does not self-score it
  | 'invalid'; // an input that the rule rejects (never saved by the app; reported by the CLI)

export interface LeafResult {
  state: LeafState;
  /** Points after rounding to the set's decimals; null when unanswered, N/A, survey or invalid. */
  pointsMilli: number | null;
  /** For rate rules: the rate in percent (2 decimals), null when the denominator is 0. */
  ratePercent?: number | null;
  /** Vietnamese message when state is 'invalid'. */
  error?: string;
}

/** Completeness marks shown in the tree. */
export type NodeMark = 'unanswered' | 'answered' | 'needsExplanation' | 'notApplicable' | 'survey';

export interface NodeTotal {
  code: string;
  /** Sum of the points of the answered leaves below (milli). */
  pointsMilli: number;
  /** The node's maximum from the set. */
  maxMilli: number;
  /** The maximum minus the maxima of N/A leaves (milli). */
  applicableMaxMilli: number;
  leafCount: number;
  answeredCount: number;
  unansweredCount: number;
  needsExplanationCount: number;
  mark: NodeMark;
}

export interface Totals {
  /** Every node of the main scale and of the adjustments, keyed by code. */
  nodes: Record<string, NodeTotal>;
  /** Sum over the main fields (milli). */
  pointsMilli: number;
  maxMilli: number;
  /** Main maximum minus N/A maxima minus survey maxima (the self-assessment denominator). */
  applicableMaxMilli: number;
  /** Maximum of survey-scored leaves (not self-scored; shown apart). */
  surveyMaxMilli: number;
  /** Bonus after its cap, penalty after its cap (both ≥ 0; the penalty is subtracted). */
  bonusMilli: number;
  penaltyMilli: number;
  /** points + bonus − penalty (milli). */
  totalMilli: number;
  /** total (or points, if the set says adjustments do not count) ÷ applicable max × 100, rounded. */
  percent: number;
  /** Name of the result class reached by the percentage. */
  className: string;
  leafCount: number;
  answeredCount: number;
  unansweredCount: number;
  needsExplanationCount: number;
  /** Leaves marked not applicable and leaves scored by the survey: neither answered nor to do, so
   *  answered + unanswered + notApplicable + survey = leafCount. */
  notApplicableCount: number;
  surveyCount: number;
  /** Codes of unanswered leaves in tree order (for "jump to next unanswered"). */
  unansweredCodes: string[];
  needsExplanationCodes: string[];
}

/** Per-leaf information that the engine needs besides the rule input. */
export interface LeafContext {
  /** Number of linked evidence documents that hold at least one file (a document without a file
   *  does not back a score). */
  evidenceCount: number;
}
