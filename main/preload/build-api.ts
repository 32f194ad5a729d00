/**
 * Builds the object the preload exposes: exactly one function per channel, each forwarding its
 * single input to its own channel. No generic invoke and no ipcRenderer ever reach the page.
 * No electron import, so it is tested without the Electron runtime.
 */
import type { Channel } from '../../shared/api/contract';
import type { PreloadApi } from '../../shared/api/preload-api';

export type InvokeChannel = (channel: Channel, input: unknown) => Promise<unknown>;

export const PRELOAD_GLOBAL_NAME = 'parApi';

function channelFunction(invoke: InvokeChannel, channel: Channel): (input: unknown) => Promise<unknown> {
  // Only the first argument crosses; anything else the page passes is dropped.
  return (input: unknown) => invoke(channel, input);
}

export function buildPreloadApi(invoke: InvokeChannel, channelList: readonly Channel[]): PreloadApi {
  const entries = channelList.map((channel) => [channel, channelFunction(invoke, channel)] as const);
  return Object.freeze(Object.fromEntries(entries)) as unknown as PreloadApi;
}
