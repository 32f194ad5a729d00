/**
 * "Nhập kết quả thẩm định": the page streams the council's file (par-appraisal/v1 JSON or the
 * filled .xlsx form) to `/upload/appraisal?assessmentId=…&fileName=…`; it is read into memory
 * (small files only, refused early above the limit), checked and imported in one transaction.
 */
import { appraisalUploadParamsSchema, type AppraisalImportResult } from '../../shared/api/channels/appraisal';
import { AppFailure, type Result } from '../../shared/api/result';
import { vietnameseErrorMap } from '../../shared/domain/zod-issue-messages';
import { importAppraisal } from '../appraisal/import-appraisal';
import { readAppraisalJson } from '../appraisal/read-appraisal-file';
import { readAppraisalXlsx } from '../appraisal/form-import';
import type { HandlerContext } from '../context/handler-context';
import { resultOf } from '../api/result-of';

export const APPRAISAL_UPLOAD_PATH = '/upload/appraisal';
/** The .xlsx form of a 150-criterion set is well under 1 MB; JSON is limited to 2 MB by its format. */
export const MAX_APPRAISAL_UPLOAD_BYTES = 10 * 1024 * 1024;

async function readAll(body: AsyncIterable<Uint8Array>, signal: AbortSignal): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let seen = 0;
  for await (const chunk of body) {
    if (signal.aborted) throw new AppFailure('CANCELLED', 'Đã hủy tải tệp thẩm định lên.');
    seen += chunk.length;
    if (seen > MAX_APPRAISAL_UPLOAD_BYTES) throw new AppFailure('TOO_LARGE', 'Tệp thẩm định quá lớn (giới hạn 10 MB). Dữ liệu chưa bị thay đổi.');
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

export async function uploadAppraisal(ctx: HandlerContext, params: URLSearchParams, body: AsyncIterable<Uint8Array>, signal: AbortSignal): Promise<Result<AppraisalImportResult>> {
  const parsed = appraisalUploadParamsSchema.safeParse(Object.fromEntries(params), { error: vietnameseErrorMap });
  if (!parsed.success) return { ok: false, error: { code: 'INVALID_INPUT', message: parsed.error.issues[0]?.message ?? 'Yêu cầu nhập kết quả thẩm định không hợp lệ.' } };
  const { assessmentId, fileName } = parsed.data;
  const run = async () => {
    const bytes = await readAll(body, signal);
    if (bytes.length === 0) throw new AppFailure('EMPTY_FILE', 'Tệp thẩm định rỗng. Dữ liệu chưa bị thay đổi.');
    const lower = fileName.toLowerCase();
    const read = lower.endsWith('.xlsx') ? await readAppraisalXlsx(ctx.db, assessmentId, bytes) : lower.endsWith('.json') ? readAppraisalJson(bytes) : null;
    if (!read) throw new AppFailure('UNSUPPORTED_TYPE', 'Chỉ nhận tệp thẩm định dạng .json (par-appraisal/v1) hoặc biểu mẫu .xlsx. Dữ liệu chưa bị thay đổi.');
    return importAppraisal(ctx.db, assessmentId, read, fileName, ctx.now());
  };
  return resultOf('[upload] appraisal', run, 'Không nhập được kết quả thẩm định. Dữ liệu chưa bị thay đổi.');
}
