/**
 * The two routes that move file bytes rather than JSON: evidence uploads (POST, token header,
 * our Origin) and evidence files for preview or download (GET, token in the query because an
 * <iframe> or <img> cannot send headers). Both reach the same services as Electron's protocol.
 */
import type http from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { Result } from '../../shared/api/result';
import type { EvidenceDownload } from '../transfer/evidence-download';
import { fileIdFromPath, FILE_PATH_PREFIX } from '../transfer/evidence-download';
import { UPLOAD_PATH } from '../transfer/evidence-upload';
import { PACKAGE_UPLOAD_PATH } from '../transfer/package-upload';
import { EXPORT_PATH_PREFIX } from '../transfer/export-download';
import { isAllowedOrigin, tokenMatches } from './http-guards';

export interface StreamServices {
  upload(params: URLSearchParams, body: AsyncIterable<Uint8Array>, signal: AbortSignal): Promise<Result<unknown>>;
  uploadPackage(params: URLSearchParams, body: AsyncIterable<Uint8Array>, signal: AbortSignal): Promise<Result<unknown>>;
  download(fileId: number, asAttachment: boolean): EvidenceDownload | null;
  exportFile(pathname: string): EvidenceDownload | null;
}

type Reply = (status: number, body: unknown) => void;

export function isStreamRoute(pathname: string): boolean {
  return pathname === UPLOAD_PATH || pathname === PACKAGE_UPLOAD_PATH || pathname.startsWith(FILE_PATH_PREFIX) || pathname.startsWith(EXPORT_PATH_PREFIX);
}

export async function handleStreamRoute(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  ctx: { port: number; token: string; services: StreamServices; reply: Reply },
): Promise<void> {
  const forbidden = (message: string): void => ctx.reply(403, { ok: false, error: { code: 'FORBIDDEN', message } });
  if (url.pathname === UPLOAD_PATH || url.pathname === PACKAGE_UPLOAD_PATH) {
    if (req.method !== 'POST') return forbidden('Chỉ chấp nhận POST.');
    if (!isAllowedOrigin(req.headers.origin, ctx.port)) return forbidden('Nguồn gọi không hợp lệ.');
    if (!tokenMatches(req.headers['x-par-token'], ctx.token)) return forbidden('Phiên làm việc không hợp lệ.');
    const aborted = new AbortController();
    res.on('close', () => {
      if (!res.writableEnded) aborted.abort();
    });
    req.on('aborted', () => aborted.abort());
    const receive = url.pathname === UPLOAD_PATH ? ctx.services.upload : ctx.services.uploadPackage;
    const result = await receive(url.searchParams, req, aborted.signal);
    if (!res.destroyed) ctx.reply(200, result);
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return forbidden('Phương thức không hợp lệ.');
  if (!tokenMatches(url.searchParams.get('token') ?? undefined, ctx.token)) return forbidden('Phiên làm việc không hợp lệ.');
  const fileId = fileIdFromPath(url.pathname);
  const found = url.pathname.startsWith(EXPORT_PATH_PREFIX)
    ? ctx.services.exportFile(url.pathname)
    : fileId === null
      ? null
      : ctx.services.download(fileId, url.searchParams.get('download') === '1');
  if (!found) return ctx.reply(404, { ok: false, error: { code: 'NOT_FOUND', message: 'Không tìm thấy tệp.' } });
  res.writeHead(200, found.headers);
  if (req.method === 'HEAD') return void res.end();
  // pipeline closes the file when the client goes away (a preview closed mid-way).
  await pipeline(found.open(), res).catch(() => res.destroy());
}
