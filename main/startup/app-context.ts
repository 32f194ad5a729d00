/** Opens the data folder for one run of the app (Electron, web or CLI): the database, the sample
 *  sets installed, and the context every handler receives. */
import fs from 'node:fs';
import path from 'node:path';
import { openCopiesRoot } from '../evidence/open-copy';
import type { HandlerContext } from '../context/handler-context';
import { installSampleSets } from '../criteria/install-samples';
import { acquireDataLock } from './data-lock';
import { seedsDir } from './data-dir';
import { cleanEvidenceAtStartup } from '../evidence/garbage';
import { DEFAULT_MAX_EVIDENCE_BYTES } from '../evidence/import-file';
import { PickedFiles } from '../evidence/picked-files';
import { UploadCancels } from '../evidence/upload-cancels';
import { databasePath, openDatabase } from '../store/open';
import { APP_VERSION } from '../version';
import { LATEST_VERSION } from '../store/migrations';
import { storageFailure } from '../store/storage-errors';
import { describeRecovery, pendingRecovery, recoverDatabaseAtStartup } from '../backup/startup-recovery';
import { AppFailure } from '../../shared/api/result';
import { backupBeforeUpgrade } from '../backup/upgrade-backup';
import { FolderWork } from '../context/folder-work';
import { dataFolderHost } from './switch-data-folder';

export interface AppContext extends HandlerContext {
  close(): void;
}

export function createAppContext(opts: {
  dataDir: string;
  mode: HandlerContext['mode'];
  now?: () => string;
  installSamples?: boolean;
  maxEvidenceBytes?: number;
  /** Where the sample criteria sets are (Electron passes its own, see seedsDir()). */
  seedsDir?: string;
  /** Where the settings file is found and PAR_DATA_DIR read, for switching folders (tests pass their own). */
  env?: NodeJS.ProcessEnv;
}): AppContext {
  const now = opts.now ?? (() => new Date().toISOString());
  createDataFolder(opts.dataDir);
  // Every writer holds the folder's lock (tests open many contexts of their own folders in one process).
  const takeLock = (dir: string): (() => void) => (opts.mode === 'test' ? () => {} : acquireDataLock(dir, opts.mode));
  let release = takeLock(opts.dataDir);
  let db: ReturnType<typeof openDatabase> | undefined;
  try {
    const check = asStorageFailure(() => recoverDatabaseAtStartup(opts.dataDir, now()), `Thư mục dữ liệu ${opts.dataDir}`);
    // The command line has no recovery screen: it stops (exit 1) with what happened instead of working on an empty database.
    const pending = opts.mode === 'cli' ? pendingRecovery(opts.dataDir) : null;
    if (pending) throw new AppFailure('DATABASE_DAMAGED', `${describeRecovery(pending)} Hãy mở ứng dụng (npm start hoặc npm run web) để khôi phục, rồi chạy lại lệnh.`);
    const file = databasePath(opts.dataDir);
    if (check.version > 0 && check.version < LATEST_VERSION) asStorageFailure(() => backupBeforeUpgrade(file, opts.dataDir, now()), `Thư mục dữ liệu ${opts.dataDir}`);
    db = asStorageFailure(() => openWritable(file), 'Tệp dữ liệu par.sqlite');
    if (opts.installSamples !== false) installSampleSets(db, opts.seedsDir ?? seedsDir(), now());
    const maxEvidenceBytes = opts.maxEvidenceBytes ?? maxEvidenceBytesFromEnv();
    const ctx: AppContext = {
      db,
      dataDir: opts.dataDir,
      mode: opts.mode,
      version: APP_VERSION,
      now,
      maxEvidenceBytes,
      picked: new PickedFiles(),
      uploads: new UploadCancels(),
      folderWork: new FolderWork(),
      close: () => {
        if (ctx.db.open) ctx.db.close();
        release();
      },
    };
    const swap = (next: () => void): (() => void) => {
      const old = release;
      release = next;
      return old;
    };
    ctx.folder = dataFolderHost(ctx, { take: takeLock, swap }, opts.env);
    return ctx;
  } catch (err) {
    // A start-up that fails after the database opened leaves neither the handle nor the lock behind.
    if (db?.open) db.close();
    release();
    throw err;
  }
}

function createDataFolder(dataDir: string): void {
  asStorageFailure(() => fs.mkdirSync(dataDir, { recursive: true }), `Thư mục dữ liệu ${dataDir}`);
}

/** Opens and migrates, then proves a write goes through: a read-only file opens without complaint
 *  and would fail every save later. */
function openWritable(file: string): ReturnType<typeof openDatabase> {
  const db = openDatabase(file);
  try {
    db.pragma(`user_version = ${LATEST_VERSION}`);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

function asStorageFailure<T>(run: () => T, where: string): T {
  try {
    return run();
  } catch (err) {
    throw storageFailure(err, where) ?? err;
  }
}

/** PAR_MAX_EVIDENCE_MB sets the largest evidence file accepted; 500 MB by default. */
export function maxEvidenceBytesFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const mb = Number(env.PAR_MAX_EVIDENCE_MB);
  return Number.isFinite(mb) && mb > 0 ? Math.floor(mb * 1024 * 1024) : DEFAULT_MAX_EVIDENCE_BYTES;
}

/** Before the app serves its first request: removes partial files a crash left in evidence/tmp
 *  and blob files without a row (never blobs that a row references). */
export async function runStartupCleanup(ctx: HandlerContext): Promise<void> {
  try {
    const { tempFiles, orphans } = await cleanEvidenceAtStartup(ctx.db, ctx.dataDir);
    // Package copies left in incoming/ by a crash during "Kiểm tra gói" / "Nhập gói".
    await fs.promises.rm(path.join(ctx.dataDir, 'incoming'), { recursive: true, force: true });
    if (ctx.mode === 'electron') await fs.promises.rm(openCopiesRoot(ctx.dataDir), { recursive: true, force: true });
    if (tempFiles + orphans > 0) console.log(`Đã dọn ${tempFiles} tệp tạm và ${orphans} tệp mồ côi sau lần tắt máy đột ngột.`);
  } catch (err) {
    console.error('[startup] evidence cleanup failed:', err);
  }
}
