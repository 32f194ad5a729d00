/**
 * Uploads: one File streamed as the raw request body to a backend upload route (evidence:
 * `POST /upload/evidence?assessmentId=…&itemId=…&name=…&size=…&uploadId=…`; packages: see transfer.ts). XMLHttpRequest rather than fetch because
 * only XHR reports upload progress. The same relative URL works in web mode (loopback bridge,
 * token header) and in Electron (app://renderer/, served by the app protocol).
 */
import type { ImportedFile } from '../../shared/api/evidence-entities';
import type { Result } from '../../shared/api/result';
import { api, BAD_RESPONSE, isResult, sessionToken } from './client';
import { cancelThenAbort, newUploadId, type CancelUpload } from './upload-cancel';
import type { UploadCallbacks, UploadHandle } from './upload-handle';

export type { UploadCallbacks, UploadHandle, UploadProgress } from './upload-handle';

export const UPLOAD_URL = '/upload/evidence';

const NETWORK_FAILURE = 'Không kết nối được với máy chủ của ứng dụng; tệp chưa được đính kèm. Hãy thử lại.';
const CANCELLED = 'Đã hủy đính kèm tệp; không có gì được lưu.';

/** Where files go: an item, added from an assessment (a locked one is refused by the backend). */
export interface UploadTarget {
  assessmentId: number;
  itemId: number;
}

export function uploadUrl(target: UploadTarget, file: Pick<File, 'name' | 'size'>, uploadId: string): string {
  const params = new URLSearchParams({ assessmentId: String(target.assessmentId), itemId: String(target.itemId), name: file.name, size: String(file.size), uploadId });
  return `${UPLOAD_URL}?${params.toString()}`;
}

/** What the officer reads when the connection fails or the upload is cancelled. */
export interface UploadMessages {
  network: string;
  cancelled: string;
}

/**
 * Streams `file` as the raw body of `POST url` (token header in web mode) and settles with the
 * backend's JSON Result. Shared by evidence files and submission packages.
 */
export function uploadRaw<T>(url: string, file: File, messages: UploadMessages, callbacks: UploadCallbacks = {}): UploadHandle<T> & { markCancelling(): void } {
  const xhr = new XMLHttpRequest();
  // Once the officer cancelled, a connection the backend closes (it stops reading a cancelled
  // upload) is that cancel, not a network failure.
  let cancelling = false;
  const promise = new Promise<Result<T>>((resolve) => {
    const fail = (code: 'INTERNAL' | 'CANCELLED', message: string) =>
      resolve({ ok: false, error: cancelling ? { code: 'CANCELLED', message: messages.cancelled } : { code, message } });
    xhr.upload.onprogress = (e) => callbacks.onProgress?.({ loaded: e.loaded, total: e.lengthComputable ? e.total : file.size });
    xhr.upload.onload = () => callbacks.onSent?.();
    xhr.onerror = () => fail('INTERNAL', messages.network);
    xhr.ontimeout = () => fail('INTERNAL', messages.network);
    xhr.onabort = () => fail('CANCELLED', messages.cancelled);
    xhr.onload = () => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(xhr.responseText);
      } catch {
        fail('INTERNAL', xhr.status >= 200 && xhr.status < 300 ? BAD_RESPONSE : messages.network);
        return;
      }
      if (isResult(parsed)) resolve(parsed as Result<T>);
      else fail('INTERNAL', BAD_RESPONSE);
    };
    try {
      xhr.open('POST', url);
      xhr.setRequestHeader('Content-Type', 'application/octet-stream');
      const token = sessionToken();
      if (token !== '') xhr.setRequestHeader('X-PAR-Token', token);
      xhr.send(file);
    } catch {
      fail('INTERNAL', messages.network);
    }
  });
  return { promise, abort: () => xhr.abort(), markCancelling: () => (cancelling = true) };
}

const cancelEvidenceUpload: CancelUpload = (uploadId) => api['evidence:cancelUpload']({ uploadId });

/** Starts uploading `file` into the target's evidence item; abort() cancels it by its id first (upload-cancel.ts). */
export function uploadEvidenceFile(file: File, target: UploadTarget, callbacks: UploadCallbacks = {}): UploadHandle {
  const uploadId = newUploadId();
  const handle = uploadRaw<ImportedFile>(uploadUrl(target, file, uploadId), file, { network: NETWORK_FAILURE, cancelled: CANCELLED }, callbacks);
  return {
    promise: handle.promise,
    abort: () => {
      handle.markCancelling();
      void cancelThenAbort(uploadId, cancelEvidenceUpload, handle.abort);
    },
  };
}

/** Where a stored evidence file is shown (inline) or downloaded (`download`). */
export function evidenceFileUrl(fileId: number, download = false): string {
  const params = new URLSearchParams();
  const token = sessionToken();
  if (token !== '') params.set('token', token);
  if (download) params.set('download', '1');
  const query = params.toString();
  return `/files/evidence/${fileId}${query ? `?${query}` : ''}`;
}
