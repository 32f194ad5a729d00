/**
 * IPC registration: one `ipcMain.handle` per contract channel, nothing else. Every call first
 * checks the sending frame (present, and showing an app:// page), then goes through the same
 * `dispatch` as the web bridge and the tests. `ipcMain` is a parameter so a test can pass a
 * recording fake; no electron import here.
 */
import { channels, type Channel } from '../../shared/api/contract';
import type { Result } from '../../shared/api/result';
import type { HandlerContext } from '../context/handler-context';
import { dispatch, type HandlerRegistry } from '../api/dispatch';
import { isTrustedSenderUrl, type SenderCheck } from './sender-check';

/** The part of Electron's IpcMainInvokeEvent we read. */
export interface InvokeEventLike {
  readonly senderFrame: { readonly url: string } | null;
}

export type InvokeListener = (event: InvokeEventLike, ...args: unknown[]) => Promise<Result<unknown>>;

/** The part of Electron's IpcMain we use. */
export interface IpcMainLike {
  handle(channel: string, listener: InvokeListener): void;
}

export const FORBIDDEN_MESSAGE = 'Yêu cầu bị từ chối: không đến từ giao diện của ứng dụng.';

function forbidden(): Result<never> {
  return { ok: false, error: { code: 'FORBIDDEN', message: FORBIDDEN_MESSAGE } };
}

/** The sender's URL, or null when the frame is gone (destroyed or navigated away). */
export function senderUrl(event: InvokeEventLike): string | null {
  try {
    return event.senderFrame?.url ?? null;
  } catch {
    return null; // Electron may throw when reading a frame that was disposed
  }
}

function channelListener(channel: Channel, registry: HandlerRegistry, ctx: HandlerContext, isTrusted: SenderCheck): InvokeListener {
  return async (event, input) => {
    const url = senderUrl(event);
    if (url === null || !isTrusted(url)) {
      console.warn(`[ipc] refused ${channel} from ${url ?? 'a missing frame'}`);
      return forbidden();
    }
    return dispatch(registry, ctx, channel, input);
  };
}

/** Registers every contract channel once; returns the channels registered, in order. */
export function registerIpc(
  ipcMain: IpcMainLike,
  registry: HandlerRegistry,
  ctx: HandlerContext,
  isTrustedSender: SenderCheck = isTrustedSenderUrl,
): Channel[] {
  const registered: Channel[] = [];
  for (const channel of channels) {
    ipcMain.handle(channel, channelListener(channel, registry, ctx, isTrustedSender));
    registered.push(channel);
  }
  return registered;
}
