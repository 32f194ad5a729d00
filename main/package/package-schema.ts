/** The two JSON documents of a package, as strict zod schemas: what the writer produces and what
 *  verify and import accept (unknown keys are refused at every level). */
import { z } from 'zod';
import { ASSESSMENT_STATUSES } from '../../shared/domain/assessment-status';
import { reportSettingsInputSchema } from '../../shared/api/channels/report';
import { agencyDraftSchema } from '../../shared/api/entities';
import { evidenceDraftSchema } from '../../shared/api/evidence-entities';
import { ruleInputSchema } from '../../shared/domain/answer';
import { SHA256_HEX } from '../../shared/domain/sha256';
import { APPRAISAL_REQUESTS, appraisedTotalsSchema, publishedRankSchema } from '../../shared/domain/appraisal/appraisal-schema';
import { publishedResultSchema } from '../../shared/api/channels/history';
import { LIMITS, PACKAGE_FORMAT } from './format';

const sha256 = z.string().regex(SHA256_HEX, 'mã SHA-256 phải gồm 64 chữ số hex viết thường');
const size = z.number().int().min(0).max(LIMITS.maxEntryBytes);
const entryPath = z.string().min(1).max(LIMITS.maxNameBytes);
const code = z.string().regex(/^\d{1,3}(\.\d{1,3}){0,3}$/, 'Mã tiêu chí không hợp lệ');
const timestamp = z.string().min(1).max(40);
const points = z.number().finite();
const year = z.number().int().min(2000).max(2100);

export const manifestFileSchema = z.strictObject({ path: entryPath, size, sha256 });

export const manifestSchema = z.strictObject({
  format: z.literal(PACKAGE_FORMAT),
  createdAt: timestamp,
  app: z.strictObject({ name: z.string().max(100), version: z.string().max(40) }),
  agency: agencyDraftSchema,
  year,
  set: z.strictObject({
    id: z.string().min(1).max(200),
    year,
    title: z.string().max(1000),
    status: z.enum(['official', 'draft', 'sample']),
    hash: sha256,
  }),
  totals: z.strictObject({
    points,
    bonus: points,
    penalty: points,
    total: points,
    max: points,
    applicableMax: points,
    percent: points,
    className: z.string().max(200),
  }),
  /** The report inside is a draft because the assessment was incomplete. */
  reportDraft: z.boolean(),
  files: z.array(manifestFileSchema).max(LIMITS.maxEntries),
});
export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestFile = z.infer<typeof manifestFileSchema>;

export const packageAnswerSchema = z.strictObject({
  code,
  input: ruleInputSchema.nullable(),
  notApplicable: z.boolean(),
  explanation: z.string().max(20_000),
  updatedAt: timestamp,
});

export const packageFileSchema = z.strictObject({
  /** The entry holding the bytes (one entry per distinct content). */
  path: entryPath,
  displayName: z.string().min(1).max(1000),
  sha256,
  size: size.min(1),
  mediaType: z.string().max(200),
});

export const packageItemSchema = z.strictObject({
  ...evidenceDraftSchema.shape,
  /** The criteria of this assessment the item backs. */
  codes: z.array(code).max(2000),
  files: z.array(packageFileSchema).max(1000),
});

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày có dạng YYYY-MM-DD');

/** One appraised criterion of a round, as stored (points in thousandths; null: self score kept). */
export const packageAppraisedSchema = z.strictObject({
  code,
  pointsMilli: z.number().int().min(-1_000_000).max(1_000_000).nullable(),
  input: ruleInputSchema.nullable(),
  comment: z.string().max(5000),
  request: z.enum(APPRAISAL_REQUESTS),
  deadline: isoDate.nullable(),
  survey: z.boolean(),
});

export const packageRoundSchema = z.strictObject({
  round: z.number().int().min(1).max(20),
  /** SHA-256 of the council's file: importing that file again here stays a no-op. */
  fileHash: sha256,
  fileName: z.string().min(1).max(500),
  appraisedOn: isoDate.nullable(),
  council: z.string().max(1000),
  statedTotals: appraisedTotalsSchema.nullable(),
  published: publishedRankSchema.nullable(),
  importedAt: timestamp,
  points: z.array(packageAppraisedSchema).max(5000),
});

export const packageResponseSchema = z.strictObject({
  round: z.number().int().min(1).max(20),
  code,
  explanation: z.string().max(20_000),
  updatedAt: timestamp,
  /** Documents attached to the answer: index into `evidence`; added with the answer or linked. */
  documents: z.array(z.strictObject({ evidence: z.number().int().min(0).max(LIMITS.maxEntries), added: z.boolean() })).max(1000),
});

/** The appraisal of the assessment (rounds, appraised points, answers to the requests); only in a
 *  package of an assessment that has one, so older packages verify and import unchanged. */
export const packageAppraisalSchema = z.strictObject({
  rounds: z.array(packageRoundSchema).min(1).max(20),
  responses: z.array(packageResponseSchema).max(5000),
});
export type PackageAppraisal = z.infer<typeof packageAppraisalSchema>;

/** The published result of a closed assessment (final score, index, class, rank), as entered from
 *  the form or taken from the council's file; only in a package of an assessment that has one. */
export const packagePublishedSchema = publishedResultSchema
  .extend({ enteredAt: timestamp })
  .refine((p) => p.rankOf === null || p.rankOf >= p.rank, { message: 'Thứ hạng không được lớn hơn tổng số cơ quan được xếp hạng.', path: ['rankOf'] });
export type PackagePublished = z.infer<typeof packagePublishedSchema>;

export const assessmentDocSchema = z.strictObject({
  format: z.literal(PACKAGE_FORMAT),
  assessment: z.strictObject({
    year,
    setHash: sha256,
    status: z.enum(ASSESSMENT_STATUSES),
    createdAt: timestamp,
    updatedAt: timestamp,
  }),
  answers: z.array(packageAnswerSchema).max(5000),
  evidence: z.array(packageItemSchema).max(LIMITS.maxEntries),
  /** As saved: the closing "- Lưu: VT, …" line may make one more than the 30 lines the form takes. */
  reportSettings: reportSettingsInputSchema.extend({ recipients: z.array(z.string().max(200)).max(31) }).nullable(),
  appraisal: packageAppraisalSchema.optional(),
  published: packagePublishedSchema.optional(),
});
export type AssessmentDoc = z.infer<typeof assessmentDocSchema>;
export type PackageItem = z.infer<typeof packageItemSchema>;
export type PackageAnswer = z.infer<typeof packageAnswerSchema>;
