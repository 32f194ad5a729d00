/**
 * Differences between two criteria sets (two versions, or last year's and this year's): which
 * node of the old set is which node of the new one, and what changed. Matching, in order:
 * 1. an explicit mapping (old code → new code, or null for "no counterpart"), which always wins;
 * 2. the same code with a similar title (Vietnamese-folded words, see search-fold.ts);
 * 3. a similar title anywhere (renumbered or moved criteria);
 * 4. the same code whatever the title (retitled criteria).
 * What is left unmatched is added or removed, except where one old node's words are shared by
 * several new ones whose maxima add up to its maximum (split), or the other way round (merged).
 * Pure and fast: a 300-leaf pair takes a few milliseconds.
 */
import { canonicalJson } from './canonical-json';
import type { CriteriaNode, CriteriaSet } from './criteria-set-schema';
import { walkSet, type SetPart } from './criteria-tree';
import { toMilli } from './points';
import { leafRuleSummaryVi } from './scoring-summary';
import { foldVi } from '../format/search-fold';

export interface NodeRef {
  code: string;
  title: string;
  maxPoints: number;
}

export type MatchReason = 'mapping' | 'code' | 'title';

export interface NodeMatch {
  from: NodeRef;
  to: NodeRef;
  by: MatchReason;
  /** Word similarity of the two titles, 0..1 (Dice coefficient of their folded words). */
  similarity: number;
}

export type CriteriaChange =
  | { kind: 'added'; to: NodeRef }
  | { kind: 'removed'; from: NodeRef }
  | { kind: 'renumbered'; from: NodeRef; to: NodeRef }
  | { kind: 'moved'; from: NodeRef; to: NodeRef; fromParent: string | null; toParent: string | null }
  | { kind: 'retitled'; from: NodeRef; to: NodeRef }
  | { kind: 'maxChanged'; from: NodeRef; to: NodeRef }
  | { kind: 'ruleChanged'; from: NodeRef; to: NodeRef; fromRule: string; toRule: string }
  | { kind: 'split'; from: NodeRef; into: NodeRef[] }
  | { kind: 'merged'; from: NodeRef[]; into: NodeRef };

export interface CriteriaDiff {
  matches: NodeMatch[];
  changes: CriteriaChange[];
}

/** Old code → new code, or null when the old node has no counterpart (forces removed/added). */
export type CodeMapping = Readonly<Record<string, string | null>>;

/** Below this, two titles are not taken as the same criterion by their words alone. */
export const TITLE_MATCH_THRESHOLD = 0.6;
/** With the same code, a title this close still counts as "the same node" in step 2. */
const SAME_CODE_THRESHOLD = 0.5;
/** Share of a part's words the whole must hold for a split or a merge (besides the maxima adding up). */
const PART_OVERLAP = 0.6;

interface Entry {
  node: CriteriaNode;
  ref: NodeRef;
  parentCode: string | null;
  part: SetPart;
  words: Set<string>;
  matched?: Entry;
  /** Part of a split or a merge: not matched one to one. */
  grouped?: boolean;
}

const taken = (entry: Entry): boolean => entry.matched !== undefined || entry.grouped === true;

function wordsOf(title: string): Set<string> {
  return new Set(foldVi(title).split(/[^a-z0-9]+/).filter((word) => word.length > 0));
}

function sharedCount(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared;
}

/** Dice coefficient of two titles' folded words: 1 for the same words, 0 for none in common. */
export function titleSimilarity(a: string, b: string): number {
  return dice(wordsOf(a), wordsOf(b));
}

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  return (2 * sharedCount(a, b)) / (a.size + b.size);
}

function entriesOf(set: CriteriaSet): Entry[] {
  return [...walkSet(set)].map((visit) => ({
    node: visit.node,
    ref: { code: visit.node.code, title: visit.node.title, maxPoints: visit.node.maxPoints },
    parentCode: visit.parentCode,
    part: visit.part,
    words: wordsOf(visit.node.title),
  }));
}

class Matcher {
  readonly matches: NodeMatch[] = [];

  pair(from: Entry, to: Entry, by: MatchReason): void {
    from.matched = to;
    to.matched = from;
    this.matches.push({ from: from.ref, to: to.ref, by, similarity: Math.round(dice(from.words, to.words) * 100) / 100 });
  }
}

export function diffCriteriaSets(older: CriteriaSet, newer: CriteriaSet, mapping: CodeMapping = {}): CriteriaDiff {
  const from = entriesOf(older);
  const to = entriesOf(newer);
  const toByCode = new Map(to.map((entry) => [entry.ref.code, entry]));
  const matcher = new Matcher();
  const refused = new Set<string>();
  for (const entry of from) {
    if (!Object.prototype.hasOwnProperty.call(mapping, entry.ref.code)) continue;
    const target = mapping[entry.ref.code];
    const counterpart = target === null || target === undefined ? undefined : toByCode.get(target);
    if (counterpart && !taken(counterpart)) matcher.pair(entry, counterpart, 'mapping');
    else refused.add(entry.ref.code);
  }
  const open = (entry: Entry): boolean => !taken(entry) && !refused.has(entry.ref.code);
  const splitsAndMerges = findSplitsAndMerges(from, to, open);
  for (const entry of from.filter(open)) {
    const same = toByCode.get(entry.ref.code);
    if (same && !taken(same) && same.part === entry.part && dice(entry.words, same.words) >= SAME_CODE_THRESHOLD) matcher.pair(entry, same, 'code');
  }
  matchByTitle(from.filter(open), to, matcher);
  for (const entry of from.filter(open)) {
    const same = toByCode.get(entry.ref.code);
    if (same && !taken(same) && same.part === entry.part) matcher.pair(entry, same, 'code');
  }
  return { matches: matcher.matches, changes: [...changesOf(from, to), ...splitsAndMerges, ...unmatched(from, to)] };
}

/** Greedy by best similarity first, among nodes of the same part (main scale, bonus, penalty). */
function matchByTitle(from: Entry[], to: Entry[], matcher: Matcher): void {
  const candidates: { a: Entry; b: Entry; score: number }[] = [];
  const freeTo = to.filter((entry) => !taken(entry));
  for (const a of from) {
    for (const b of freeTo) {
      if (a.part !== b.part) continue;
      const score = dice(a.words, b.words);
      if (score >= TITLE_MATCH_THRESHOLD) candidates.push({ a, b, score });
    }
  }
  candidates.sort((x, y) => y.score - x.score);
  for (const { a, b } of candidates) if (!taken(a) && !taken(b)) matcher.pair(a, b, 'title');
}

function parentOf(entry: Entry, byCode: Map<string, Entry>): Entry | undefined {
  return entry.parentCode === null ? undefined : byCode.get(entry.parentCode);
}

function ruleText(node: CriteriaNode): string {
  return node.children ? '' : leafRuleSummaryVi(node);
}

function ruleKey(node: CriteriaNode): string {
  return canonicalJson({ rule: node.rule ?? null, notApplicableAllowed: node.notApplicableAllowed ?? false });
}

function changesOf(from: Entry[], to: Entry[]): CriteriaChange[] {
  const fromByCode = new Map(from.map((entry) => [entry.ref.code, entry]));
  const toByCode = new Map(to.map((entry) => [entry.ref.code, entry]));
  const changes: CriteriaChange[] = [];
  for (const a of from) {
    const b = a.matched;
    if (!b) continue;
    const aParent = parentOf(a, fromByCode);
    const bParent = parentOf(b, toByCode);
    const sameParent = aParent ? aParent.matched === bParent : bParent === undefined && a.part === b.part;
    if (!sameParent) changes.push({ kind: 'moved', from: a.ref, to: b.ref, fromParent: a.parentCode, toParent: b.parentCode });
    else if (a.ref.code !== b.ref.code) changes.push({ kind: 'renumbered', from: a.ref, to: b.ref });
    if (a.ref.title !== b.ref.title) changes.push({ kind: 'retitled', from: a.ref, to: b.ref });
    if (toMilli(a.ref.maxPoints) !== toMilli(b.ref.maxPoints)) changes.push({ kind: 'maxChanged', from: a.ref, to: b.ref });
    const leaves = !a.node.children && !b.node.children;
    if (leaves && ruleKey(a.node) !== ruleKey(b.node)) changes.push({ kind: 'ruleChanged', from: a.ref, to: b.ref, fromRule: ruleText(a.node), toRule: ruleText(b.node) });
  }
  return changes;
}

function unmatched(from: Entry[], to: Entry[]): CriteriaChange[] {
  return [
    ...from.filter((entry) => !taken(entry)).map((entry): CriteriaChange => ({ kind: 'removed', from: entry.ref })),
    ...to.filter((entry) => !taken(entry)).map((entry): CriteriaChange => ({ kind: 'added', to: entry.ref })),
  ];
}

/** Share of `part`'s words that `whole` holds too. */
function containment(part: Set<string>, whole: Set<string>): number {
  return part.size === 0 ? 0 : sharedCount(part, whole) / part.size;
}

const sumMilli = (entries: readonly Entry[]): number => entries.reduce((sum, entry) => sum + toMilli(entry.ref.maxPoints), 0);
const isLeaf = (entry: Entry): boolean => !entry.node.children;

/** A node that is plainly still there (same code, title and maximum) is never split or merged. */
function unchanged(entry: Entry, others: Map<string, Entry>): boolean {
  const same = others.get(entry.ref.code);
  return same !== undefined && same.ref.title === entry.ref.title && same.ref.maxPoints === entry.ref.maxPoints;
}

/**
 * Before the one-to-one matching: an old leaf whose words are in several new leaves whose maxima
 * add up to its own was split; a new leaf holding the words of several old leaves that add up to
 * it is a merge. The leaves involved take no part in the one-to-one matching.
 */
function findSplitsAndMerges(from: Entry[], to: Entry[], open: (entry: Entry) => boolean): CriteriaChange[] {
  const changes: CriteriaChange[] = [];
  const fromByCode = new Map(from.map((entry) => [entry.ref.code, entry]));
  const toByCode = new Map(to.map((entry) => [entry.ref.code, entry]));
  const freeTo = (b: Entry): boolean => !taken(b) && isLeaf(b) && !unchanged(b, fromByCode);
  for (const a of from.filter((entry) => open(entry) && isLeaf(entry) && !unchanged(entry, toByCode))) {
    const parts = to.filter((b) => freeTo(b) && b.part === a.part && containment(a.words, b.words) >= PART_OVERLAP);
    if (parts.length < 2 || sumMilli(parts) !== toMilli(a.ref.maxPoints)) continue;
    changes.push({ kind: 'split', from: a.ref, into: parts.map((b) => b.ref) });
    a.grouped = true;
    for (const b of parts) b.grouped = true;
  }
  for (const b of to.filter(freeTo)) {
    const parts = from.filter((a) => open(a) && isLeaf(a) && a.part === b.part && !unchanged(a, toByCode) && containment(a.words, b.words) >= PART_OVERLAP);
    if (parts.length < 2 || sumMilli(parts) !== toMilli(b.ref.maxPoints)) continue;
    changes.push({ kind: 'merged', from: parts.map((a) => a.ref), into: b.ref });
    b.grouped = true;
    for (const a of parts) a.grouped = true;
  }
  return changes;
}
