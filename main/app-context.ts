/** Opens the data folder for one run of the app (Electron, web or CLI): the database, the sample
 *  sets installed, and the context every handler receives. */
import fs from 'node:fs';
import path from 'node:path';
import { openCopiesRoot } from './api/handlers/evidence';
import type { HandlerContext } from './api/context';
import { installSampleSets } from './criteria/install-samples';
import { acquireDataLock } from './data-lock';
import { seedsDir } from './data-dir';
import { cleanEvidenceAtStartup } from './evidence/garbage';
import { DEFAULT_MAX_EVIDENCE_BYTES } from './evidence/import-file';
import { PickedFiles } from './evidence/picked-files';
import { UploadCancels } from './evidence/upload-cancels';
import { databasePath, openDatabase } from './store/open';
import { APP_VERSION } from './version';

export interface AppContext extends HandlerContext {
  close(): void;
}

export function createAppContext(opts: {
  dataDir: string;
  mode: HandlerContext['mode'];
  now?: () => string;
  installSamples?: boolean;
  /** Where the sample criteria sets are (Electron passes its own, see seedsDir()). */
  seedsDir?: string;
  maxEvidenceBytes?: number;
}): AppContext {
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const release = opts.mode === 'electron' || opts.mode === 'web' ? acquireDataLock(opts.dataDir) : () => {};
  let db: ReturnType<typeof openDatabase>;
  try {
    db = openDatabase(databasePath(opts.dataDir));
  } catch (err) {
    release();
    throw err;
  }
  const now = opts.now ?? (() => new Date().toISOString());
  if (opts.installSamples !== false) installSampleSets(db, opts.seedsDir ?? seedsDir(), now());
  const maxEvidenceBytes = opts.maxEvidenceBytes ?? maxEvidenceBytesFromEnv();
  const close = (): void => {
    db.close();
    release();
  };
  return { db, dataDir: opts.dataDir, mode: opts.mode, version: APP_VERSION, now, maxEvidenceBytes, picked: new PickedFiles(), uploads: new UploadCancels(), close };
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
    if (ctx.mode === 'electron') await fs.promises.rm(openCopiesRoot(), { recursive: true, force: true });
    if (tempFiles + orphans > 0) console.log(`Đã dọn ${tempFiles} tệp tạm và ${orphans} tệp mồ côi sau lần tắt máy đột ngột.`);
  } catch (err) {
    console.error('[startup] evidence cleanup failed:', err);
  }
}
