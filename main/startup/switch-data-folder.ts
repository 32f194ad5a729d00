/**
 * Switching the running app (desktop or web mode) to another data folder after "Chọn thư mục dữ
 * liệu" or "Khôi phục từ tệp". In this order, so nothing switches on a failure:
 * 1. the new folder's lock is taken (the app holds it before it uses the folder);
 * 2. its database is opened (and brought to this app's schema);
 * 3. the choice is written to the settings file (atomically), so the next start opens it too;
 * 4. ctx.db and ctx.dataDir point at the new folder, then the old database is closed and the old
 *    folder's lock let go. All of it in the old folder's backup queue (one-at-a-time.ts). The caller (FolderWork.exclusive) keeps every other request out
 *    meanwhile, so no save can land in the folder being left.
 */
import path from 'node:path';
import { oneAtATime } from '../backup/one-at-a-time';
import type { DataFolderHost, HandlerContext } from '../context/handler-context';
import { databasePath, openDatabase } from '../store/open';
import { storageFailure } from '../store/storage-errors';
import { dataFolderSettingsFile, writeChosenDataDir } from './data-folder-choice';

export interface LockSeam {
  /** Takes the lock of a folder (throws CONFLICT when it is held); returns its release. */
  take(dataDir: string): () => void;
  /** Puts the new folder's release in place of the old one (ctx.close uses it); returns the old one. */
  swap(release: () => void): () => void;
}

export function dataFolderHost(ctx: HandlerContext, lock: LockSeam, env: NodeJS.ProcessEnv = process.env): DataFolderHost {
  const switchNow = async (dir: string): Promise<void> => {
    const target = path.resolve(dir);
    const release = lock.take(target);
    let db: ReturnType<typeof openDatabase> | undefined;
    try {
      db = openDatabase(databasePath(target));
      await writeChosenDataDir(target, env);
    } catch (err) {
      if (db?.open) db.close();
      release();
      throw storageFailure(err, `Thư mục dữ liệu ${target}`) ?? err;
    }
    const oldDb = ctx.db;
    ctx.db = db;
    ctx.dataDir = target;
    const oldRelease = lock.swap(release);
    try {
      if (oldDb.open) oldDb.close();
    } finally {
      oldRelease();
    }
  };
  return {
    describe: () => ({ settingsFile: dataFolderSettingsFile(env), envOverride: env.PAR_DATA_DIR ? path.resolve(env.PAR_DATA_DIR) : null }),
    // In the old folder's backup queue: an automatic backup copying the old database finishes
    // before it is closed, and one queued behind the switch runs on the new folder.
    switchTo: (dir) => oneAtATime(ctx.dataDir, () => switchNow(dir)),
  };
}
