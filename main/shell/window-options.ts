/**
 * The secure BrowserWindow options, as a pure function (type-only electron import) so tests
 * check every flag without the Electron runtime.
 */
import type { BrowserWindowConstructorOptions } from 'electron';

export const WINDOW_TITLE = 'Tự đánh giá Chỉ số CCHC';

export function secureWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    width: 1280,
    height: 860,
    minWidth: 960,
    minHeight: 640,
    show: false, // shown on 'ready-to-show': no white flash, no half-drawn window
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      // A middle click on a link must not open anything (Electron's auxclick advice).
      disableBlinkFeatures: 'Auxclick',
    },
  };
}
