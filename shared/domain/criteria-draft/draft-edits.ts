/**
 * Edits of a draft. Every edit returns a new draft and copies only the path to what changed, so the
 * editor re-renders only the nodes that changed; an edit that cannot be made (move past the end,
 * indent deeper than the format allows) returns the same draft. Without "keep the province's own
 * codes" every structural edit renumbers the tree by position (1, 1.1, 1.1.1; content n+1 for the
 * bonus/penalty part, n+1.1 and n+1.2 for its bonus and penalty).
 */
import { blankNode, blankPart, keySource } from './draft-from-set';
import { MAX_DRAFT_DEPTH, type CriteriaDraft, type DraftAdjustments, type DraftNode, type DraftPart } from './draft-schema';

type ListEdit = (list: DraftNode[], index: number) => DraftNode[];

function editList(list: DraftNode[], key: string, edit: ListEdit): DraftNode[] | null {
  const index = list.findIndex((node) => node.key === key);
  if (index >= 0) return edit(list, index);
  for (let i = 0; i < list.length; i++) {
    const children = editList(list[i]!.children, key, edit);
    if (children) {
      const copy = list.slice();
      copy[i] = { ...list[i]!, children };
      return copy;
    }
  }
  return null;
}

/** Applies `edit` to the list of siblings that holds `key` (main fields or a bonus/penalty part). */
function editSiblings(draft: CriteriaDraft, key: string, edit: ListEdit): CriteriaDraft {
  const fields = editList(draft.fields, key, edit);
  if (fields) return { ...draft, fields };
  const adj = draft.adjustments;
  if (!adj) return draft;
  for (const part of ['bonus', 'penalty'] as const) {
    const content = adj[part];
    const children = content && editList(content.children, key, edit);
    if (content && children) return { ...draft, adjustments: { ...adj, [part]: { ...content, children } } };
  }
  return draft;
}

function finish(before: CriteriaDraft, after: CriteriaDraft): CriteriaDraft {
  if (after === before) return before;
  return after.keepCodes ? after : renumber(after);
}

/** Changes one node's own data (title, maximum, rule, …); never its children. */
export function updateNode(draft: CriteriaDraft, key: string, change: (node: DraftNode) => DraftNode): CriteriaDraft {
  return editSiblings(draft, key, (list, i) => {
    const copy = list.slice();
    copy[i] = change(list[i]!);
    return copy;
  });
}

export interface Added {
  draft: CriteriaDraft;
  key: string;
}

function withNewNode(draft: CriteriaDraft): { draft: CriteriaDraft; node: DraftNode } {
  const next = { ...draft };
  const node = blankNode(keySource(next));
  return { draft: next, node };
}

/** A new empty node right after `key`, at the same level (Enter in the editor). */
export function addSiblingAfter(draft: CriteriaDraft, key: string): Added {
  const made = withNewNode(draft);
  const after = editSiblings(made.draft, key, (list, i) => [...list.slice(0, i + 1), made.node, ...list.slice(i + 1)]);
  return after === made.draft ? { draft, key } : { draft: finish(draft, after), key: made.node.key };
}

/** A new empty node as the last child of `key` (the node becomes a group; its rule is then unused). */
export function addChild(draft: CriteriaDraft, key: string): Added {
  const location = locate(draft, key);
  if (!location || location.level >= location.maxLevel) return { draft, key };
  const made = withNewNode(draft);
  const after = updateNode(made.draft, key, (node) => ({ ...node, children: [...node.children, made.node] }));
  return { draft: finish(draft, after), key: made.node.key };
}

/** A new empty field ("lĩnh vực") at the end of the main scale. */
export function addField(draft: CriteriaDraft): Added {
  const made = withNewNode(draft);
  return { draft: finish(draft, { ...made.draft, fields: [...made.draft.fields, made.node] }), key: made.node.key };
}

/** A new empty item at the end of the bonus or penalty part. */
export function addPartItem(draft: CriteriaDraft, part: 'bonus' | 'penalty'): Added {
  const content = draft.adjustments?.[part];
  if (!draft.adjustments || !content) return { draft, key: '' };
  const made = withNewNode(draft);
  const adjustments = { ...draft.adjustments, [part]: { ...content, children: [...content.children, made.node] } };
  return { draft: finish(draft, { ...made.draft, adjustments }), key: made.node.key };
}

export function removeNode(draft: CriteriaDraft, key: string): CriteriaDraft {
  return finish(draft, editSiblings(draft, key, (list, i) => [...list.slice(0, i), ...list.slice(i + 1)]));
}

/** Moves a node among its siblings: -1 up, +1 down. */
export function moveNode(draft: CriteriaDraft, key: string, by: -1 | 1): CriteriaDraft {
  let moved = false;
  const after = editSiblings(draft, key, (list, i) => {
    const j = i + by;
    if (j < 0 || j >= list.length) return list;
    moved = true;
    const copy = list.slice();
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    return copy;
  });
  return moved ? finish(draft, after) : draft;
}

function height(node: DraftNode): number {
  return 1 + node.children.reduce((max, child) => Math.max(max, height(child)), 0);
}

/** Makes the node the last child of the sibling above it. */
export function indentNode(draft: CriteriaDraft, key: string): CriteriaDraft {
  const location = locate(draft, key);
  if (!location || location.index === 0 || location.level + height(location.node) > location.maxLevel) return draft;
  return finish(
    draft,
    editSiblings(draft, key, (list, i) => {
      const above = list[i - 1]!;
      const copy = list.slice();
      copy.splice(i - 1, 2, { ...above, children: [...above.children, list[i]!] });
      return copy;
    }),
  );
}

/** Makes the node a sibling of its parent, right after it. */
export function outdentNode(draft: CriteriaDraft, key: string): CriteriaDraft {
  const location = locate(draft, key);
  if (!location?.parentKey) return draft;
  const node = location.node;
  return finish(
    draft,
    editSiblings(draft, location.parentKey, (list, i) => {
      const parent = list[i]!;
      const copy = list.slice();
      copy.splice(i, 1, { ...parent, children: parent.children.filter((child) => child.key !== key) }, node);
      return copy;
    }),
  );
}

export interface NodeLocation {
  node: DraftNode;
  /** Key of the parent node; null at the top of the main scale or of a bonus/penalty part. */
  parentKey: string | null;
  index: number;
  /** 1 for a field or a bonus/penalty item. */
  level: number;
  /** The deepest level allowed where the node is. */
  maxLevel: number;
  part: 'main' | 'bonus' | 'penalty';
}

export function locate(draft: CriteriaDraft, key: string): NodeLocation | null {
  const search = (list: DraftNode[], parentKey: string | null, level: number, maxLevel: number, part: NodeLocation['part']): NodeLocation | null => {
    for (let index = 0; index < list.length; index++) {
      const node = list[index]!;
      if (node.key === key) return { node, parentKey, index, level, maxLevel, part };
      const found = search(node.children, node.key, level + 1, maxLevel, part);
      if (found) return found;
    }
    return null;
  };
  const main = search(draft.fields, null, 1, MAX_DRAFT_DEPTH, 'main');
  if (main) return main;
  for (const part of ['bonus', 'penalty'] as const) {
    const content = draft.adjustments?.[part];
    const found = content && search(content.children, null, 1, MAX_DRAFT_DEPTH - 2, part);
    if (found) return found;
  }
  return null;
}

/** Adds the bonus/penalty content (with both parts) or removes it. */
export function setAdjustments(draft: CriteriaDraft, present: boolean): CriteriaDraft {
  if (!present) return finish(draft, { ...draft, adjustments: null });
  if (draft.adjustments) return draft;
  const next = { ...draft };
  const keys = keySource(next);
  const adjustments: DraftAdjustments = {
    key: keys.next(),
    code: '',
    title: 'Điểm thưởng, điểm trừ',
    countInPercent: true,
    bonus: blankPart(keys, 'Điểm thưởng'),
    penalty: blankPart(keys, 'Điểm trừ'),
  };
  return finish(draft, { ...next, adjustments });
}

export function updateAdjustments(draft: CriteriaDraft, change: (adj: DraftAdjustments) => DraftAdjustments): CriteriaDraft {
  return draft.adjustments ? { ...draft, adjustments: change(draft.adjustments) } : draft;
}

export function updatePart(draft: CriteriaDraft, part: 'bonus' | 'penalty', change: (content: DraftPart) => DraftPart): CriteriaDraft {
  const content = draft.adjustments?.[part];
  return content ? { ...draft, adjustments: { ...draft.adjustments!, [part]: change(content) } } : draft;
}

/** Switches between codes by position and the province's own codes (kept as they are now). */
export function setKeepCodes(draft: CriteriaDraft, keepCodes: boolean): CriteriaDraft {
  const next = { ...draft, keepCodes };
  return keepCodes ? next : renumber(next);
}

function renumberList(list: DraftNode[], prefix: string): DraftNode[] {
  let changed = false;
  const out = list.map((node, i) => {
    const code = `${prefix}${i + 1}`;
    const children = renumberList(node.children, `${code}.`);
    if (code === node.code && children === node.children) return node;
    changed = true;
    return { ...node, code, children };
  });
  return changed ? out : list;
}

function renumberPart(part: DraftPart | null, code: string): DraftPart | null {
  if (!part) return null;
  const children = renumberList(part.children, `${code}.`);
  return code === part.code && children === part.children ? part : { ...part, code, children };
}

/** Codes by position; unchanged nodes keep their identity. */
export function renumber(draft: CriteriaDraft): CriteriaDraft {
  const fields = renumberList(draft.fields, '');
  const adj = draft.adjustments;
  if (!adj) return fields === draft.fields ? draft : { ...draft, fields };
  const code = String(draft.fields.length + 1);
  const bonus = renumberPart(adj.bonus, `${code}.1`);
  const penalty = renumberPart(adj.penalty, `${code}.2`);
  const same = code === adj.code && bonus === adj.bonus && penalty === adj.penalty;
  return { ...draft, fields, adjustments: same ? adj : { ...adj, code, bonus, penalty } };
}
