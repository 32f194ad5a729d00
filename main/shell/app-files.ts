/**
 * Serves the built renderer for the app:// protocol. Plain Node (Response is global since
 * Node 18), no electron import, so it is tested without the Electron runtime. Only GET/HEAD of
 * files inside the renderer folder; every response carries the strict CSP.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-origin';
import { resolveInside } from '../../shared/serving/contain-path';
import { CONTENT_SECURITY_POLICY } from '../../shared/serving/csp';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };
}

function textResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** The file a request names, or null: wrong scheme/host, escape attempt, or not a file. */
export async function fileForAppUrl(requestUrl: string, rendererRoot: string): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST) return null;
  const pathname = url.pathname === '/' || url.pathname === '' ? '/index.html' : url.pathname;
  const file = resolveInside(rendererRoot, pathname, path);
  if (!file) return null;
  const info = await stat(file).catch(() => null);
  return info?.isFile() ? file : null;
}

/** The handler body of `protocol.handle('app', …)`. */
export async function serveAppRequest(requestUrl: string, rendererRoot: string, method = 'GET'): Promise<Response> {
  if (method !== 'GET' && method !== 'HEAD') return textResponse(405, 'Phương thức không được phép.');
  const file = await fileForAppUrl(requestUrl, rendererRoot);
  if (!file) return textResponse(404, 'Không tìm thấy.');
  const headers = { ...securityHeaders(), 'Content-Type': contentTypeFor(file) };
  if (method === 'HEAD') return new Response(null, { status: 200, headers });
  // Renderer assets are small (the built bundle); reading whole files keeps this simple.
  const body = new Uint8Array(await readFile(file));
  return new Response(body, { status: 200, headers });
}
