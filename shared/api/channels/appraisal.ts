/** Appraisal channels ("Kết quả thẩm định"): the council's result beside the self scores, the
 *  officer's answers to its requests, the .xlsx form and the response report. The appraisal file
 *  itself (JSON par-appraisal/v1 or the filled .xlsx form) arrives by the byte route
 *  `/upload/appraisal` (main/transfer/). Merged into the contract in shared/api/contract.ts. */
import { z } from 'zod';
import type { AppraisalRequestKind } from '../../domain/appraisal/appraisal-schema';
import type { AssessmentStatus } from '../entities';
import { evidenceDraftSchema } from '../evidence-entities';
import { out } from '../phantom';
import { isoDate, type ExportedFileView, type LifecycleView } from './history';

const assessmentId = z.number().int().positive();
const itemId = z.number().int().positive();
const code = z.string().regex(/^\d{1,3}(\.\d{1,3}){0,3}$/, 'Mã tiêu chí không hợp lệ');
const round = z.number().int().min(1).max(20);

export interface AppraisalRoundView {
  round: number;
  fileName: string;
  appraisedOn: string | null;
  council: string;
  importedAt: string;
  /** The totals as the council wrote them, when it did (points; percent). */
  statedTotal: number | null;
  statedPercent: number | null;
}

export interface ResponseDocumentView {
  itemId: number;
  docNumber: string;
  issuedOn: string | null;
  summary: string;
  fileNames: string[];
  /** Added as part of the answer (not one of the year's evidence). */
  added: boolean;
}

export interface AppraisalCriterionView {
  code: string;
  title: string;
  maxPoints: number;
  /** Self score (null: unanswered, N/A or survey). */
  selfPoints: number | null;
  /** Appraised score (null: N/A, or survey points not given yet). */
  appraisedPoints: number | null;
  /** appraised − self when both exist and differ; 0 when equal; null otherwise. */
  difference: number | null;
  fromCouncil: boolean;
  survey: boolean;
  /** From the newest round that names the criterion. */
  round: number | null;
  comment: string;
  request: AppraisalRequestKind;
  deadline: string | null;
  explanation: string;
  documents: ResponseDocumentView[];
  /** A request without its answer yet (explain: no explanation; add-evidence: no document). */
  open: boolean;
}

export interface AppraisalTotalsView {
  points: number;
  bonus: number;
  penalty: number;
  total: number;
  applicableMax: number;
  percent: number;
  className: string;
}

export interface AppraisalView {
  assessmentId: number;
  status: AssessmentStatus;
  rounds: AppraisalRoundView[];
  /** Every scoring criterion in tree order (empty before the first import). */
  criteria: AppraisalCriterionView[];
  self: AppraisalTotalsView;
  appraised: AppraisalTotalsView;
  /** Survey criteria still without points. */
  surveyMissing: number;
  requestCount: number;
  /** The rounds that asked something, oldest first: the response can be exported for each. */
  requestRounds: number[];
  openRequests: number;
  /** Answers may be written (submitted or appraised, with at least one round). */
  canRespond: boolean;
}

export interface AppraisalImportResult {
  round: number;
  /** False when the same file had been imported already (nothing changed). */
  changed: boolean;
  appraisal: AppraisalView;
  lifecycle: LifecycleView;
}

/** The query string of `/upload/appraisal` (the file's bytes are the body). */
export const appraisalUploadParamsSchema = z.strictObject({
  assessmentId: z.coerce.number().int().positive(),
  fileName: z.string().min(1).max(500),
});

const target = { assessmentId, round, code };

export const responseExportSchema = z.strictObject({
  assessmentId,
  docNumber: z.string().trim().max(60),
  docDate: isoDate('Ngày văn bản').nullable(),
  recipients: z.array(z.string().trim().min(1).max(300)).max(20),
  /** The appraisal round answered; absent: the .docx takes every request, the package the newest round with requests. */
  round: round.optional(),
});
export type ResponseExportInput = z.infer<typeof responseExportSchema>;

/** The response package ("gói giải trình", format par-response/v1) of one round with requests. */
export interface ResponsePackageExport {
  fileName: string;
  size: number;
  /** Path segment the web bridge serves, e.g. `exports/goi-giai-trinh-cchc-2026-snv-vong-1.zip`. */
  downloadPath: string;
  round: number;
  requests: number;
  /** Distinct files of the attached documents stored in the package. */
  evidenceFiles: number;
}

export const appraisalChannels = {
  'appraisal:get': { input: z.strictObject({ assessmentId }), output: out<AppraisalView>() },
  /** The explanation for one request (blank clears it); recorded in the history. */
  'appraisal:respond': { input: z.strictObject({ ...target, explanation: z.string().max(20_000) }), output: out<AppraisalView>() },
  /** Attach an existing document of the agency to the answer. */
  'appraisal:linkDocument': { input: z.strictObject({ ...target, itemId }), output: out<AppraisalView>() },
  'appraisal:unlinkDocument': { input: z.strictObject({ ...target, itemId }), output: out<AppraisalView>() },
  /** A new document added as part of the answer; its files go through `/upload/evidence`. */
  'appraisal:addDocument': { input: z.strictObject({ ...target, draft: evidenceDraftSchema }), output: out<{ itemId: number; appraisal: AppraisalView }>() },
  /** The .xlsx form for the council (Appendix 1 plus "Điểm thẩm định", "Ý kiến thẩm định", request, deadline). */
  'appraisal:exportForm': { input: z.strictObject({ assessmentId }), output: out<ExportedFileView>() },
  /** "Báo cáo giải trình, bổ sung tài liệu kiểm chứng" (.docx, NĐ 30 layout). */
  'appraisal:exportResponse': { input: responseExportSchema, output: out<ExportedFileView>() },
  /** The response package: the round's requests, answers, attached documents and the .docx, verifiable with `par verify`. */
  'appraisal:exportResponsePackage': { input: responseExportSchema, output: out<ResponsePackageExport>() },
} as const;
