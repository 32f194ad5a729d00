/**
 * The web bridge's guards for the byte routes (transfer/transfer-routes.ts): evidence and package
 * uploads (POST, token header, our Origin) and evidence files and exports for preview or download
 * (GET, token in the query because an <iframe> or <img> cannot send headers). Past the guards the
 * route runs exactly as under Electron's app:// protocol.
 */
import type http from 'node:http';
import { pipeline } from 'node:stream/promises';
import { fail } from '../../shared/api/result';
import type { TransferAnswer, TransferRequest } from '../transfer/transfer-routes';
import { isTransferRoute, isUploadRoute } from '../transfer/transfer-routes';
import { isAllowedOrigin, tokenMatches } from './http-guards';

export interface StreamServices {
  route(req: TransferRequest): Promise<TransferAnswer>;
}

type Reply = (status: number, body: unknown) => void;

export const isStreamRoute = isTransferRoute;

export async function handleStreamRoute(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  ctx: { port: number; token: string; services: StreamServices; reply: Reply },
): Promise<void> {
  const forbidden = (message: string): void => ctx.reply(403, fail('FORBIDDEN', message));
  const aborted = new AbortController();
  if (isUploadRoute(url.pathname)) {
    if (req.method !== 'POST') return forbidden('Chỉ chấp nhận POST.');
    if (!isAllowedOrigin(req.headers.origin, ctx.port)) return forbidden('Nguồn gọi không hợp lệ.');
    if (!tokenMatches(req.headers['x-par-token'], ctx.token)) return forbidden('Phiên làm việc không hợp lệ.');
    res.on('close', () => {
      if (!res.writableEnded) aborted.abort();
    });
    req.on('aborted', () => aborted.abort());
  } else {
    if (req.method !== 'GET' && req.method !== 'HEAD') return forbidden('Phương thức không hợp lệ.');
    if (!tokenMatches(url.searchParams.get('token') ?? undefined, ctx.token)) return forbidden('Phiên làm việc không hợp lệ.');
  }
  const answer = await ctx.services.route({ method: req.method, url, body: req, signal: aborted.signal });
  if (answer.kind === 'result') {
    if (!res.destroyed) ctx.reply(answer.status, answer.result);
    return;
  }
  res.writeHead(200, answer.download.headers);
  if (req.method === 'HEAD') return void res.end();
  // pipeline closes the file when the client goes away (a preview closed mid-way).
  await pipeline(answer.download.open(), res).catch(() => res.destroy());
}
