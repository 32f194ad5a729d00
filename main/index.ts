/**
 * Electron entry: app lifecycle only. One instance; the app:// scheme registered before ready;
 * on ready: open the data (PAR_DATA_DIR or the user-data folder), register IPC, show the window;
 * quit when the last window closes; close the database on quit.
 */
import { readChosenDataDir } from './startup/data-folder-choice';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, shell, type OpenDialogOptions } from 'electron';
import { createHandlerRegistry } from './api/registry';
import { createAppContext, runStartupCleanup, type AppContext } from './startup/app-context';
import { warmUpWorkspaceReads } from './assessment/warm-up';
import { AutoBackup, autoBackupIntervalFromEnv } from './backup/auto-backup';
import { electronUserDataDir, seedsDir } from './startup/data-dir';
import { evidencePickerFilters } from '../shared/files/file-types';
import { appMenuTemplate } from './shell/app-menu';
import { registerIpc } from './shell/ipc';
import { createMainWindow, hardenWebContents, registerAppScheme, type MainWindowPaths } from './shell/window';

const here = path.dirname(fileURLToPath(import.meta.url));
const windowPaths: MainWindowPaths = {
  preloadPath: path.join(here, '..', 'preload', 'index.cjs'),
  rendererRoot: path.join(here, '..', 'renderer'),
};

let appContext: AppContext | null = null;

function dataDir(): string {
  const override = process.env.PAR_DATA_DIR;
  // A folder chosen with `par move-data` (data-folder-choice.ts) comes before the default one.
  return override ? path.resolve(override) : (readChosenDataDir() ?? app.getPath('userData'));
}

function focusMainWindow(): void {
  const [win] = BrowserWindow.getAllWindows();
  if (!win) return;
  if (win.isMinimized()) win.restore();
  win.focus();
}

function closeAppContext(): void {
  appContext?.close();
  appContext = null;
}

let autoBackup: AutoBackup | null = null;

/** Quitting waits once for the backup at exit (what changed since the last backup), then quits. */
function backUpBeforeQuit(event: { preventDefault(): void }): void {
  const pending = autoBackup;
  if (!pending) return;
  autoBackup = null;
  event.preventDefault();
  void pending.atExit().finally(() => app.quit());
}

/** "Chọn tệp" on the desktop: the system dialog, several files, allowlisted types only. The paths
 *  stay in main (handlers grant them to the renderer by id, main/evidence/picked-files.ts). */
async function pickEvidenceFiles(): Promise<string[]> {
  const options: OpenDialogOptions = { title: 'Chọn tệp đính kèm', properties: ['openFile', 'multiSelections'], filters: evidencePickerFilters() };
  const win = BrowserWindow.getFocusedWindow();
  const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  return result.canceled ? [] : result.filePaths;
}

/** "Khôi phục từ tệp": the system dialog for one whole-folder archive (.zip). */
async function pickDataArchive(): Promise<string | null> {
  const options: OpenDialogOptions = { title: 'Chọn tệp sao lưu toàn bộ dữ liệu', properties: ['openFile'], filters: [{ name: 'Tệp sao lưu toàn bộ dữ liệu (.zip)', extensions: ['zip'] }] };
  const win = BrowserWindow.getFocusedWindow();
  const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

/** "Chọn thư mục dữ liệu" and the restore target: the system folder dialog (a new folder can be made in it). */
async function pickFolder(): Promise<string | null> {
  const options: OpenDialogOptions = { title: 'Chọn thư mục dữ liệu mới (trống)', properties: ['openDirectory', 'createDirectory', 'promptToCreate'] };
  const win = BrowserWindow.getFocusedWindow();
  const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

async function onReady(): Promise<void> {
  const seeds = seedsDir({ isPackaged: app.isPackaged, resourcesPath: process.resourcesPath, moduleDir: here });
  appContext = createAppContext({ dataDir: dataDir(), mode: 'electron', seedsDir: seeds });
  await runStartupCleanup(appContext);
  autoBackup = new AutoBackup(appContext, autoBackupIntervalFromEnv());
  autoBackup.start();
  appContext.desktop = { openPath: (file) => shell.openPath(file), pickEvidenceFiles, pickDataArchive, pickFolder };
  registerIpc(ipcMain, createHandlerRegistry(), appContext);
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(app.isPackaged, process.platform)));
  createMainWindow(windowPaths, appContext);
  // While the window loads its page: the reads of the first workspace open, so it is not cold.
  const ctx = appContext;
  setImmediate(() => warmUpWorkspaceReads(ctx.db));
}

function failStartup(err: unknown): void {
  console.error('[main] startup failed:', err);
  const detail = err instanceof Error ? err.message : String(err);
  dialog.showErrorBox('Không khởi động được ứng dụng', `Không mở được dữ liệu của ứng dụng.\n\n${detail}`);
  closeAppContext();
  app.exit(1);
}

function wireLifecycle(): void {
  app.on('second-instance', focusMainWindow);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('activate', () => {
    if (appContext && BrowserWindow.getAllWindows().length === 0) createMainWindow(windowPaths, appContext);
  });
  app.on('before-quit', backUpBeforeQuit);
  app.on('will-quit', closeAppContext);
  app.whenReady().then(onReady).catch(failStartup);
}

/** Same folder as the web mode and the CLI compute (main/data-dir.ts), whatever the product name;
 *  created first: on a first start it does not exist yet. */
function prepareUserData(): boolean {
  const userData = electronUserDataDir(app.getPath('appData'));
  try {
    fs.mkdirSync(userData, { recursive: true });
  } catch (err) {
    dialog.showErrorBox('Không khởi động được ứng dụng', `Không tạo được thư mục dữ liệu ${userData}.\n\n${err instanceof Error ? err.message : String(err)}`);
    return false;
  }
  app.setPath('userData', userData);
  return true;
}

app.enableSandbox();
registerAppScheme();

if (!prepareUserData()) {
  app.exit(1);
} else if (app.requestSingleInstanceLock()) {
  wireLifecycle();
} else {
  app.quit();
}
