/**
 * Checking a draft: the draft becomes a set input and the one validator of criteria sets judges it
 * (same words as `par validate`). Each issue is placed beside its field: on a node (by key and the
 * rest of the path, e.g. `maxPoints`, `rule.tiers[0].points`) or on the set's own information.
 */
import type { CriteriaSet } from '../criteria-set-schema';
import { validateCriteriaSet } from '../validate-criteria-set';
import type { ValidationIssue } from '../validation-issue';
import type { CriteriaDraft } from './draft-schema';
import { draftToSetInput } from './draft-to-set';

export interface PlacedIssue {
  /** The set path, as `par validate` prints it. */
  path: string;
  message: string;
  /** Key of the node (or bonus/penalty part, or the adjustments) the issue is about; null for the set's information. */
  nodeKey: string | null;
  /** The rest of the path inside that node (`title`, `rule.step`, '' for the node itself), or the set path. */
  field: string;
}

export type DraftCheck = { ok: true; set: CriteriaSet; issues: [] } | { ok: false; issues: PlacedIssue[] };

function place(issue: ValidationIssue, nodePaths: Map<string, string>): PlacedIssue {
  // The longest node path that starts the issue path is the node the issue is about.
  let best = '';
  for (const nodePath of nodePaths.keys()) {
    const starts = issue.path === nodePath || issue.path.startsWith(`${nodePath}.`);
    if (starts && nodePath.length > best.length) best = nodePath;
  }
  if (best === '') return { ...issue, nodeKey: null, field: issue.path };
  return { ...issue, nodeKey: nodePaths.get(best)!, field: issue.path.slice(best.length).replace(/^\./, '') };
}

export function checkDraft(draft: CriteriaDraft): DraftCheck {
  const converted = draftToSetInput(draft);
  const result = validateCriteriaSet(converted.input);
  if (result.ok && converted.numberIssues.length === 0) return { ok: true, set: result.set, issues: [] };
  // A number that could not be read is reported once, with the parser's words.
  const unreadable = new Set(converted.numberIssues.map((issue) => issue.path));
  const fromValidator = result.ok ? [] : result.issues.filter((issue) => !unreadable.has(issue.path));
  const issues = [...converted.numberIssues, ...fromValidator].map((issue) => place(issue, converted.nodePaths));
  return { ok: false, issues };
}

/** Issues grouped by node key ('' for the set's information), for rendering beside the fields. */
export function issuesByNode(issues: readonly PlacedIssue[]): Map<string, PlacedIssue[]> {
  const grouped = new Map<string, PlacedIssue[]>();
  for (const issue of issues) {
    const k = issue.nodeKey ?? '';
    const list = grouped.get(k);
    if (list) list.push(issue);
    else grouped.set(k, [issue]);
  }
  return grouped;
}
