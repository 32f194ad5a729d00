/**
 * What the officer enters for one leaf. The shape depends on the leaf's rule kind; the
 * scoring engine checks that the input matches the rule and the numbers are in range.
 */
import { z } from 'zod';

const count = z.number().int().min(0).max(1_000_000_000);

export const ruleInputSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('manual'), points: z.number().finite().min(-1000).max(1000) }),
  z.strictObject({ kind: z.literal('yesNo'), achieved: z.boolean() }),
  z.strictObject({ kind: z.literal('levels'), levelId: z.string().max(40) }),
  z.strictObject({ kind: z.literal('rate'), numerator: count, denominator: count }),
  z.strictObject({ kind: z.literal('deduction'), occurrences: count }),
]);
export type RuleInput = z.infer<typeof ruleInputSchema>;

export const answerInputSchema = z.strictObject({
  /** Null while the leaf is unanswered (an explanation may be written before scoring). */
  input: ruleInputSchema.nullable(),
  notApplicable: z.boolean(),
  explanation: z.string().max(20_000),
});
export type AnswerInput = z.infer<typeof answerInputSchema>;
