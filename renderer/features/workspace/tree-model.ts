/**
 * The criteria set as one flat list in document order (main fields, then "Điểm thưởng, điểm trừ"
 * with its bonus and penalty parts), each node knowing its depth, parent and children.
 */
import type { CriteriaNode, CriteriaSet } from '../../../shared/domain/criteria-set-schema';
import type { Totals } from '../../../shared/domain/scoring-types';

export type NodePart = 'main' | 'bonus' | 'penalty' | 'adjustments';

export interface TreeNode {
  code: string;
  title: string;
  depth: number;
  parentCode: string | null;
  childCodes: string[];
  /** The criterion from the set; null for the adjustment headings (9, 9.1, 9.2). */
  node: CriteriaNode | null;
  isLeaf: boolean;
  part: NodePart;
  maxPoints: number;
}

export interface TreeModel {
  nodes: TreeNode[];
  byCode: Map<string, TreeNode>;
  /** Position of each code in document order. */
  order: Map<string, number>;
}

export function buildTreeModel(set: CriteriaSet): TreeModel {
  const nodes: TreeNode[] = [];
  const add = (list: CriteriaNode[], depth: number, parentCode: string | null, part: NodePart): string[] =>
    list.map((node) => {
      const isLeaf = !node.children || node.children.length === 0;
      const entry: TreeNode = { code: node.code, title: node.title, depth, parentCode, childCodes: [], node, isLeaf, part, maxPoints: node.maxPoints };
      nodes.push(entry);
      if (!isLeaf) entry.childCodes = add(node.children ?? [], depth + 1, node.code, part);
      return node.code;
    });
  add(set.fields, 1, null, 'main');

  const adj = set.adjustments;
  if (adj && (adj.bonus || adj.penalty)) {
    const heading: TreeNode = { code: adj.code, title: adj.title, depth: 1, parentCode: null, childCodes: [], node: null, isLeaf: false, part: 'adjustments', maxPoints: 0 };
    nodes.push(heading);
    for (const [part, content] of [['bonus', adj.bonus], ['penalty', adj.penalty]] as const) {
      if (!content) continue;
      const entry: TreeNode = { code: content.code, title: content.title, depth: 2, parentCode: adj.code, childCodes: [], node: null, isLeaf: false, part, maxPoints: content.maxPoints };
      nodes.push(entry);
      heading.childCodes.push(content.code);
      entry.childCodes = add(content.children, 3, content.code, part);
    }
  }
  const byCode = new Map(nodes.map((n) => [n.code, n]));
  const order = new Map(nodes.map((n, i) => [n.code, i]));
  return { nodes, byCode, order };
}

/** Codes of the node's ancestors, nearest last. */
export function ancestorsOf(model: TreeModel, code: string): string[] {
  const result: string[] = [];
  let parent = model.byCode.get(code)?.parentCode ?? null;
  while (parent !== null) {
    result.unshift(parent);
    parent = model.byCode.get(parent)?.parentCode ?? null;
  }
  return result;
}

/** Is something still missing below (or at) this node: an unanswered leaf or one needing an explanation? */
export function isMissing(totals: Totals, node: TreeNode): boolean {
  const total = totals.nodes[node.code];
  if (total) return total.unansweredCount + total.needsExplanationCount > 0;
  if (node.isLeaf) return totals.unansweredCodes.includes(node.code) || totals.needsExplanationCodes.includes(node.code);
  return node.childCodes.length > 0;
}

export interface VisibleRow {
  node: TreeNode;
  expanded: boolean | null;
  posInSet: number;
  setSize: number;
}

/** The rows the tree shows: children of collapsed nodes are hidden; with `onlyMissing`, complete branches too. */
export function visibleRows(model: TreeModel, expanded: ReadonlySet<string>, totals: Totals, onlyMissing: boolean, keep: string | null): VisibleRow[] {
  const rows: VisibleRow[] = [];
  const shown = (node: TreeNode) => !onlyMissing || isMissing(totals, node) || node.code === keep || (keep !== null && ancestorsOf(model, keep).includes(node.code));
  const visit = (codes: string[]) => {
    const siblings = codes.map((c) => model.byCode.get(c)).filter((n): n is TreeNode => n !== undefined && shown(n));
    siblings.forEach((node, i) => {
      const isOpen = !node.isLeaf && expanded.has(node.code);
      rows.push({ node, expanded: node.isLeaf ? null : isOpen, posInSet: i + 1, setSize: siblings.length });
      if (isOpen) visit(node.childCodes);
    });
  };
  visit(model.nodes.filter((n) => n.parentCode === null).map((n) => n.code));
  return rows;
}

/** The next unanswered leaf after `current` in document order, wrapping around to the first. */
export function nextUnanswered(model: TreeModel, totals: Totals, current: string | null): string | null {
  const codes = totals.unansweredCodes.filter((c) => model.byCode.has(c));
  if (codes.length === 0) return null;
  const here = current === null ? -1 : (model.order.get(current) ?? -1);
  return codes.find((c) => (model.order.get(c) ?? -1) > here) ?? codes[0] ?? null;
}
