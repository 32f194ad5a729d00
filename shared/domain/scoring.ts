/**
 * The scoring engine: one pure function per concern, all exact (integer milli-points).
 *   evaluateLeaf      — one leaf's input under its rule (scoring-leaf.ts)
 *   computeTotals     — sums, applicable maximum, adjustments, percentage, class (scoring-totals.ts)
 *   leafRuleSummaryVi — how a leaf is scored, in Vietnamese (scoring-summary.ts)
 */
export { evaluateLeaf, LEAF_MESSAGES } from './scoring-leaf';
export { computeTotals, classFor, needsExplanation } from './scoring-totals';
export { leafRuleSummaryVi } from './scoring-summary';
