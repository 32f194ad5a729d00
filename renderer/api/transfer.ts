/**
 * Submission packages the officer picks (uploaded to `POST /upload/package?action=verify|import`,
 * checked or imported by the backend, then removed) and downloads of finished exports (report,
 * package) from `/exports/<file name>`: a plain link, which the browser saves as a download and
 * Electron hands to its save dialog.
 */
import type { PackageUploadImportResult, VerifyReport } from '../../shared/api/channels/package';
import { sessionToken } from './client';
import { uploadRaw, type UploadCallbacks, type UploadHandle, type UploadMessages } from './upload';

export const PACKAGE_UPLOAD_URL = '/upload/package';

export function packageUploadUrl(action: 'verify' | 'import', overwrite = false): string {
  const params = new URLSearchParams({ action });
  if (overwrite) params.set('overwrite', '1');
  return `${PACKAGE_UPLOAD_URL}?${params.toString()}`;
}

/** "Kiểm tra gói": every hash recomputed; nothing is stored. */
export function verifyPackageUpload(file: File, messages: UploadMessages, callbacks: UploadCallbacks = {}): UploadHandle<VerifyReport> {
  return uploadRaw<VerifyReport>(packageUploadUrl('verify'), file, messages, callbacks);
}

/** "Nhập gói": verified first, then brought in (a full package, or a response package into the
 *  assessment it answers for); `overwrite` only after the officer confirmed. */
export function importPackageUpload(file: File, overwrite: boolean, messages: UploadMessages, callbacks: UploadCallbacks = {}): UploadHandle<PackageUploadImportResult> {
  return uploadRaw<PackageUploadImportResult>(packageUploadUrl('import', overwrite), file, messages, callbacks);
}

/** The link of a finished export: `/` + downloadPath, with the session token in web mode. */
export function exportDownloadUrl(downloadPath: string): string {
  const token = sessionToken();
  const path = `/${downloadPath.replace(/^\/+/, '')}`;
  return token === '' ? path : `${path}?token=${encodeURIComponent(token)}`;
}
