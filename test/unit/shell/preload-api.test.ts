import { describe, expect, it, vi } from 'vitest';
import { channels, type Channel } from '../../../shared/api/contract';
import { buildPreloadApi, PRELOAD_GLOBAL_NAME } from '../../../main/preload/build-api';

function recordingInvoke() {
  return vi.fn((channel: Channel, input: unknown) => Promise.resolve({ ok: true, value: { channel, input } }));
}

describe('buildPreloadApi', () => {
  it('exposes exactly one function per contract channel and nothing else', () => {
    const api = buildPreloadApi(recordingInvoke(), channels);
    expect(Object.keys(api).sort()).toEqual([...channels].sort());
    for (const channel of channels) expect(typeof api[channel]).toBe('function');
  });

  it('has no ipcRenderer, no generic invoke/send and no prototype tricks', () => {
    const api = buildPreloadApi(recordingInvoke(), channels) as unknown as Record<string, unknown>;
    for (const key of ['ipcRenderer', 'invoke', 'send', 'sendSync', 'on']) expect(key in api).toBe(false);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('makes each function call invoke with its own channel name and only its input', async () => {
    const invoke = recordingInvoke();
    const api = buildPreloadApi(invoke, channels);
    for (const channel of channels) {
      invoke.mockClear();
      const input = { probe: channel };
      const call = api[channel] as unknown as (input: unknown, extra?: unknown) => Promise<unknown>;
      await expect(call(input, 'extra argument')).resolves.toEqual({ ok: true, value: { channel, input } });
      expect(invoke).toHaveBeenCalledTimes(1);
      expect(invoke).toHaveBeenCalledWith(channel, input);
    }
  });

  it('is exposed as window.parApi', () => {
    expect(PRELOAD_GLOBAL_NAME).toBe('parApi');
  });
});
