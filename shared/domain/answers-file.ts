/** The answers file read by `par score`: a list of leaf inputs, format `par-answers/v1`. */
import { z } from 'zod';
import { ruleInputSchema } from './answer';

export const ANSWERS_FILE_FORMAT = 'par-answers/v1';

export const answersFileSchema = z.strictObject({
  format: z.literal(ANSWERS_FILE_FORMAT),
  answers: z
    .array(
      z.strictObject({
        code: z.string().max(20),
        input: ruleInputSchema.nullable().default(null),
        notApplicable: z.boolean().default(false),
        explanation: z.string().max(20_000).default(''),
      }),
    )
    .max(5000),
});
export type AnswersFile = z.infer<typeof answersFileSchema>;
