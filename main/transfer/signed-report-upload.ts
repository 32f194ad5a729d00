/**
 * "Nộp báo cáo": the page streams the signed report (PDF or scan) to `/upload/signed-report` with
 * the submission's details in the query string (checked by the strict schema in shared/api); the
 * lifecycle service stores it, builds and keeps the package, and marks the assessment submitted.
 */
import { submitParamsSchema } from '../../shared/api/channels/history';
import type { LifecycleView } from '../../shared/api/channels/history';
import type { Result } from '../../shared/api/result';
import { vietnameseErrorMap } from '../../shared/domain/zod-issue-messages';
import type { HandlerContext } from '../context/handler-context';
import { submitAssessment } from '../lifecycle/submit';
import { resultOf } from '../api/result-of';

export const SIGNED_REPORT_UPLOAD_PATH = '/upload/signed-report';

export async function uploadSignedReport(ctx: HandlerContext, params: URLSearchParams, body: AsyncIterable<Uint8Array>, signal: AbortSignal): Promise<Result<LifecycleView>> {
  const parsed = submitParamsSchema.safeParse(Object.fromEntries(params), { error: vietnameseErrorMap });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: { code: 'INVALID_INPUT', message: issue?.message ?? 'Yêu cầu nộp báo cáo không hợp lệ.' } };
  }
  const run = () => submitAssessment(ctx.db, ctx.dataDir, { ...parsed.data, source: body, signal }, ctx.now());
  return resultOf('[upload] signed report', run, 'Không nộp được báo cáo. Dữ liệu chưa bị thay đổi.');
}
