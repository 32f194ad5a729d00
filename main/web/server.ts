/**
 * The loopback web bridge: serves the built renderer and the same dispatch that Electron's IPC
 * uses, at POST /api/<channel>. Development mode and the path the end-to-end tests take.
 * Binds 127.0.0.1 only; every API call needs the per-run token, our Host and our Origin.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream/promises';
import type { Result } from '../../shared/api/result';
import { CONTENT_SECURITY_POLICY } from '../../shared/serving/csp';
import { resolveInside } from '../../shared/serving/contain-path';
import { closeAfterReply } from './close-after-reply';
import { isAllowedHost, isAllowedOrigin, tokenMatches } from './http-guards';
import { handleStreamRoute, isStreamRoute, type StreamServices } from './stream-routes';

export type CallChannel = (channel: string, input: unknown) => Promise<Result<unknown>>;

export interface WebServerOptions {
  /** 0 picks a free port (tests). */
  port: number;
  /** Folder of the built renderer (out/web). */
  staticDir: string;
  call: CallChannel;
  /** Evidence upload and file routes; absent in tests that need only the JSON API. */
  streams?: StreamServices;
  /** Fixed token for tests that need one; random otherwise. */
  token?: string;
}

export interface RunningWebServer {
  origin: string;
  /** The address to open: origin plus `/?token=…`. */
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 8 * 1024 * 1024;
/** A JSON call's body (at most 8 MiB, from the same machine) arrives well within this. */
const BODY_DEADLINE_MS = 30_000;
export const TOKEN_HEADER = 'x-par-token';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  closeAfterReply(res, status >= 400);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(text);
}

function forbidden(res: http.ServerResponse, message: string): void {
  sendJson(res, 403, { ok: false, error: { code: 'FORBIDDEN', message } });
}

type Body = { text: string } | { refused: 413 | 408 };

/** The body, or the status to refuse it with; the reply then closes the connection (closeAfterReply). */
function readBody(req: http.IncomingMessage): Promise<Body> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const collect = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) return give({ refused: 413 });
      chunks.push(chunk);
    };
    const timer = setTimeout(() => give({ refused: 408 }), BODY_DEADLINE_MS);
    const give = (body: Body): void => {
      clearTimeout(timer);
      req.off('data', collect);
      resolve(body);
    };
    req.on('data', collect);
    req.on('end', () => give({ text: Buffer.concat(chunks).toString('utf8') }));
    req.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

const BODY_REFUSALS = { 413: 'Dữ liệu gửi lên quá lớn.', 408: 'Dữ liệu gửi lên quá chậm; yêu cầu đã bị hủy.' } as const;

async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, url: URL, opts: WebServerOptions & { token: string; port: number }): Promise<void> {
  if (req.method !== 'POST') return forbidden(res, 'Chỉ chấp nhận POST.');
  if (!isAllowedOrigin(req.headers.origin, opts.port)) return forbidden(res, 'Nguồn gọi không hợp lệ.');
  if (!tokenMatches(req.headers[TOKEN_HEADER], opts.token)) return forbidden(res, 'Phiên làm việc không hợp lệ. Hãy mở lại địa chỉ được in khi khởi động.');
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return forbidden(res, 'Định dạng yêu cầu không hợp lệ.');
  const body = await readBody(req);
  if ('refused' in body) return sendJson(res, body.refused, { ok: false, error: { code: 'INVALID_INPUT', message: BODY_REFUSALS[body.refused] } });
  let input: unknown;
  try {
    input = body.text.length ? JSON.parse(body.text) : {};
  } catch {
    return sendJson(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: 'Dữ liệu gửi lên không phải JSON hợp lệ.' } });
  }
  const channel = safeDecode(url.pathname.slice('/api/'.length));
  sendJson(res, 200, await opts.call(channel, input));
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return '';
  }
}

function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, staticDir: string, pathname: string): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') return forbidden(res, 'Phương thức không hợp lệ.');
  const requested = pathname === '/' ? 'index.html' : pathname;
  const file = resolveInside(staticDir, requested, path);
  if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Không tìm thấy.');
    return;
  }
  res.writeHead(200, {
    'Content-Type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
  if (req.method === 'HEAD') return void res.end();
  // pipeline closes the file when the client goes away and never throws on a read error.
  pipeline(fs.createReadStream(file), res).catch(() => res.destroy());
}

export function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  if (!fs.existsSync(path.join(options.staticDir, 'index.html'))) {
    throw new Error(`Chưa có giao diện đã dựng tại ${options.staticDir}. Hãy chạy "npm run web".`);
  }
  let port = options.port;
  const server = http.createServer((req, res) => {
    if (!isAllowedHost(req.headers.host, port)) return forbidden(res, 'Tên máy không hợp lệ.');
    const url = URL.canParse(req.url ?? '/', 'http://127.0.0.1') ? new URL(req.url ?? '/', 'http://127.0.0.1') : null;
    if (!url) return sendJson(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: 'Địa chỉ yêu cầu không hợp lệ.' } });
    if (options.streams && isStreamRoute(url.pathname)) {
      const services = options.streams;
      handleStreamRoute(req, res, url, { port, token, services, reply: (status, body) => sendJson(res, status, body) }).catch((err: unknown) => {
        console.error('[web] stream route failed:', err);
        if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'Đã xảy ra lỗi không mong muốn.' } });
        else res.destroy();
      });
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      handleApi(req, res, url, { ...options, token, port }).catch((err: unknown) => {
        console.error('[web] request failed:', err);
        if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'Đã xảy ra lỗi không mong muốn.' } });
      });
      return;
    }
    serveStatic(req, res, options.staticDir, url.pathname);
  });
  // Large uploads (a package of several GB from an old disk) may take longer than Node's default
  // 5-minute request timeout, so a request may last two hours; but headers must arrive within
  // 20 s and a connection that sends nothing for a minute is closed.
  server.headersTimeout = 20_000;
  server.requestTimeout = 2 * 60 * 60 * 1000;
  server.timeout = 60_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      const origin = `http://127.0.0.1:${port}`;
      resolve({
        origin,
        url: `${origin}/?token=${token}`,
        token,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
