/**
 * A draft as the `par-criteria-set/v1` input the validator takes. Numbers typed the Vietnamese way
 * are read with the app's one number parser; a number that cannot be read is reported here (with
 * the parser's message) and passed on as NaN, so the set stays invalid and nothing is guessed.
 * `nodePaths` tells which draft node each JSON path of the set belongs to (to put an issue beside
 * its field).
 */
import { parseDecimalVi } from '../../format/numbers';
import type { ValidationIssue } from '../validation-issue';
import type { CriteriaDraft, DraftNode, DraftPart, DraftRule } from './draft-schema';

export interface DraftAsSet {
  /** The set file as JSON values (not yet validated). */
  input: Record<string, unknown>;
  /** Numbers that could not be read, at their set path. */
  numberIssues: ValidationIssue[];
  /** JSON path of a node (`fields[0].children[1]`, `adjustments.bonus`) → its draft key. */
  nodePaths: Map<string, string>;
}

interface Conversion {
  numberIssues: ValidationIssue[];
  nodePaths: Map<string, string>;
}

function readNumber(conv: Conversion, path: string, typed: string, allowNegative = false): number {
  const parsed = parseDecimalVi(typed, { allowNegative });
  if (parsed.ok) return parsed.value;
  conv.numberIssues.push({ path, message: parsed.message });
  return Number.NaN;
}

function optional(value: string): string | undefined {
  return value.trim() === '' ? undefined : value;
}

function ruleInput(conv: Conversion, rule: DraftRule, path: string): Record<string, unknown> {
  switch (rule.kind) {
    case 'manual':
      return { kind: 'manual', step: readNumber(conv, `${path}.step`, rule.step) };
    case 'levels':
      return {
        kind: 'levels',
        levels: rule.levels.map((level, i) => ({ id: level.id, label: level.label, points: readNumber(conv, `${path}.levels[${i}].points`, level.points) })),
      };
    case 'rate': {
      const tiers = rule.tiers.map((tier, i) => ({
        fromPercent: readNumber(conv, `${path}.tiers[${i}].fromPercent`, tier.fromPercent),
        toPercent: readNumber(conv, `${path}.tiers[${i}].toPercent`, tier.toPercent),
        points: readNumber(conv, `${path}.tiers[${i}].points`, tier.points),
      }));
      const thresholds = rule.mode === 'thresholds';
      return {
        kind: 'rate',
        numeratorLabel: rule.numeratorLabel,
        denominatorLabel: rule.denominatorLabel,
        mode: rule.mode,
        ...(thresholds ? { tiers } : {}),
        noCases: rule.noCases,
      };
    }
    case 'deduction':
      return {
        kind: 'deduction',
        occurrenceLabel: rule.occurrenceLabel,
        perOccurrence: readNumber(conv, `${path}.perOccurrence`, rule.perOccurrence),
        minPoints: readNumber(conv, `${path}.minPoints`, rule.minPoints, true),
      };
    default:
      return { kind: rule.kind };
  }
}

function nodeInput(conv: Conversion, node: DraftNode, path: string): Record<string, unknown> {
  conv.nodePaths.set(path, node.key);
  const isLeaf = node.children.length === 0;
  const out: Record<string, unknown> = { code: node.code, title: node.title };
  const guidance = optional(node.guidance);
  const evidenceHint = optional(node.evidenceHint);
  if (guidance !== undefined) out.guidance = guidance;
  if (evidenceHint !== undefined) out.evidenceHint = evidenceHint;
  out.maxPoints = readNumber(conv, `${path}.maxPoints`, node.maxPoints);
  if (isLeaf) {
    out.rule = ruleInput(conv, node.rule, `${path}.rule`);
    if (node.notApplicableAllowed) out.notApplicableAllowed = true;
  } else {
    out.children = node.children.map((child, i) => nodeInput(conv, child, `${path}.children[${i}]`));
  }
  return out;
}

function partInput(conv: Conversion, part: DraftPart, path: string): Record<string, unknown> {
  conv.nodePaths.set(path, part.key);
  return {
    code: part.code,
    title: part.title,
    maxPoints: readNumber(conv, `${path}.maxPoints`, part.maxPoints),
    children: part.children.map((child, i) => nodeInput(conv, child, `${path}.children[${i}]`)),
  };
}

function yearOf(conv: Conversion, typed: string): number {
  const trimmed = typed.trim();
  if (/^\d{4}$/.test(trimmed)) return Number(trimmed);
  conv.numberIssues.push({ path: 'year', message: 'Năm phải là số có 4 chữ số, ví dụ 2026' });
  return Number.NaN;
}

export function draftToSetInput(draft: CriteriaDraft): DraftAsSet {
  const conv: Conversion = { numberIssues: [], nodePaths: new Map() };
  const meta = draft.meta;
  const input: Record<string, unknown> = {
    format: 'par-criteria-set/v1',
    id: meta.id,
    title: meta.title,
    level: meta.level,
    year: yearOf(conv, meta.year),
    issuer: meta.issuer,
    legalBasis: meta.legalBasis.split('\n').map((line) => line.trim()).filter((line) => line !== ''),
    status: meta.status,
    rounding: { decimals: meta.roundingDecimals, mode: meta.roundingMode },
    classes: meta.classes.map((c, i) => ({ name: c.name, minPercent: readNumber(conv, `classes[${i}].minPercent`, c.minPercent) })),
    totalMaxPoints: readNumber(conv, 'totalMaxPoints', meta.totalMaxPoints),
    fields: draft.fields.map((field, i) => nodeInput(conv, field, `fields[${i}]`)),
  };
  const adj = draft.adjustments;
  if (adj) {
    conv.nodePaths.set('adjustments', adj.key);
    const adjustments: Record<string, unknown> = { code: adj.code, title: adj.title };
    if (adj.bonus) adjustments.bonus = partInput(conv, adj.bonus, 'adjustments.bonus');
    if (adj.penalty) adjustments.penalty = partInput(conv, adj.penalty, 'adjustments.penalty');
    adjustments.countInPercent = adj.countInPercent;
    input.adjustments = adjustments;
  }
  return { input, ...conv };
}
