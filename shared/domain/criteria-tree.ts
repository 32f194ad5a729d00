/** Walking the tree of a criteria set: fields → criteria → sub-criteria, plus the adjustments. */
import type { CriteriaNode, CriteriaSet } from './criteria-set-schema';

export type SetPart = 'main' | 'bonus' | 'penalty';

export interface NodeVisit {
  node: CriteriaNode;
  /** JSON path in the set file, e.g. `fields[0].children[1]`. */
  jsonPath: string;
  /** 1 for a field (or a bonus/penalty content), 2 for a criterion, … */
  depth: number;
  part: SetPart;
  parentCode: string | null;
  isLeaf: boolean;
}

function* walk(nodes: CriteriaNode[], basePath: string, depth: number, part: SetPart, parentCode: string | null): Generator<NodeVisit> {
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    const jsonPath = `${basePath}[${i}]`;
    const isLeaf = !node.children || node.children.length === 0;
    yield { node, jsonPath, depth, part, parentCode, isLeaf };
    if (!isLeaf) yield* walk(node.children!, `${jsonPath}.children`, depth + 1, part, node.code);
  }
}

/** Every node in document order (pre-order): main fields first, then bonus, then penalty contents. */
export function* walkSet(set: CriteriaSet): Generator<NodeVisit> {
  yield* walk(set.fields, 'fields', 1, 'main', null);
  const adj = set.adjustments;
  if (adj?.bonus) yield* walk(adj.bonus.children, 'adjustments.bonus.children', 1, 'bonus', adj.bonus.code);
  if (adj?.penalty) yield* walk(adj.penalty.children, 'adjustments.penalty.children', 1, 'penalty', adj.penalty.code);
}

/** Criterion codes in tree order: "1.2" before "1.10". */
export function compareCodes(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (diff !== 0) return diff;
  }
  return 0;
}

export function leavesOf(set: CriteriaSet): NodeVisit[] {
  return [...walkSet(set)].filter((v) => v.isLeaf);
}

export function findNode(set: CriteriaSet, code: string): NodeVisit | undefined {
  for (const v of walkSet(set)) if (v.node.code === code) return v;
  return undefined;
}

/** The scoring criterion (a leaf) with this code, or undefined when the code names a group or nothing. */
export function findLeaf(set: CriteriaSet, code: string): NodeVisit | undefined {
  const visit = findNode(set, code);
  return visit?.isLeaf ? visit : undefined;
}
