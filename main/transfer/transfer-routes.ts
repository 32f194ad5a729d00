/**
 * The byte routes (declared beside the channels in shared/api): evidence uploads, package uploads,
 * evidence files and finished exports. Like dispatch for the channels, this is the one place that
 * picks the route and turns its outcome into a Result; the hosts (Electron's app:// protocol, the
 * web bridge) only check who is asking and write the answer in their own response type.
 */
import { fail, type Result } from '../../shared/api/result';
import type { HandlerContext } from '../context/handler-context';
import { FILE_PATH_PREFIX, fileIdFromPath, findEvidenceDownload, type EvidenceDownload } from './evidence-download';
import { UPLOAD_PATH, uploadEvidenceFile } from './evidence-upload';
import { EXPORT_PATH_PREFIX, findExportDownload } from './export-download';
import { APPRAISAL_UPLOAD_PATH, uploadAppraisal } from './appraisal-upload';
import { PACKAGE_UPLOAD_PATH, uploadPackage } from './package-upload';
import { SIGNED_REPORT_UPLOAD_PATH, uploadSignedReport } from './signed-report-upload';
import { DATA_ARCHIVE_UPLOAD_PATH } from '../../shared/api/channels/data-folder';
import { uploadDataArchive } from './data-archive-upload';
import { folderBusy } from '../context/folder-work';

export interface TransferRequest {
  method: string;
  url: URL;
  /** The uploaded bytes; null when the request has none. */
  body: AsyncIterable<Uint8Array> | null;
  signal: AbortSignal;
}

/** A Result to send as JSON with its HTTP status, or a file to stream. */
export type TransferAnswer = { kind: 'result'; status: number; result: Result<unknown> } | { kind: 'file'; download: EvidenceDownload };

export const FILE_NOT_FOUND = (): Result<never> => fail('NOT_FOUND', 'Không tìm thấy tệp.');

export function isUploadRoute(pathname: string): boolean {
  return pathname === UPLOAD_PATH || pathname === PACKAGE_UPLOAD_PATH || pathname === SIGNED_REPORT_UPLOAD_PATH || pathname === DATA_ARCHIVE_UPLOAD_PATH || pathname === APPRAISAL_UPLOAD_PATH;
}

export function isTransferRoute(pathname: string): boolean {
  return isUploadRoute(pathname) || pathname.startsWith(FILE_PATH_PREFIX) || pathname.startsWith(EXPORT_PATH_PREFIX);
}

const uploadRoutes = {
  [UPLOAD_PATH]: uploadEvidenceFile,
  [PACKAGE_UPLOAD_PATH]: uploadPackage,
  [SIGNED_REPORT_UPLOAD_PATH]: uploadSignedReport,
  [DATA_ARCHIVE_UPLOAD_PATH]: uploadDataArchive,
  [APPRAISAL_UPLOAD_PATH]: uploadAppraisal,
} as const;

/** Kept out while a move or restore holds the data folder (main/context/folder-work.ts), like the channels. */
export async function routeTransfer(ctx: HandlerContext, req: TransferRequest): Promise<TransferAnswer> {
  let leave: () => void;
  try {
    leave = ctx.folderWork.enter();
  } catch {
    return { kind: 'result', status: 409, result: { ok: false, error: folderBusy().toError() } };
  }
  try {
    return await routeUnguarded(ctx, req);
  } finally {
    leave();
  }
}

async function routeUnguarded(ctx: HandlerContext, req: TransferRequest): Promise<TransferAnswer> {
  const { pathname, searchParams } = req.url;
  if (isUploadRoute(pathname)) {
    if (req.method !== 'POST' || !req.body) return { kind: 'result', status: 405, result: fail('FORBIDDEN', 'Chỉ chấp nhận POST.') };
    const receive: (ctx: HandlerContext, p: URLSearchParams, body: AsyncIterable<Uint8Array>, signal: AbortSignal) => Promise<Result<unknown>> = uploadRoutes[pathname as keyof typeof uploadRoutes];
    return { kind: 'result', status: 200, result: await receive(ctx, searchParams, req.body, req.signal) };
  }
  const fileId = fileIdFromPath(pathname);
  const download = pathname.startsWith(EXPORT_PATH_PREFIX)
    ? findExportDownload(ctx, pathname)
    : fileId === null
      ? null
      : findEvidenceDownload(ctx, fileId, searchParams.get('download') === '1');
  return download ? { kind: 'file', download } : { kind: 'result', status: 404, result: FILE_NOT_FOUND() };
}
