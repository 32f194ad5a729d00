/**
 * A criteria-set draft ("bản nháp bộ chỉ số"): what the editor saves at every change. Numbers are
 * kept as the officer typed them ("1,5"), so nothing typed is ever lost or silently rounded; the
 * draft becomes the `par-criteria-set/v1` input of the validator through draft-to-set.ts, and the
 * validator stays the single judge of what is right.
 */
import { z } from 'zod';

export const CRITERIA_DRAFT_FORMAT = 'par-criteria-draft/v1';
/** A 300-leaf draft is about 150 KB; far larger bodies are refused. */
export const MAX_DRAFT_BODY_CHARS = 2 * 1024 * 1024;
/** Levels a draft may nest (the validator allows 4 levels; deeper ones could not be saved). */
export const MAX_DRAFT_DEPTH = 4;

export const RULE_KINDS = ['manual', 'yesNo', 'levels', 'rate', 'deduction', 'survey'] as const;
export type DraftRuleKind = (typeof RULE_KINDS)[number];

/** A number as typed: "1,5", "0.25", "" (not yet typed). */
const typed = z.string().max(40);
const words = (max: number) => z.string().max(max);
const key = z.string().regex(/^k\d{1,9}$/);

/**
 * The rule of a leaf with the data of every kind kept side by side: switching the kind and back
 * loses nothing. Only the chosen kind's data goes into the set.
 */
export const draftRuleSchema = z.strictObject({
  kind: z.enum(RULE_KINDS),
  step: typed,
  levels: z.array(z.strictObject({ id: z.string().max(40), label: words(500), points: typed })).max(20),
  numeratorLabel: words(300),
  denominatorLabel: words(300),
  mode: z.enum(['proportional', 'thresholds']),
  tiers: z.array(z.strictObject({ fromPercent: typed, toPercent: typed, points: typed })).max(20),
  noCases: z.enum(['full', 'zero', 'notApplicable']),
  occurrenceLabel: words(300),
  perOccurrence: typed,
  minPoints: typed,
});
export type DraftRule = z.infer<typeof draftRuleSchema>;

export interface DraftNode {
  /** Stable within the draft (k1, k2, …): survives moves and renumbering. */
  key: string;
  /** The code as shown; recomputed after every edit unless the draft keeps the province's codes. */
  code: string;
  title: string;
  guidance: string;
  evidenceHint: string;
  maxPoints: string;
  /** Used only while the node has no children. */
  rule: DraftRule;
  notApplicableAllowed: boolean;
  children: DraftNode[];
}

function nodeSchema(levelsLeft: number): z.ZodType<DraftNode> {
  return z.strictObject({
    key,
    code: z.string().max(20),
    title: words(1000),
    guidance: words(5000),
    evidenceHint: words(2000),
    maxPoints: typed,
    rule: draftRuleSchema,
    notApplicableAllowed: z.boolean(),
    children: levelsLeft > 1 ? z.array(nodeSchema(levelsLeft - 1)).max(200) : z.array(z.never()).max(0),
  });
}

export const draftNodeSchema = nodeSchema(MAX_DRAFT_DEPTH);

const draftPartSchema = z.strictObject({
  key,
  code: z.string().max(20),
  title: words(1000),
  maxPoints: typed,
  children: z.array(nodeSchema(MAX_DRAFT_DEPTH - 2)).max(200),
});
export type DraftPart = z.infer<typeof draftPartSchema>;

export const draftMetaSchema = z.strictObject({
  /** The set's id (lowercase letters, digits, hyphens), e.g. `ha-noi-cap-xa`. */
  id: z.string().max(80),
  title: words(500),
  level: z.enum(['department', 'commune']),
  year: typed,
  issuer: words(300),
  /** One document per line. */
  legalBasis: words(50_000),
  status: z.enum(['official', 'draft', 'sample']),
  roundingDecimals: z.number().int().min(0).max(3),
  roundingMode: z.enum(['half-up', 'half-even', 'down']),
  totalMaxPoints: typed,
  classes: z.array(z.strictObject({ name: words(80), minPercent: typed })).max(10),
});
export type DraftMeta = z.infer<typeof draftMetaSchema>;

export const draftAdjustmentsSchema = z.strictObject({
  key,
  code: z.string().max(20),
  title: words(1000),
  countInPercent: z.boolean(),
  bonus: draftPartSchema.nullable(),
  penalty: draftPartSchema.nullable(),
});
export type DraftAdjustments = z.infer<typeof draftAdjustmentsSchema>;

export const criteriaDraftSchema = z.strictObject({
  format: z.literal(CRITERIA_DRAFT_FORMAT),
  /** true: the codes are the province's own, typed and checked; false: 1, 1.1, 1.1.1 by position. */
  keepCodes: z.boolean(),
  /** The next free key number. */
  nextKey: z.number().int().min(1).max(999_999_999),
  meta: draftMetaSchema,
  fields: z.array(draftNodeSchema).max(30),
  adjustments: draftAdjustmentsSchema.nullable(),
});
export type CriteriaDraft = z.infer<typeof criteriaDraftSchema>;
