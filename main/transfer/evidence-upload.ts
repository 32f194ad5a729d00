/**
 * Evidence upload: the renderer streams a file's bytes (a browser upload in web mode, a fetch to
 * the app:// protocol in Electron) and both land here, in the same import service. The query
 * string carries the assessment (a locked one is refused), the item, the name and the upload id
 * the page cancels by (`evidence:cancelUpload`, main/evidence/upload-cancels.ts: app:// requests
 * carry no abort signal); nothing from the renderer is ever used as a path.
 */
import type { Result } from '../../shared/api/result';
import type { ImportedFile } from '../../shared/api/evidence-entities';
import { UPLOAD_ID_PATTERN } from '../../shared/api/channels/evidence';
import type { HandlerContext } from '../context/handler-context';
import { importEvidenceFile } from '../evidence/import-file';
import type { UploadRun } from '../evidence/upload-cancels';
import { resultOf } from '../api/result-of';

export const UPLOAD_PATH = '/upload/evidence';

function positiveInt(value: string | null): number | null {
  if (value === null || !/^\d{1,15}$/.test(value)) return null;
  const n = Number(value);
  return n > 0 ? n : null;
}

export async function uploadEvidenceFile(
  ctx: HandlerContext,
  params: URLSearchParams,
  body: AsyncIterable<Uint8Array>,
  signal: AbortSignal,
): Promise<Result<ImportedFile>> {
  const assessmentId = positiveInt(params.get('assessmentId'));
  const itemId = positiveInt(params.get('itemId'));
  const fileName = params.get('name') ?? '';
  const sizeParam = params.get('size');
  const declaredSize = sizeParam === null ? undefined : Number(sizeParam);
  const uploadId = params.get('uploadId');
  if (
    assessmentId === null ||
    itemId === null ||
    fileName.length === 0 ||
    fileName.length > 1000 ||
    (declaredSize !== undefined && !Number.isSafeInteger(declaredSize)) ||
    (uploadId !== null && !UPLOAD_ID_PATTERN.test(uploadId))
  ) {
    return { ok: false, error: { code: 'INVALID_INPUT', message: 'Yêu cầu tải tệp lên không hợp lệ.' } };
  }
  const upload: { run?: UploadRun; stored: boolean } = { stored: false };
  const imported = async () => {
    // The page's explicit cancel (evidence:cancelUpload) joins the connection's own signal.
    const run = uploadId === null ? undefined : ctx.uploads.begin(uploadId);
    upload.run = run;
    const file = await importEvidenceFile(ctx.db, ctx.dataDir, {
      assessmentId,
      itemId,
      fileName,
      source: body,
      declaredSize,
      signal: run ? AbortSignal.any([signal, run.signal]) : signal,
      onCommitting: run?.committing,
      maxBytes: ctx.maxEvidenceBytes,
      now: ctx.now(),
    });
    upload.stored = true;
    return file;
  };
  try {
    return await resultOf('[upload] evidence import', imported, 'Không lưu được tệp. Dữ liệu chưa bị thay đổi.');
  } finally {
    upload.run?.end(upload.stored);
  }
}
