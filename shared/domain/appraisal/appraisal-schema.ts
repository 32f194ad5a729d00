/**
 * The appraisal file format `par-appraisal/v1`: what Sở Nội vụ's appraisal council ("Hội đồng
 * thẩm định") sends back for one agency's assessment. Defined once here; seeds/appraisal.schema.json
 * is generated from it (`npm run schema:export`) and a test checks that it is current. Rules that
 * need the assessment (agency, year, set hash, codes, maxima) live in main/appraisal/.
 */
import { z } from 'zod';
import { ruleInputSchema } from '../answer';
import { isMilliExact } from '../points';
import { SHA256_HEX } from '../sha256';
import { parseIsoDate } from '../../format/dates';

export const APPRAISAL_FORMAT = 'par-appraisal/v1';
/** Appraisal files are small JSON documents; larger ones are refused before parsing. */
export const MAX_APPRAISAL_BYTES = 2 * 1024 * 1024;
export const MAX_APPRAISAL_DEPTH = 12;

export const APPRAISAL_REQUESTS = ['none', 'explain', 'add-evidence'] as const;
export type AppraisalRequestKind = (typeof APPRAISAL_REQUESTS)[number];

function isCalendarDate(text: string): boolean {
  try {
    parseIsoDate(text);
    return true;
  } catch {
    return false;
  }
}

const isoDate = (what: string) =>
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, `${what} có dạng YYYY-MM-DD`).refine(isCalendarDate, `${what} không có thật`);
const code = z.string().regex(/^\d{1,3}(\.\d{1,3}){0,3}$/, 'Mã tiêu chí không hợp lệ');
const points = z.number().finite().min(0, 'Điểm không âm.').max(1000).refine(isMilliExact, 'Điểm có tối đa 3 chữ số thập phân.');
const signedPoints = z.number().finite().min(-1000).max(1000).refine(isMilliExact, 'Điểm có tối đa 3 chữ số thập phân.');

export const appraisedCriterionSchema = z
  .strictObject({
    code,
    /** The appraised points ("điểm thẩm định"); omitted with `input`, or when the council keeps the
     *  self score. Negative only where the rule allows it (a deduction floored below zero). */
    points: signedPoints.optional(),
    /** The rule input the council used (e.g. its own counts for a rate); the app scores it. */
    input: ruleInputSchema.optional(),
    /** The council's comment ("ý kiến thẩm định"). */
    comment: z.string().max(5000).default(''),
    request: z.enum(APPRAISAL_REQUESTS).default('none'),
    /** Deadline for the explanation or the added evidence (required with a request). */
    deadline: isoDate('Hạn giải trình').nullable().default(null),
  })
  .superRefine((c, ctx) => {
    if (c.points !== undefined && c.input !== undefined) ctx.addIssue({ code: 'custom', path: ['input'], message: 'Chỉ ghi "points" hoặc "input", không ghi cả hai.' });
    if (c.request !== 'none' && c.deadline === null) ctx.addIssue({ code: 'custom', path: ['deadline'], message: 'Đề nghị giải trình, bổ sung cần có hạn (deadline).' });
  });
export type AppraisedCriterion = z.infer<typeof appraisedCriterionSchema>;

export const surveyPointsSchema = z.strictObject({ code, points });

export const appraisedTotalsSchema = z.strictObject({
  points: signedPoints,
  bonus: points,
  penalty: points,
  total: signedPoints,
  percent: z.number().finite().min(0).max(100),
  className: z.string().max(100).optional(),
});

export const publishedRankSchema = z.strictObject({
  rank: z.number().int().min(1, 'Thứ hạng từ 1 trở lên.').max(10_000),
  rankOf: z.number().int().min(1).max(10_000).nullable().default(null),
  className: z.string().trim().min(1, 'Hãy ghi xếp loại.').max(100),
  publishedOn: isoDate('Ngày công bố').nullable().default(null),
});

export const appraisalFileSchema = z.strictObject({
  format: z.literal(APPRAISAL_FORMAT),
  /** The agency as named in its submission package (name, and the abbreviation of its documents). */
  agency: z.strictObject({ name: z.string().trim().min(1).max(200), abbreviation: z.string().trim().max(30).default('') }),
  year: z.number().int().min(2000).max(2100),
  /** SHA-256 of the criteria set the assessment was scored against (as in the package manifest). */
  setHash: z.string().regex(SHA256_HEX, 'mã SHA-256 phải gồm 64 chữ số hex viết thường'),
  /** 1 for the first appraisal, 2 for a second round, … */
  round: z.number().int().min(1).max(20),
  appraisedOn: isoDate('Ngày thẩm định').nullable().default(null),
  council: z.string().max(300).default(''),
  criteria: z.array(appraisedCriterionSchema).max(5000),
  /** Points of the criteria scored by the sociological survey (the agency does not self-score them). */
  survey: z.array(surveyPointsSchema).max(1000).default([]),
  /** The totals as the council wrote them (the app computes its own and shows both when they differ). */
  totals: appraisedTotalsSchema.nullable().default(null),
  /** When the results are published: the rank and class (the assessment is then closed). */
  published: publishedRankSchema.nullable().default(null),
});
export type AppraisalFile = z.infer<typeof appraisalFileSchema>;
