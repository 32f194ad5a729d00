/**
 * Desktop "Chọn tệp": the system file picker hands main the paths; the renderer gets ids only
 * (main/evidence/picked-files.ts) and asks main to import, poll and cancel by id. The import is
 * the same service as uploads (importEvidenceFile), by path: a small file is read and hashed on
 * the worker, a large one streamed. Web mode has no picker: files are uploaded by the browser.
 */
import { AppFailure } from '../../shared/api/result';
import type { ImportedFile } from '../../shared/api/evidence-entities';
import { importEvidenceFile } from './import-file';
import { requireEditableItem } from './editable-item';
import type { HandlerContext } from '../context/handler-context';

const noPicker = (): AppFailure =>
  new AppFailure('UNAVAILABLE', 'Chỉ ứng dụng trên máy tính chọn được tệp bằng hộp thoại của hệ thống; ở chế độ trình duyệt hãy chọn hoặc kéo thả tệp để tải lên.');

export async function pickEvidenceFiles(ctx: HandlerContext) {
  if (!ctx.desktop) throw noPicker();
  const paths = await ctx.desktop.pickEvidenceFiles();
  return { files: await ctx.picked.grant(paths) };
}

export async function importPickedFile(ctx: HandlerContext, input: { assessmentId: number; itemId: number; pickId: string }): Promise<ImportedFile> {
  // Checked before the grant is taken (a refused import keeps it for another try; importEvidenceFile
  // checks again), all synchronously: a cancel arriving next finds the import running.
  requireEditableItem(ctx.db, input.assessmentId, input.itemId);
  const run = ctx.picked.start(input.pickId);
  try {
    return await importEvidenceFile(ctx.db, ctx.dataDir, {
      assessmentId: input.assessmentId,
      itemId: input.itemId,
      fileName: run.name,
      source: run.path,
      signal: run.signal,
      onProgress: run.onProgress,
      maxBytes: ctx.maxEvidenceBytes,
      now: ctx.now(),
    });
  } finally {
    ctx.picked.finish(input.pickId);
  }
}
