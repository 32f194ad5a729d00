/** The response package (`par-response/v1`, "gói giải trình"): its manifest and giai-trinh.json as
 *  strict zod schemas (unknown keys refused at every level), and its fixed entries. It proves its
 *  content exactly as the full package does (manifest.json lists every entry with size and SHA-256)
 *  and shares the entry rules, the limits and the evidence layout (tai-lieu-kiem-chung/…). */
import { z } from 'zod';
import { RESPONSE_PACKAGE_FORMAT } from '../../shared/api/channels/package';
import { agencyDraftSchema } from '../../shared/api/entities';
import { evidenceDraftSchema } from '../../shared/api/evidence-entities';
import { SHA256_HEX } from '../../shared/domain/sha256';
import { LIMITS } from './format';
import { manifestFileSchema, packageFileSchema } from './package-schema';

export { RESPONSE_PACKAGE_FORMAT };

/** The requests answered, with the officer's explanations and the documents attached. */
export const RESPONSE_DOC_PATH = 'giai-trinh.json';
/** "Báo cáo giải trình, bổ sung tài liệu kiểm chứng" of the round. */
export const RESPONSE_DOCX_PATH = 'giai-trinh.docx';
export const RESPONSE_FIXED_PATHS: readonly string[] = [RESPONSE_DOC_PATH, RESPONSE_DOCX_PATH];

const sha256 = z.string().regex(SHA256_HEX, 'mã SHA-256 phải gồm 64 chữ số hex viết thường');
const code = z.string().regex(/^\d{1,3}(\.\d{1,3}){0,3}$/, 'Mã tiêu chí không hợp lệ');
const timestamp = z.string().min(1).max(40);
const year = z.number().int().min(2000).max(2100);
const round = z.number().int().min(1).max(20);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày có dạng YYYY-MM-DD');

export const responseManifestSchema = z.strictObject({
  format: z.literal(RESPONSE_PACKAGE_FORMAT),
  createdAt: timestamp,
  app: z.strictObject({ name: z.string().max(100), version: z.string().max(40) }),
  agency: agencyDraftSchema,
  year,
  set: z.strictObject({ id: z.string().min(1).max(200), year, title: z.string().max(1000), hash: sha256 }),
  round,
  /** How many requests giai-trinh.json answers. */
  requests: z.number().int().min(1).max(5000),
  files: z.array(manifestFileSchema).max(LIMITS.maxEntries),
});
export type ResponseManifest = z.infer<typeof responseManifestSchema>;

export const responseRequestSchema = z.strictObject({
  code,
  request: z.enum(['explain', 'add-evidence']),
  /** The council's comment and deadline, as in the appraisal file. */
  comment: z.string().max(5000),
  deadline: isoDate.nullable(),
  explanation: z.string().max(20_000),
  /** When the explanation was last saved (null: documents only). */
  updatedAt: timestamp.nullable(),
});

export const responseItemSchema = z.strictObject({
  ...evidenceDraftSchema.shape,
  /** The requests (criterion codes) this document answers. */
  codes: z.array(code).min(1).max(2000),
  /** Added as part of the answer (not one of the year's evidence) or an existing document linked. */
  added: z.boolean(),
  files: z.array(packageFileSchema).max(1000),
});

export const responseDocSchema = z.strictObject({
  format: z.literal(RESPONSE_PACKAGE_FORMAT),
  assessment: z.strictObject({ year, setHash: sha256 }),
  round,
  requests: z.array(responseRequestSchema).min(1).max(5000),
  evidence: z.array(responseItemSchema).max(LIMITS.maxEntries),
});
export type ResponseDoc = z.infer<typeof responseDocSchema>;
export type ResponseItem = z.infer<typeof responseItemSchema>;
