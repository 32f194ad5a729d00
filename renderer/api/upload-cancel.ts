/**
 * Cancelling an evidence upload, the same way in both modes: first ask main to stop the import by
 * the upload's id (`evidence:cancelUpload`: over app:// the request itself carries no abort, so
 * closing it is not enough), then close the request. When main answers that the file is already
 * stored, the request stays open and its own answer (the stored file) is what the page shows.
 * Plain functions, no DOM: unit-tested with stand-ins.
 */
import type { Result } from '../../shared/api/result';

/** 32 lowercase hex digits from the browser's random generator (UPLOAD_ID_PATTERN). */
export function newUploadId(random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  return Array.from(random(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

export type CancelUpload = (uploadId: string) => Promise<Result<{ cancelled: boolean }>>;

export async function cancelThenAbort(uploadId: string, cancel: CancelUpload, abortRequest: () => void): Promise<void> {
  let result: Result<{ cancelled: boolean }>;
  try {
    result = await cancel(uploadId);
  } catch {
    result = { ok: false, error: { code: 'INTERNAL', message: '' } };
  }
  // Stored already: keep waiting for the upload's answer. Otherwise (cancelled, or main not
  // reachable: the closed connection is then the only signal left) close the request.
  if (result.ok && !result.value.cancelled) return;
  abortRequest();
}
