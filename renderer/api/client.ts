/**
 * The renderer's only way to the backend: one typed function per contract channel.
 * Electron: the preload exposes `window.parApi[channel](input)`. Web mode (dev and E2E): a POST
 * to the loopback bridge with the per-run session token taken from the page URL.
 */
import { channels, type Channel, type InputOf, type OutputOf } from '../../shared/api/contract';
import type { PreloadApi } from '../../shared/api/preload-api';
import type { Result } from '../../shared/api/result';

export type ApiClient = { [C in Channel]: (input: InputOf<C>) => Promise<Result<OutputOf<C>>> };

declare global {
  interface Window {
    parApi?: PreloadApi;
  }
}

const TOKEN_KEY = 'par.sessionToken';
/** Bodies below this size may be sent with keepalive, so a save survives the page closing. */
const KEEPALIVE_MAX_CHARS = 60_000;

const NETWORK_FAILURE = 'Không kết nối được với máy chủ của ứng dụng. Dữ liệu vừa nhập chưa được lưu; hãy thử lại.';
export const BAD_RESPONSE = 'Máy chủ của ứng dụng trả lời không đúng định dạng.';

/** Reads `?token=…` on first load, keeps it for the tab's session and removes it from the address bar. */
export function captureTokenFromUrl(): void {
  const url = new URL(window.location.href);
  const token = url.searchParams.get('token');
  if (token === null) return;
  try {
    sessionStorage.setItem(TOKEN_KEY, token);
  } catch {
    memoryToken = token;
  }
  url.searchParams.delete('token');
  window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
}

let memoryToken: string | null = null;

/** The per-run session token of web mode ('' in Electron, where the preload needs none). */
export function sessionToken(): string {
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? memoryToken ?? '';
  } catch {
    return memoryToken ?? '';
  }
}

/** Running in the desktop app: the preload bridge is there (web mode has none). */
export function hasDesktopBridge(): boolean {
  return typeof window !== 'undefined' && window.parApi !== undefined;
}

export function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const v = value as { ok: unknown; error?: unknown };
  return v.ok === true || (v.ok === false && typeof v.error === 'object' && v.error !== null);
}

async function callWeb(channel: Channel, input: unknown): Promise<Result<unknown>> {
  const body = JSON.stringify(input);
  let response: Response;
  try {
    response = await fetch('/api/' + channel, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-PAR-Token': sessionToken() },
      body,
      keepalive: body.length < KEEPALIVE_MAX_CHARS,
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: NETWORK_FAILURE } };
  }
  let parsed: unknown;
  try {
    parsed = await response.json();
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: response.ok ? BAD_RESPONSE : NETWORK_FAILURE } };
  }
  return isResult(parsed) ? parsed : { ok: false, error: { code: 'INTERNAL', message: BAD_RESPONSE } };
}

async function callPreload(fn: (input: unknown) => Promise<unknown>, input: unknown): Promise<Result<unknown>> {
  try {
    const value = await fn(input);
    return isResult(value) ? value : { ok: false, error: { code: 'INTERNAL', message: BAD_RESPONSE } };
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: NETWORK_FAILURE } };
  }
}

function makeCall<C extends Channel>(channel: C): ApiClient[C] {
  return (async (input: InputOf<C>) => {
    const preload = window.parApi?.[channel] as ((input: unknown) => Promise<unknown>) | undefined;
    const result = preload ? await callPreload(preload, input) : await callWeb(channel, input);
    return result as Result<OutputOf<C>>;
  }) as ApiClient[C];
}

function buildClient(): ApiClient {
  const client: Partial<Record<Channel, unknown>> = {};
  for (const channel of channels) client[channel] = makeCall(channel);
  return client as ApiClient;
}

export const api: ApiClient = buildClient();
