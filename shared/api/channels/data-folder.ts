/** The data folder in the app: "Khôi phục từ tệp" (a whole-folder archive restored into a new
 *  folder, which the app then uses) and "Chọn thư mục dữ liệu" (moving the data folder). Merged
 *  into the contract in contract.ts. A folder is given as a path the officer typed (web mode) or
 *  chose in the system dialog (desktop); main validates it and only ever writes into a new or
 *  empty folder. An archive is referred to by the id main gave it when it was picked or uploaded. */
import { z } from 'zod';
import { out } from '../phantom';

/** A path as the officer typed or picked it; main checks it is absolute, new or empty, writable. */
export const folderPath = z.string().trim().min(1, 'Hãy nhập đường dẫn thư mục').max(4096, 'Đường dẫn quá dài');
const archiveId = z.string().regex(/^[0-9a-f]{32}$/, 'Mã tệp sao lưu không hợp lệ');

/** One assessment inside an archive, as the officer sees it before restoring. */
export interface ArchiveAssessment {
  agencyName: string;
  year: number;
  status: string;
}

/** A verified archive, kept by main until it is restored or discarded. */
export interface ArchiveInspection {
  archiveId: string;
  fileName: string;
  size: number;
  /** When the archive was written (ISO). */
  createdAt: string;
  appVersion: string;
  agencies: string[];
  assessments: ArchiveAssessment[];
  evidenceFiles: number;
  evidenceBytes: number;
  /** A new folder beside the current one, offered as the restore target. */
  suggestedTarget: string;
}

/** After the app switched to a folder (restored into, or moved to). */
export interface FolderSwitch {
  /** The folder the app uses now. */
  dataDir: string;
  /** The folder it used before: left as it was (after a move, with a note saying where the data went). */
  previousDir: string;
  /** Where the choice is recorded for the next start. */
  settingsFile: string;
  /** PAR_DATA_DIR is set: the next start opens that folder, not the chosen one. */
  envOverride: string | null;
}

export interface ArchiveRestored extends FolderSwitch {
  createdAt: string;
  evidenceFiles: number;
  evidenceBytes: number;
}

export interface FolderMoved extends FolderSwitch {
  files: number;
  bytes: number;
}

export interface DataFolderInfo {
  dataDir: string;
  sizeBytes: number;
  /** An empty folder beside the current one, offered as the move target. */
  suggestedTarget: string;
  settingsFile: string;
  envOverride: string | null;
  /** The desktop app can show the system folder picker. */
  canPickFolder: boolean;
}

export type FolderJobPhase = 'waiting' | 'copying' | 'verifying' | 'switching';

export interface FolderJob {
  kind: 'move' | 'restore';
  phase: FolderJobPhase;
  doneBytes: number;
  totalBytes: number;
}

export const dataFolderChannels = {
  /** The current data folder, its size, and a suggested new folder. */
  'dataFolder:info': { input: z.strictObject({}), output: out<DataFolderInfo>() },
  /** Desktop: the system folder picker (null when cancelled); UNAVAILABLE in web mode. */
  'dataFolder:pickFolder': { input: z.strictObject({}), output: out<{ path: string | null }>() },
  /** Copies, verifies and switches to the new folder; the old one is kept with a note. */
  'dataFolder:move': { input: z.strictObject({ target: folderPath }), output: out<FolderMoved>() },
  /** The running move or restore, polled by the page for its progress bar. */
  'dataFolder:progress': { input: z.strictObject({}), output: out<{ job: FolderJob | null }>() },
  /** Desktop: the system file picker for an archive, then verified and summarised (null when cancelled). Web mode uploads it instead. */
  'dataArchive:pick': { input: z.strictObject({}), output: out<{ archive: ArchiveInspection | null }>() },
  /** A verified archive (by its id) restored into a new or empty folder, which the app then uses. */
  'dataArchive:restore': { input: z.strictObject({ archiveId, target: folderPath }), output: out<ArchiveRestored>() },
  /** The officer changed their mind: the uploaded copy is removed. */
  'dataArchive:discard': { input: z.strictObject({ archiveId }), output: out<{ discarded: boolean }>() },
} as const;

/** Channels that run while a move or restore holds the data folder (the job itself, its progress). */
export const FOLDER_JOB_CHANNELS: readonly string[] = ['dataFolder:move', 'dataFolder:progress', 'dataArchive:restore'];

export const DATA_ARCHIVE_UPLOAD_PATH = '/upload/data-archive';
