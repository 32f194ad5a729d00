/** New drafts: blank, or a copy of a set ("Sao chép để sửa"), plus the factories of new nodes. */
import type { AdjustmentPart, CriteriaNode, CriteriaSet, ScoringRule } from '../criteria-set-schema';
import { formatNumberVi } from '../validation-issue';
import { CRITERIA_DRAFT_FORMAT, type CriteriaDraft, type DraftNode, type DraftPart, type DraftRule } from './draft-schema';

/** Hands out k1, k2, … and remembers the next one in the draft. */
export interface KeySource {
  next(): string;
}

export function keySource(draft: Pick<CriteriaDraft, 'nextKey'>): KeySource {
  return { next: () => `k${draft.nextKey++}` };
}

const text = (value: number | undefined): string => (value === undefined ? '' : formatNumberVi(value));

export function blankRule(): DraftRule {
  return {
    kind: 'manual',
    step: '0,25',
    levels: [
      { id: 'dat', label: 'Đạt', points: '' },
      { id: 'khong-dat', label: 'Không đạt', points: '0' },
    ],
    numeratorLabel: '',
    denominatorLabel: '',
    mode: 'proportional',
    tiers: [],
    noCases: 'full',
    occurrenceLabel: '',
    perOccurrence: '',
    minPoints: '0',
  };
}

export function blankNode(keys: KeySource): DraftNode {
  return { key: keys.next(), code: '', title: '', guidance: '', evidenceHint: '', maxPoints: '', rule: blankRule(), notApplicableAllowed: false, children: [] };
}

export function blankPart(keys: KeySource, title: string): DraftPart {
  return { key: keys.next(), code: '', title, maxPoints: '', children: [blankNode(keys)] };
}

export function blankDraft(year: number): CriteriaDraft {
  const draft: CriteriaDraft = {
    format: CRITERIA_DRAFT_FORMAT,
    keepCodes: false,
    nextKey: 1,
    meta: {
      id: `bo-chi-so-${year}`,
      title: '',
      level: 'commune',
      year: String(year),
      issuer: '',
      legalBasis: '',
      status: 'draft',
      roundingDecimals: 2,
      roundingMode: 'half-up',
      totalMaxPoints: '100',
      classes: [
        { name: 'Xuất sắc', minPercent: '90' },
        { name: 'Tốt', minPercent: '80' },
        { name: 'Khá', minPercent: '70' },
        { name: 'Trung bình', minPercent: '50' },
        { name: 'Yếu', minPercent: '0' },
      ],
    },
    fields: [],
    adjustments: null,
  };
  const keys = keySource(draft);
  const field = blankNode(keys);
  field.code = '1';
  draft.fields.push(field);
  return draft;
}

function ruleOf(rule: ScoringRule | undefined): DraftRule {
  const draft = blankRule();
  if (!rule) return draft;
  draft.kind = rule.kind;
  switch (rule.kind) {
    case 'manual':
      draft.step = text(rule.step);
      break;
    case 'levels':
      draft.levels = rule.levels.map((level) => ({ id: level.id, label: level.label, points: text(level.points) }));
      break;
    case 'rate':
      draft.numeratorLabel = rule.numeratorLabel;
      draft.denominatorLabel = rule.denominatorLabel;
      draft.mode = rule.mode;
      draft.noCases = rule.noCases;
      draft.tiers = (rule.tiers ?? []).map((tier) => ({ fromPercent: text(tier.fromPercent), toPercent: text(tier.toPercent), points: text(tier.points) }));
      break;
    case 'deduction':
      draft.occurrenceLabel = rule.occurrenceLabel;
      draft.perOccurrence = text(rule.perOccurrence);
      draft.minPoints = text(rule.minPoints);
      break;
    default:
      break;
  }
  return draft;
}

function nodeOf(node: CriteriaNode, keys: KeySource): DraftNode {
  return {
    key: keys.next(),
    code: node.code,
    title: node.title,
    guidance: node.guidance ?? '',
    evidenceHint: node.evidenceHint ?? '',
    maxPoints: text(node.maxPoints),
    rule: ruleOf(node.rule),
    notApplicableAllowed: node.notApplicableAllowed ?? false,
    children: (node.children ?? []).map((child) => nodeOf(child, keys)),
  };
}

function partOf(part: AdjustmentPart | undefined, keys: KeySource): DraftPart | null {
  if (!part) return null;
  return { key: keys.next(), code: part.code, title: part.title, maxPoints: text(part.maxPoints), children: part.children.map((child) => nodeOf(child, keys)) };
}

/** A draft holding exactly `set` (its codes kept as they are): converting it back gives the same set. */
export function draftFromSet(set: CriteriaSet): CriteriaDraft {
  const draft: CriteriaDraft = {
    format: CRITERIA_DRAFT_FORMAT,
    keepCodes: true,
    nextKey: 1,
    meta: {
      id: set.id,
      title: set.title,
      level: set.level,
      year: String(set.year),
      issuer: set.issuer,
      legalBasis: set.legalBasis.join('\n'),
      status: set.status,
      roundingDecimals: set.rounding.decimals,
      roundingMode: set.rounding.mode,
      totalMaxPoints: text(set.totalMaxPoints),
      classes: set.classes.map((c) => ({ name: c.name, minPercent: text(c.minPercent) })),
    },
    fields: [],
    adjustments: null,
  };
  const keys = keySource(draft);
  draft.fields = set.fields.map((field) => nodeOf(field, keys));
  const adj = set.adjustments;
  if (adj) {
    draft.adjustments = {
      key: keys.next(),
      code: adj.code,
      title: adj.title,
      countInPercent: adj.countInPercent,
      bonus: partOf(adj.bonus, keys),
      penalty: partOf(adj.penalty, keys),
    };
  }
  return draft;
}
