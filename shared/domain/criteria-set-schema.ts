/**
 * The criteria-set ("Bộ chỉ số") file format, version `par-criteria-set/v1`.
 * Defined once here; seeds/criteria-set.schema.json is generated from it
 * (`npm run schema:export`) and a test checks that the file is current.
 * Structural rules live in this schema; rules that need the whole tree (sums, codes,
 * tiers, steps, depth) live in validate-criteria-set.ts.
 */
import { z } from 'zod';

export const CRITERIA_SET_FORMAT = 'par-criteria-set/v1';
/** Criteria-set files are small JSON documents; larger ones are refused before parsing. */
export const MAX_CRITERIA_SET_BYTES = 2 * 1024 * 1024;

/** Points are decimals with at most 3 places (exact in milli-points); JSON numbers only. */
const points = z.number().finite().min(0).max(1000);
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().max(max).optional();

export const roundingSchema = z.strictObject({
  decimals: z.number().int().min(0).max(3),
  mode: z.enum(['half-up', 'half-even', 'down']),
});

export const resultClassSchema = z.strictObject({
  name: text(80),
  minPercent: z.number().finite().min(0).max(100),
});

const manualRule = z.strictObject({
  kind: z.literal('manual'),
  /** Allowed increment, e.g. 0.25 or 0.5; must divide the maximum. */
  step: z.number().finite().positive().max(1000),
});
const yesNoRule = z.strictObject({ kind: z.literal('yesNo') });
const levelsRule = z.strictObject({
  kind: z.literal('levels'),
  levels: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'mã mức chỉ gồm chữ thường, số và dấu gạch ngang'),
        label: text(500),
        points,
      }),
    )
    .min(2)
    .max(20),
});
/**
 * One tier of a rate rule: the rate in [fromPercent, toPercent) gives `points`. The last tier
 * ends at 100 inclusive. A tier with fromPercent = toPercent = 100 is the "exactly 100 %" tier
 * ("đạt 100%: điểm tối đa"); it can only be the last one, and the tier before it then ends at
 * 100 exclusive (`100% = 2; 80% - dưới 100% = 1; dưới 80% = 0`). Older files never use it, so
 * they keep their meaning and their hash.
 */
export const tierSchema = z.strictObject({
  /** Inclusive lower bound of the rate, in percent. */
  fromPercent: z.number().finite().min(0).max(100),
  /** Exclusive upper bound, except the last tier which ends at 100 inclusive. */
  toPercent: z.number().finite().min(0).max(100),
  points,
});
const rateRule = z.strictObject({
  kind: z.literal('rate'),
  numeratorLabel: text(300),
  denominatorLabel: text(300),
  /** proportional: points = rate × max; thresholds: points from the tier the rate falls in. */
  mode: z.enum(['proportional', 'thresholds']),
  tiers: z.array(tierSchema).min(1).max(20).optional(),
  /** What a zero denominator ("no case arose this year") gives. */
  noCases: z.enum(['full', 'zero', 'notApplicable']),
});
const deductionRule = z.strictObject({
  kind: z.literal('deduction'),
  occurrenceLabel: text(300),
  /** Points removed from the maximum for each occurrence. */
  perOccurrence: z.number().finite().positive().max(1000),
  /** Lowest result; 0 unless the set allows going below zero (then a negative number). */
  minPoints: z.number().finite().min(-1000).max(0),
});
const surveyRule = z.strictObject({ kind: z.literal('survey') });

export const scoringRuleSchema = z.discriminatedUnion('kind', [
  manualRule,
  yesNoRule,
  levelsRule,
  rateRule,
  deductionRule,
  surveyRule,
]);

const nodeBase = {
  code: z.string().max(20),
  title: text(1000),
  guidance: optionalText(5000),
  evidenceHint: optionalText(2000),
  maxPoints: points,
};

export interface CriteriaNodeInput {
  code: string;
  title: string;
  guidance?: string | undefined;
  evidenceHint?: string | undefined;
  maxPoints: number;
  /** Present on leaves only. */
  rule?: z.infer<typeof scoringRuleSchema> | undefined;
  /** Leaves only: may the agency mark it "không áp dụng"? */
  notApplicableAllowed?: boolean | undefined;
  children?: CriteriaNodeInput[] | undefined;
}

export const criteriaNodeSchema: z.ZodType<CriteriaNodeInput> = z.lazy(() =>
  z.strictObject({
    ...nodeBase,
    rule: scoringRuleSchema.optional(),
    notApplicableAllowed: z.boolean().optional(),
    children: z.array(criteriaNodeSchema).min(1).max(200).optional(),
  }),
);

/** Bonus ("điểm thưởng") or penalty ("điểm trừ") part: its maxPoints caps the sum of its contents. */
export const adjustmentPartSchema = z.strictObject({
  code: z.string().max(20),
  title: text(1000),
  maxPoints: points,
  children: z.array(criteriaNodeSchema).min(1).max(200),
});

export const criteriaSetSchema = z.strictObject({
  format: z.literal(CRITERIA_SET_FORMAT),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{2,79}$/, 'mã bộ chỉ số chỉ gồm chữ thường, số và dấu gạch ngang'),
  title: text(500),
  level: z.enum(['department', 'commune']),
  year: z.number().int().min(2000).max(2100),
  issuer: text(300),
  legalBasis: z.array(text(1000)).max(50),
  status: z.enum(['official', 'draft', 'sample']),
  rounding: roundingSchema,
  /** Percent-based classes, highest first ("Xuất sắc" ≥ 90, …); the lowest starts at 0. */
  classes: z.array(resultClassSchema).min(1).max(10),
  /** Fields ("lĩnh vực") 1..n on the main scale; their maxima add up to totalMaxPoints. */
  totalMaxPoints: points,
  fields: z.array(criteriaNodeSchema).min(1).max(30),
  /** Content 9 "Điểm thưởng, điểm trừ", if the set has it. */
  adjustments: z
    .strictObject({
      code: z.string().max(20),
      title: text(1000),
      bonus: adjustmentPartSchema.optional(),
      penalty: adjustmentPartSchema.optional(),
      /** Whether bonus and penalty enter the index percentage (true in the sets seen). */
      countInPercent: z.boolean(),
    })
    .optional(),
});

export type CriteriaSet = z.infer<typeof criteriaSetSchema>;
export type CriteriaNode = CriteriaNodeInput;
export type ScoringRule = z.infer<typeof scoringRuleSchema>;
export type RuleKind = ScoringRule['kind'];
export type Rounding = z.infer<typeof roundingSchema>;
export type ResultClass = z.infer<typeof resultClassSchema>;
export type AdjustmentPart = z.infer<typeof adjustmentPartSchema>;
export type RateTier = z.infer<typeof tierSchema>;

/** The "exactly 100 %" tier: it starts and ends at 100. */
export function isExactHundredTier(tier: Pick<RateTier, 'fromPercent' | 'toPercent'>): boolean {
  return tier.fromPercent === 100 && tier.toPercent === 100;
}
