import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { channels, type Channel } from '../../../shared/api/contract';
import type { Result } from '../../../shared/api/result';
import type { HandlerRegistry } from '../../../main/api/dispatch';
import { createHandlerRegistry } from '../../../main/api/registry';
import { createAppContext, type AppContext } from '../../../main/startup/app-context';
import { registerIpc, type InvokeEventLike, type InvokeListener, type IpcMainLike } from '../../../main/shell/ipc';
import { makeTempDir, NOW, type TempDir } from '../../helpers/store-temp';

class RecordingIpcMain implements IpcMainLike {
  readonly calls: { channel: string; listener: InvokeListener }[] = [];
  handle(channel: string, listener: InvokeListener): void {
    this.calls.push({ channel, listener });
  }
  listenerFor(channel: string): InvokeListener {
    const found = this.calls.find((c) => c.channel === channel);
    if (!found) throw new Error(`no handler for ${channel}`);
    return found.listener;
  }
}

/** The real registry with every handler wrapped in a spy, to see whether it ran. */
function spiedRegistry(): { registry: HandlerRegistry; spies: Map<Channel, ReturnType<typeof vi.fn>> } {
  const real = createHandlerRegistry();
  const spies = new Map<Channel, ReturnType<typeof vi.fn>>();
  const entries = channels.map((channel) => {
    const spy = vi.fn(real[channel] as (...args: unknown[]) => unknown);
    spies.set(channel, spy);
    return [channel, spy] as const;
  });
  return { registry: Object.fromEntries(entries) as unknown as HandlerRegistry, spies };
}

const appFrame = (url = 'app://renderer/index.html'): InvokeEventLike => ({ senderFrame: { url } });

describe('registerIpc', () => {
  let temp: TempDir;
  let ctx: AppContext;
  let ipc: RecordingIpcMain;
  let spies: Map<Channel, ReturnType<typeof vi.fn>>;

  beforeEach(() => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    temp = makeTempDir('par-ipc-');
    ctx = createAppContext({ dataDir: temp.dir, mode: 'electron', now: () => NOW, installSamples: false });
    ipc = new RecordingIpcMain();
    const spied = spiedRegistry();
    spies = spied.spies;
    registerIpc(ipc, spied.registry, ctx);
  });

  afterEach(() => {
    vi.restoreAllMocks();
    ctx.close();
    temp.cleanup();
  });

  it('registers every contract channel exactly once and nothing else', () => {
    const registered = ipc.calls.map((c) => c.channel);
    expect([...registered].sort()).toEqual([...channels].sort());
    expect(new Set(registered).size).toBe(registered.length);
  });

  it('returns the registered channels', () => {
    const again = new RecordingIpcMain();
    expect(registerIpc(again, createHandlerRegistry(), ctx)).toEqual(again.calls.map((c) => c.channel));
  });

  it('dispatches a call from the app origin to the real handler', async () => {
    const result = (await ipc.listenerFor('app:info')(appFrame(), {})) as Result<{ mode: string; dataDir: string }>;
    expect(result).toEqual({ ok: true, value: expect.objectContaining({ mode: 'electron', dataDir: temp.dir }) });
    expect(spies.get('app:info')).toHaveBeenCalledTimes(1);
  });

  it('validates input through dispatch (unknown keys are refused)', async () => {
    const result = await ipc.listenerFor('app:info')(appFrame(), { extra: 1 });
    expect(result.ok).toBe(false);
    expect(result.ok ? null : result.error.code).toBe('INVALID_INPUT');
    expect(spies.get('app:info')).not.toHaveBeenCalled();
  });

  it.each([
    ['a null senderFrame', { senderFrame: null }],
    ['an https page', appFrame('https://evil.example/index.html')],
    ['a file:// page', appFrame('file:///opt/app/out/renderer/index.html')],
    ['the loopback web origin', appFrame('http://127.0.0.1:5180/')],
    ['another app:// host', appFrame('app://renderer.evil/index.html')],
    ['about:blank', appFrame('about:blank')],
  ] as const)('refuses %s with FORBIDDEN without running any handler', async (_name, event: InvokeEventLike) => {
    for (const channel of channels) {
      const result = await ipc.listenerFor(channel)(event, {});
      expect(result.ok ? 'ok' : result.error.code).toBe('FORBIDDEN');
    }
    for (const spy of spies.values()) expect(spy).not.toHaveBeenCalled();
    expect(console.warn).toHaveBeenCalledTimes(channels.length);
  });

  it('refuses a sender whose frame throws when read (disposed frame)', async () => {
    const event = {
      get senderFrame(): { url: string } | null {
        throw new Error('Render frame was disposed');
      },
    };
    const result = await ipc.listenerFor('app:info')(event, {});
    expect(result.ok ? 'ok' : result.error.code).toBe('FORBIDDEN');
    expect(spies.get('app:info')).not.toHaveBeenCalled();
  });

  it('uses the sender check it is given', async () => {
    const strict = new RecordingIpcMain();
    registerIpc(strict, createHandlerRegistry(), ctx, () => false);
    const result = await strict.listenerFor('app:info')(appFrame(), {});
    expect(result.ok ? 'ok' : result.error.code).toBe('FORBIDDEN');
  });
});
