/**
 * Evidence uploads and file previews over the app:// protocol, for Electron: the same byte routes
 * as the web bridge (transfer/transfer-routes.ts); only the page loaded from app://renderer can
 * reach them.
 */
import { Readable } from 'node:stream';
import type { HandlerContext } from '../context/handler-context';
import { isTransferRoute, routeTransfer } from '../transfer/transfer-routes';
import { isAppOriginUrl } from './app-origin';

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' } });

/** A Response for upload and evidence-file URLs, or null when the URL is a renderer file; a 404
 *  for any URL that is not of our own app://renderer origin. */
export async function routeAppStream(request: Request, ctx: HandlerContext): Promise<Response | null> {
  // The host first: no byte route answers any origin but app://renderer.
  if (!isAppOriginUrl(request.url)) return json(404, { ok: false, error: { code: 'NOT_FOUND', message: 'Không tìm thấy.' } });
  const url = new URL(request.url);
  if (!isTransferRoute(url.pathname)) return null;
  const body = request.body as unknown as AsyncIterable<Uint8Array> | null;
  const answer = await routeTransfer(ctx, { method: request.method, url, body, signal: request.signal });
  if (answer.kind === 'result') return json(answer.status, answer.result);
  return new Response(Readable.toWeb(answer.download.open()) as unknown as ReadableStream, { status: 200, headers: answer.download.headers });
}
