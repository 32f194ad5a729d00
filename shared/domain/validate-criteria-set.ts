/**
 * Validating a criteria-set file (`par-criteria-set/v1`) before it is imported:
 * 1. the text: size, depth, syntax, duplicate and reserved keys (safe-json.ts);
 * 2. the structure: the zod schema (strict objects, finite numbers, lengths), with Vietnamese
 *    messages (zod-issue-messages.ts);
 * 3. the whole tree: codes and depth (validate-tree-rules.ts), points and sums
 *    (validate-points.ts), scoring rules (validate-scoring-rules.ts), classes (validate-classes.ts).
 * Every issue found is reported with its JSON path, up to MAX_REPORTED_ISSUES. Step 3 runs only
 * when step 2 passed, since it needs the typed set.
 */
import { criteriaSetSchema, MAX_CRITERIA_SET_BYTES, type CriteriaSet, type RuleKind } from './criteria-set-schema';
import { walkSet } from './criteria-tree';
import { parseJsonSafely } from './safe-json';
import { checkResultClasses } from './validate-classes';
import { checkPoints } from './validate-points';
import { checkScoringRules } from './validate-scoring-rules';
import { checkTreeRules } from './validate-tree-rules';
import { createIssueCollector, type ValidationIssue } from './validation-issue';
import { toValidationIssues, vietnameseErrorMap } from './zod-issue-messages';

export { MAX_CRITERIA_SET_BYTES };
export type { ValidationIssue };

/** Far more than a criteria set needs (about 12), far less than what could hurt. */
export const MAX_CRITERIA_SET_JSON_DEPTH = 64;

export interface CriteriaSetStats {
  /** Fields ("lĩnh vực") on the main scale. */
  fields: number;
  /** Criteria nodes at every level, main scale and bonus/penalty items (not the parts themselves). */
  nodes: number;
  /** Nodes without children, i.e. the ones that are scored. */
  leaves: number;
  /** Rule kinds used by the leaves, sorted alphabetically. */
  ruleKinds: RuleKind[];
}

export type CriteriaSetValidation =
  | { ok: true; set: CriteriaSet; stats: CriteriaSetStats }
  | { ok: false; issues: ValidationIssue[] };

export function validateCriteriaSetText(text: string): CriteriaSetValidation {
  const parsed = parseJsonSafely(text, { maxBytes: MAX_CRITERIA_SET_BYTES, maxDepth: MAX_CRITERIA_SET_JSON_DEPTH });
  if (!parsed.ok) return { ok: false, issues: [{ path: parsed.path, message: parsed.message }] };
  return validateCriteriaSet(parsed.value);
}

/** `set` in the result is the schema's output (strings trimmed): store and hash that, not the input. */
export function validateCriteriaSet(value: unknown): CriteriaSetValidation {
  const parsed = criteriaSetSchema.safeParse(value, { error: vietnameseErrorMap });
  const collector = createIssueCollector();
  if (!parsed.success) {
    for (const issue of toValidationIssues(parsed.error.issues)) collector.report(issue.path, issue.message);
    return { ok: false, issues: collector.issues() };
  }
  const set = parsed.data;
  checkTreeRules(set, collector.report);
  checkPoints(set, collector.report);
  checkScoringRules(set, collector.report);
  checkResultClasses(set.classes, collector.report);
  const issues = collector.issues();
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, set, stats: criteriaSetStats(set) };
}

export function criteriaSetStats(set: CriteriaSet): CriteriaSetStats {
  let nodes = 0;
  let leaves = 0;
  const ruleKinds = new Set<RuleKind>();
  for (const visit of walkSet(set)) {
    nodes++;
    if (!visit.isLeaf) continue;
    leaves++;
    if (visit.node.rule) ruleKinds.add(visit.node.rule.kind);
  }
  return { fields: set.fields.length, nodes, leaves, ruleKinds: [...ruleKinds].sort() };
}
