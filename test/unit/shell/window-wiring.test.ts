/**
 * createMainWindow's wiring, with 'electron' replaced by fakes (the runtime is not installed
 * here, and requiring the real package would try to download it).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

const fakes = vi.hoisted(() => {
  const makeEmitter = () => {
    const listeners = new Map<string, Listener[]>();
    return {
      listeners,
      on(name: string, fn: Listener) {
        listeners.set(name, [...(listeners.get(name) ?? []), fn]);
      },
      emit(name: string, ...args: unknown[]) {
        for (const fn of listeners.get(name) ?? []) fn(...args);
      },
    };
  };
  const session = {
    protocolHandlers: new Map<string, (req: { url: string; method: string }) => Promise<Response>>(),
    requestHandler: null as null | Listener,
    checkHandler: null as null | Listener,
    protocol: {
      handle(scheme: string, fn: (req: { url: string; method: string }) => Promise<Response>) {
        if (session.protocolHandlers.has(scheme)) throw new Error('already handled');
        session.protocolHandlers.set(scheme, fn);
      },
    },
    setPermissionRequestHandler(fn: Listener) {
      session.requestHandler = fn;
    },
    setPermissionCheckHandler(fn: Listener) {
      session.checkHandler = fn;
    },
  };
  const windows: FakeWindow[] = [];
  class FakeWindow {
    readonly events = makeEmitter();
    readonly webContents = { ...makeEmitter(), openHandler: null as null | Listener };
    loadedUrl = '';
    shown = false;
    destroyed = false;
    isDestroyed() {
      return this.destroyed;
    }
    constructor(readonly options: unknown) {
      this.webContents.on = this.webContents.on.bind(this.webContents);
      Object.assign(this.webContents, {
        setWindowOpenHandler: (fn: Listener) => {
          this.webContents.openHandler = fn;
        },
      });
      windows.push(this);
    }
    once(name: string, fn: Listener) {
      this.events.on(name, fn);
    }
    show() {
      this.shown = true;
    }
    loadURL(url: string) {
      this.loadedUrl = url;
      return Promise.resolve();
    }
  }
  const registered: unknown[] = [];
  const dialogAnswers: number[] = [];
  const quits: number[] = [];
  return { session, windows, FakeWindow, registered, dialogAnswers, quits };
});

vi.mock('electron', () => ({
  app: { quit: () => fakes.quits.push(1) },
  dialog: { showMessageBox: () => Promise.resolve({ response: fakes.dialogAnswers.shift() ?? 1, checkboxChecked: false }) },
  BrowserWindow: fakes.FakeWindow,
  session: { defaultSession: fakes.session },
  protocol: { registerSchemesAsPrivileged: (schemes: unknown[]) => fakes.registered.push(...schemes) },
}));

const { createMainWindow, registerAppScheme, secureWindowOptions } = await import('../../../main/shell/window');

function navigationEvent(url: string) {
  return { url, preventDefault: vi.fn() };
}

describe('createMainWindow', () => {
  beforeEach(() => {
    fakes.windows.length = 0;
  });

  it('builds the window from secureWindowOptions and loads app://renderer/index.html, shown on ready-to-show', () => {
    createMainWindow({ preloadPath: '/p/index.cjs', rendererRoot: '/r' });
    const win = fakes.windows[0]!;
    expect(win.options).toEqual(secureWindowOptions('/p/index.cjs'));
    expect(win.loadedUrl).toBe('app://renderer/index.html');
    expect(win.shown).toBe(false);
    win.events.emit('ready-to-show');
    expect(win.shown).toBe(true);
  });

  it('a failed load shows the window again after "Tải lại", and quits after "Thoát"', async () => {
    createMainWindow({ preloadPath: '/p/index.cjs', rendererRoot: '/r' });
    const win = fakes.windows[0]!;
    win.loadedUrl = '';
    fakes.dialogAnswers.push(0);
    win.webContents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'app://renderer/index.html', true);
    await vi.waitFor(() => expect(win.shown).toBe(true));
    expect(win.loadedUrl).toBe('app://renderer/index.html');
    fakes.dialogAnswers.push(1);
    win.webContents.emit('render-process-gone', {}, { reason: 'crashed' });
    await vi.waitFor(() => expect(fakes.quits).toHaveLength(1));
  });

  it('denies navigation away from the app and allows in-app navigation', () => {
    createMainWindow({ preloadPath: '/p/index.cjs', rendererRoot: '/r' });
    const contents = fakes.windows[0]!.webContents;
    for (const name of ['will-navigate', 'will-redirect']) {
      const away = navigationEvent('https://example.com/');
      contents.emit(name, away);
      expect(away.preventDefault).toHaveBeenCalled();
      const file = navigationEvent('file:///etc/passwd');
      contents.emit(name, file);
      expect(file.preventDefault).toHaveBeenCalled();
      const inApp = navigationEvent('app://renderer/index.html#/x');
      contents.emit(name, inApp);
      expect(inApp.preventDefault).not.toHaveBeenCalled();
    }
    const webview = navigationEvent('');
    contents.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  it('denies any frame (an <iframe> too) navigating away from the app; the preview frame and the PDF viewer stay allowed', () => {
    createMainWindow({ preloadPath: '/p/index.cjs', rendererRoot: '/r' });
    const contents = fakes.windows[0]!.webContents;
    for (const url of ['https://example.com/', 'file:///C:/Windows/win.ini', 'app://evil/x', 'javascript:alert(1)', 'data:text/html,<script>1</script>', 'chrome-extension://abc/']) {
      const away = { ...navigationEvent(url), isMainFrame: false };
      contents.emit('will-frame-navigate', away);
      expect(away.preventDefault, url).toHaveBeenCalled();
    }
    for (const url of ['app://renderer/files/evidence/7', 'about:blank', 'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html']) {
      const inApp = { ...navigationEvent(url), isMainFrame: false };
      contents.emit('will-frame-navigate', inApp);
      expect(inApp.preventDefault, url).not.toHaveBeenCalled();
    }
  });

  it('hardens a WebContents only once (web-contents-created and createMainWindow both call it)', async () => {
    const { hardenWebContents } = await import('../../../main/shell/window');
    createMainWindow({ preloadPath: '/p/index.cjs', rendererRoot: '/r' });
    const contents = fakes.windows[0]!.webContents;
    hardenWebContents(contents as never);
    expect(contents.listeners.get('will-navigate')).toHaveLength(1);
  });

  it('denies new windows', () => {
    createMainWindow({ preloadPath: '/p/index.cjs', rendererRoot: '/r' });
    const handler = fakes.windows[0]!.webContents.openHandler;
    expect(handler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('denies every permission request and check, and handles app:// once per session', () => {
    createMainWindow({ preloadPath: '/p/index.cjs', rendererRoot: '/r' });
    createMainWindow({ preloadPath: '/p/index.cjs', rendererRoot: '/r' });
    const callback = vi.fn();
    fakes.session.requestHandler?.({}, 'media', callback, {});
    expect(callback).toHaveBeenCalledWith(false);
    expect(fakes.session.checkHandler?.({}, 'clipboard-read', 'app://renderer', {})).toBe(false);
    expect([...fakes.session.protocolHandlers.keys()]).toEqual(['app']);
  });

  it('serves app:// requests from the renderer folder with the CSP', async () => {
    createMainWindow({ preloadPath: '/p/index.cjs', rendererRoot: '/no/such/folder' });
    const res = await fakes.session.protocolHandlers.get('app')!({ url: 'app://renderer/%2e%2e/etc/passwd', method: 'GET' });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('registers app:// as a privileged standard secure scheme', () => {
    registerAppScheme();
    expect(fakes.registered).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });
});
