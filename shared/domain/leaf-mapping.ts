/**
 * Which scoring criterion (leaf) of last year's set is which leaf of next year's set, one row per
 * leaf, built on the criteria diff (criteria-diff.ts: by code, then by Vietnamese-folded title
 * similarity, splits and merges by words and maxima). The officer's corrections (old code → new
 * code, or null for "no counterpart") always win. Used to carry explanations and evidence links
 * over as suggestions, and to follow a criterion across years on the year-over-year screen.
 * Pure: no I/O.
 */
import { diffCriteriaSets, type CodeMapping, type CriteriaChange, type MatchReason, type NodeRef } from './criteria-diff';
import type { CriteriaSet } from './criteria-set-schema';
import { leavesOf } from './criteria-tree';

export type LeafMappingKind = 'same' | 'changed' | 'renumbered' | 'split' | 'merged' | 'new' | 'removed';
export type LeafMatchReason = MatchReason | 'split' | 'merged' | 'none';
export type LeafChangeDetail = 'moved' | 'retitled' | 'maxChanged' | 'ruleChanged';

export interface LeafMappingRow {
  kind: LeafMappingKind;
  /** Last year's leaves (none for a new leaf, several for a merge). */
  from: NodeRef[];
  /** Next year's leaves (none for a removed leaf, several for a split). */
  to: NodeRef[];
  by: LeafMatchReason;
  /** Title similarity of a one-to-one pair (0..1); null otherwise. */
  similarity: number | null;
  details: LeafChangeDetail[];
  /** True when the officer's correction decided this row. */
  corrected: boolean;
}

const DETAIL_KINDS: ReadonlySet<string> = new Set<LeafChangeDetail>(['moved', 'retitled', 'maxChanged', 'ruleChanged']);

/** A Vietnamese message when a correction names a code that is not a leaf, or two old leaves point at one new leaf. */
export function checkCorrections(older: CriteriaSet, newer: CriteriaSet, corrections: CodeMapping): string | null {
  const oldLeaves = new Set(leavesOf(older).map((v) => v.node.code));
  const newLeaves = new Set(leavesOf(newer).map((v) => v.node.code));
  const targets = new Set<string>();
  for (const [from, to] of Object.entries(corrections)) {
    if (!oldLeaves.has(from)) return `Tiêu chí ${from} không có trong bộ chỉ số năm trước.`;
    if (to === null) continue;
    if (!newLeaves.has(to)) return `Tiêu chí ${to} không có trong bộ chỉ số năm sau.`;
    if (targets.has(to)) return `Tiêu chí ${to} được ghép với hai tiêu chí năm trước; mỗi tiêu chí năm sau chỉ ghép một lần.`;
    targets.add(to);
  }
  return null;
}

function pairKey(from: string, to: string): string {
  return `${from}→${to}`;
}

/** Every leaf of both sets appears in exactly one row: new-set order first, then the removed leaves. */
export function mapLeaves(older: CriteriaSet, newer: CriteriaSet, corrections: CodeMapping = {}): LeafMappingRow[] {
  const oldLeaves = leavesOf(older);
  const newLeaves = leavesOf(newer);
  const oldCodes = new Set(oldLeaves.map((v) => v.node.code));
  const newCodes = new Set(newLeaves.map((v) => v.node.code));
  const diff = diffCriteriaSets(older, newer, corrections);
  const details = new Map<string, LeafChangeDetail[]>();
  for (const change of diff.changes) {
    if (!DETAIL_KINDS.has(change.kind) || !('from' in change) || !('to' in change)) continue;
    const pair = change as Extract<CriteriaChange, { from: NodeRef; to: NodeRef }>;
    const key = pairKey(pair.from.code, pair.to.code);
    details.set(key, [...(details.get(key) ?? []), change.kind as LeafChangeDetail]);
  }
  const byNew = new Map<string, LeafMappingRow>();
  const usedOld = new Set<string>();
  for (const match of diff.matches) {
    if (!oldCodes.has(match.from.code) || !newCodes.has(match.to.code)) continue; // a group, or a leaf matched to a group
    const rowDetails = details.get(pairKey(match.from.code, match.to.code)) ?? [];
    const kind: LeafMappingKind = match.from.code !== match.to.code ? 'renumbered' : rowDetails.length > 0 ? 'changed' : 'same';
    byNew.set(match.to.code, { kind, from: [match.from], to: [match.to], by: match.by, similarity: match.similarity, details: rowDetails, corrected: match.by === 'mapping' });
    usedOld.add(match.from.code);
  }
  for (const change of diff.changes) {
    if (change.kind === 'split') {
      const row: LeafMappingRow = { kind: 'split', from: [change.from], to: change.into, by: 'split', similarity: null, details: [], corrected: false };
      for (const part of change.into) byNew.set(part.code, row);
      usedOld.add(change.from.code);
    } else if (change.kind === 'merged') {
      byNew.set(change.into.code, { kind: 'merged', from: change.from, to: [change.into], by: 'merged', similarity: null, details: [], corrected: false });
      for (const part of change.from) usedOld.add(part.code);
    }
  }
  const rows: LeafMappingRow[] = [];
  const seen = new Set<LeafMappingRow>();
  for (const visit of newLeaves) {
    const ref = { code: visit.node.code, title: visit.node.title, maxPoints: visit.node.maxPoints };
    const row = byNew.get(ref.code) ?? { kind: 'new', from: [], to: [ref], by: 'none', similarity: null, details: [], corrected: false };
    if (!seen.has(row)) rows.push(row);
    seen.add(row);
  }
  for (const visit of oldLeaves) {
    const code = visit.node.code;
    if (usedOld.has(code)) continue;
    const corrected = Object.prototype.hasOwnProperty.call(corrections, code) && corrections[code] === null;
    rows.push({ kind: 'removed', from: [{ code, title: visit.node.title, maxPoints: visit.node.maxPoints }], to: [], by: 'none', similarity: null, details: [], corrected });
  }
  return rows;
}

/** For each new leaf, the old leaves whose explanations and evidence it is offered (split: each part gets the whole; merged: the parts together). */
export function sourcesByNewCode(rows: readonly LeafMappingRow[]): Map<string, string[]> {
  const sources = new Map<string, string[]>();
  for (const row of rows) {
    if (row.from.length === 0) continue;
    for (const to of row.to) sources.set(to.code, row.from.map((from) => from.code));
  }
  return sources;
}

/** The officer's view of the current mapping as corrections: old code → new code for every one-to-one row. */
export function mappingOf(rows: readonly LeafMappingRow[]): Record<string, string | null> {
  const mapping: Record<string, string | null> = {};
  for (const row of rows) {
    if (row.from.length === 1 && row.to.length === 1) mapping[row.from[0]!.code] = row.to[0]!.code;
    if (row.kind === 'removed') mapping[row.from[0]!.code] = null;
  }
  return mapping;
}
