/** What a handler may use. Everything from the outside world (the database, the data folder,
 *  the clock, the mode) comes in here; handlers never open dialogs or pick files themselves. */
import type Database from 'better-sqlite3';
import type { PickedFiles } from '../evidence/picked-files';
import type { UploadCancels } from '../evidence/upload-cancels';
import type { FolderWork } from './folder-work';

export interface HandlerContext {
  db: Database.Database;
  dataDir: string;
  mode: 'electron' | 'web' | 'cli' | 'test';
  version: string;
  /** ISO timestamp; injectable so tests get stable times. */
  now: () => string;
  /** Largest evidence file accepted (default 500 MB; PAR_MAX_EVIDENCE_MB overrides). */
  maxEvidenceBytes: number;
  /** What only the desktop shell can do; absent in web mode, the CLI and tests. */
  desktop?: DesktopServices;
  /** Files chosen in the system picker (desktop): single-use, expiring grants and their imports. */
  picked: PickedFiles;
  /** Streamed uploads by the id the renderer chose, so the page can cancel one (app:// has no abort signal). */
  uploads: UploadCancels;
  /** A move or restore holding the data folder alone, and the archives waiting to be restored. */
  folderWork: FolderWork;
  /** Switching the running app to another data folder (lock, database, settings file): the host's
   *  own work, absent where there is no running app to switch (the CLI has its own commands). */
  folder?: DataFolderHost;
}

export interface DataFolderHost {
  /** Where the chosen folder is recorded, and PAR_DATA_DIR when it is set (it wins at the next start). */
  describe(): { settingsFile: string; envOverride: string | null };
  /** Takes the new folder's lock, opens its database, records it as the chosen folder, then
   *  switches ctx.db and ctx.dataDir to it and lets the old folder go. Nothing switches on a failure. */
  switchTo(dataDir: string): Promise<void>;
}

export interface DesktopServices {
  /** Opens a file with the system application (Electron's shell.openPath); '' on success. */
  openPath(file: string): Promise<string>;
  /** The system "open file" dialog (several files, allowlisted extensions): absolute paths, [] when cancelled. */
  pickEvidenceFiles(): Promise<string[]>;
  /** The system "open file" dialog for a whole-folder archive (.zip): a path, null when cancelled. */
  pickDataArchive?(): Promise<string | null>;
  /** The system folder dialog (may create a folder): a path, null when cancelled. */
  pickFolder?(): Promise<string | null>;
}
