/** History (audit trail) and lifecycle channels: the assessment's life after the lock (submitted,
 *  appraised, closed) and every recorded change. Merged into the contract in shared/api/contract.ts.
 *  The signed report itself arrives by the byte route `/upload/signed-report` (main/transfer/). */
import { z } from 'zod';
import { parseIsoDate } from '../../format/dates';
import { isMilliExact } from '../../domain/points';
import type { ChangePart } from '../../domain/history-prose';
import type { AssessmentStatus } from '../entities';
import { out } from '../phantom';

const assessmentId = z.number().int().positive();
const code = z.string().regex(/^\d{1,3}(\.\d{1,3}){0,3}$/, 'Mã tiêu chí không hợp lệ');

function isCalendarDate(text: string): boolean {
  try {
    parseIsoDate(text);
    return true;
  } catch {
    return false;
  }
}

export const isoDate = (what: string) =>
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, `${what} có dạng YYYY-MM-DD`).refine(isCalendarDate, `${what} không có thật`);

export const HISTORY_KINDS = ['answer', 'evidence', 'file', 'link', 'report', 'status', 'import'] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];

/** One recorded change. `before`/`after` are compact JSON texts of what changed (null: nothing there). */
export interface HistoryEntry {
  id: number;
  at: string;
  officer: string;
  kind: HistoryKind;
  action: string;
  code: string | null;
  itemId: number | null;
  before: string | null;
  after: string | null;
  reason: string;
}

/** A history row as the screens get it: the change also told in words (shared/domain/history-prose.ts). */
export interface HistoryEntryView extends HistoryEntry {
  change: ChangePart[];
}

export const historyFilterSchema = z.strictObject({
  kind: z.enum(HISTORY_KINDS).nullable(),
  code: code.nullable(),
  from: isoDate('Ngày bắt đầu').nullable(),
  to: isoDate('Ngày kết thúc').nullable(),
});
export type HistoryFilter = z.infer<typeof historyFilterSchema>;

export interface HistoryPage {
  entries: HistoryEntryView[];
  /** Pass as `beforeId` for the next (older) page; null on the last page. */
  nextBeforeId: number | null;
  total: number;
}

export const reasonSchema = z.string().trim().min(1, 'Hãy ghi lý do.').max(1000, 'Lý do tối đa 1.000 ký tự');

export interface SubmissionView {
  id: number;
  sentOn: string;
  docNumber: string;
  docDate: string;
  signedName: string;
  signedSize: number;
  packageName: string;
  packageSize: number;
  officer: string;
  submittedAt: string;
}

export interface PublishedResultView {
  finalScore: number;
  indexPercent: number;
  className: string;
  rank: number;
  rankOf: number | null;
  publishedOn: string | null;
  enteredAt: string;
}

/** One step reached: when and by whom (the newest history row that moved the assessment there). */
export interface LifecycleStep {
  status: AssessmentStatus;
  at: string | null;
  officer: string | null;
}

export interface LifecycleView {
  status: AssessmentStatus;
  steps: LifecycleStep[];
  submission: SubmissionView | null;
  published: PublishedResultView | null;
}

export const publishedResultSchema = z.strictObject({
  finalScore: z.number().min(0, 'Điểm không âm.').max(100_000).refine(isMilliExact, 'Điểm có tối đa 3 chữ số thập phân.'),
  indexPercent: z.number().min(0, 'Chỉ số từ 0 đến 100.').max(100, 'Chỉ số từ 0 đến 100.').refine(isMilliExact, 'Chỉ số có tối đa 3 chữ số thập phân.'),
  className: z.string().trim().min(1, 'Hãy ghi xếp loại.').max(100),
  rank: z.number().int().min(1, 'Thứ hạng từ 1 trở lên.').max(10_000),
  rankOf: z.number().int().min(1).max(10_000).nullable(),
  publishedOn: isoDate('Ngày công bố').nullable(),
});
export type PublishedResultInput = z.infer<typeof publishedResultSchema>;

/** The query string of `/upload/signed-report` (the file's bytes are the body). */
export const submitParamsSchema = z.strictObject({
  assessmentId: z.coerce.number().int().positive(),
  fileName: z.string().min(1).max(500),
  sentOn: isoDate('Ngày gửi'),
  docNumber: z.string().trim().min(1, 'Hãy ghi số văn bản.').max(60, 'Số văn bản tối đa 60 ký tự'),
  docDate: isoDate('Ngày ký văn bản'),
});
export type SubmitParams = z.infer<typeof submitParamsSchema>;

export interface ExportedFileView {
  fileName: string;
  size: number;
  downloadPath: string;
}

export const historyChannels = {
  /** Newest first, 1–200 per page, filtered; `beforeId` pages to older rows. */
  'history:list': {
    input: z.strictObject({
      assessmentId,
      filter: historyFilterSchema,
      beforeId: z.number().int().positive().nullable(),
      limit: z.number().int().min(1).max(200),
    }),
    output: out<HistoryPage>(),
  },
  /** The filtered history as .xlsx under <data>/exports/. */
  'history:export': { input: z.strictObject({ assessmentId, filter: historyFilterSchema }), output: out<ExportedFileView>() },
  'lifecycle:get': { input: z.strictObject({ assessmentId }), output: out<LifecycleView>() },
  /** Going back one step (submitted → locked, appraised → submitted, closed → appraised), with a reason. */
  'lifecycle:reopen': { input: z.strictObject({ assessmentId, reason: reasonSchema }), output: out<LifecycleView>() },
  /** The published result (appraised → closed, or corrected while closed). */
  'lifecycle:close': { input: z.strictObject({ assessmentId, result: publishedResultSchema }), output: out<LifecycleView>() },
  /** The package exactly as it was sent, copied into <data>/exports/. */
  'lifecycle:exportSentPackage': { input: z.strictObject({ assessmentId }), output: out<ExportedFileView>() },
} as const;
