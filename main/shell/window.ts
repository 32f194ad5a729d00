/**
 * The main window and the hardening around it: the app:// protocol (never file://) with the
 * strict CSP, no navigation away from the app, no new windows, no webviews, every permission
 * denied. The only window factory of the app.
 */
import { app, BrowserWindow, dialog, protocol, session as electronSession, type Session, type WebContents } from 'electron';
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_DEFINITION, isAppOriginUrl } from './app-origin';
import type { HandlerContext } from '../context/handler-context';
import { serveAppRequest } from './app-files';
import { offerRecovery } from './load-failure';
import { routeAppStream } from './app-streams';
import { secureWindowOptions } from './window-options';

export { secureWindowOptions, WINDOW_TITLE } from './window-options';

export interface MainWindowPaths {
  /** Built preload script (out/preload/index.cjs). */
  preloadPath: string;
  /** Built renderer folder (out/renderer), served as app://renderer/. */
  rendererRoot: string;
}

/** Must run before the app is ready (Electron only accepts privileged schemes then). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_DEFINITION]);
}

function denyAllPermissions(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
}

const preparedSessions = new WeakSet<Session>();

/** Serve the renderer on app:// and deny permissions, once per session. */
export function prepareAppSession(ses: Session, rendererRoot: string, ctx?: HandlerContext): void {
  if (preparedSessions.has(ses)) return;
  preparedSessions.add(ses);
  ses.protocol.handle(APP_SCHEME, async (request) => {
    const streamed = ctx ? await routeAppStream(request, ctx) : null;
    return streamed ?? serveAppRequest(request.url, rendererRoot, request.method);
  });
  denyAllPermissions(ses);
}

const hardenedContents = new WeakSet<WebContents>();
/** Chromium's PDF viewer extension (the same id in every Chromium and Electron build). */
const PDF_VIEWER_ORIGIN = 'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/';

/** Applied to every WebContents (also through app 'web-contents-created'), once each. */
export function hardenWebContents(contents: WebContents): void {
  if (hardenedContents.has(contents)) return;
  hardenedContents.add(contents);
  contents.on('will-navigate', (event) => {
    if (!isAppOriginUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppOriginUrl(event.url)) event.preventDefault();
  });
  // Frames too (the preview <iframe>, or one a hostile document might open): only our own pages,
  // a blank frame, and Chromium's built-in PDF viewer that shows a previewed PDF.
  contents.on('will-frame-navigate', (event) => {
    if (!isAppOriginUrl(event.url) && event.url !== 'about:blank' && !event.url.startsWith(PDF_VIEWER_ORIGIN)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function createMainWindow(paths: MainWindowPaths, ctx?: HandlerContext): BrowserWindow {
  prepareAppSession(electronSession.defaultSession, paths.rendererRoot, ctx);
  const win = new BrowserWindow(secureWindowOptions(paths.preloadPath));
  hardenWebContents(win.webContents);
  win.once('ready-to-show', () => win.show());
  const load = (): void => {
    win.loadURL(APP_ENTRY_URL).catch((err: unknown) => {
      console.error('[window] could not load the renderer:', err); // did-fail-load asks the officer
    });
  };
  offerRecovery(win.webContents, {
    ask: (options) => dialog.showMessageBox(options),
    reload: () => {
      if (win.isDestroyed()) return;
      load();
      win.show();
    },
    quit: () => app.quit(),
  });
  load();
  return win;
}
