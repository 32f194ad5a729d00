/** What a handler may use. Everything from the outside world (the database, the data folder,
 *  the clock, the mode) comes in here; handlers never open dialogs or pick files themselves. */
import type Database from 'better-sqlite3';
import type { PickedFiles } from '../evidence/picked-files';
import type { UploadCancels } from '../evidence/upload-cancels';

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
}

export interface DesktopServices {
  /** Opens a file with the system application (Electron's shell.openPath); '' on success. */
  openPath(file: string): Promise<string>;
  /** The system "open file" dialog (several files, allowlisted extensions): absolute paths, [] when cancelled. */
  pickEvidenceFiles(): Promise<string[]>;
}
