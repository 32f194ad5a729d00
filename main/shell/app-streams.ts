/**
 * Evidence uploads and file previews over the app:// protocol, for Electron. The same services
 * as the web bridge's stream routes; only the page loaded from app://renderer can reach them.
 */
import { Readable } from 'node:stream';
import type { HandlerContext } from '../api/context';
import { isAppOriginUrl } from './app-origin';
import { fileIdFromPath, findEvidenceDownload } from '../transfer/evidence-download';
import { UPLOAD_PATH, uploadEvidenceFile } from '../transfer/evidence-upload';
import { EXPORT_PATH_PREFIX, findExportDownload } from '../transfer/export-download';
import { PACKAGE_UPLOAD_PATH, uploadPackage } from '../transfer/package-upload';

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' } });

/** A Response for upload and evidence-file URLs, or null when the URL is a renderer file; a 404
 *  for any URL that is not of our own app://renderer origin. */
export async function routeAppStream(request: Request, ctx: HandlerContext): Promise<Response | null> {
  // The host first: no byte route answers any origin but app://renderer.
  if (!isAppOriginUrl(request.url)) return json(404, { ok: false, error: { code: 'NOT_FOUND', message: 'Không tìm thấy.' } });
  const url = new URL(request.url);
  if (url.pathname === UPLOAD_PATH || url.pathname === PACKAGE_UPLOAD_PATH) {
    if (request.method !== 'POST' || !request.body) return json(405, { ok: false, error: { code: 'FORBIDDEN', message: 'Chỉ chấp nhận POST.' } });
    const body = request.body as unknown as AsyncIterable<Uint8Array>;
    const receive = url.pathname === UPLOAD_PATH ? uploadEvidenceFile : uploadPackage;
    return json(200, await receive(ctx, url.searchParams, body, request.signal));
  }
  const fileId = fileIdFromPath(url.pathname);
  const isExport = url.pathname.startsWith(EXPORT_PATH_PREFIX);
  if (fileId === null && !isExport) return null;
  const found = isExport ? findExportDownload(ctx, url.pathname) : findEvidenceDownload(ctx, fileId!, url.searchParams.get('download') === '1');
  if (!found) return json(404, { ok: false, error: { code: 'NOT_FOUND', message: 'Không tìm thấy tệp.' } });
  return new Response(Readable.toWeb(found.open()) as unknown as ReadableStream, { status: 200, headers: found.headers });
}
