/**
 * One app process per data folder. The desktop app and `npm run web` both clean temp files and
 * collect garbage at start-up and after backups; two of them on one folder could remove each
 * other's files in flight. A lock file holding the owner's process id keeps the second one out;
 * a lock left by a process that no longer runs (power cut, kill) is taken over.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppFailure } from '../../shared/api/result';

export const LOCK_FILE_NAME = 'par.lock';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function ownerOf(file: string): number | null {
  try {
    const pid = Number(fs.readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Takes the lock or throws a Vietnamese CONFLICT naming the process that holds it; returns the release. */
export function acquireDataLock(dataDir: string, pid = process.pid): () => void {
  const file = path.join(dataDir, LOCK_FILE_NAME);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, `${pid}\n`, { flag: 'wx' });
      return () => {
        if (ownerOf(file) === pid) fs.rmSync(file, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = ownerOf(file);
      if (owner !== null && owner !== pid && isRunning(owner)) {
        throw new AppFailure(
          'CONFLICT',
          `Thư mục dữ liệu ${dataDir} đang được một cửa sổ ứng dụng khác sử dụng (tiến trình ${owner}). Hãy đóng cửa sổ đó rồi mở lại.`,
        );
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new AppFailure('CONFLICT', `Không giữ được khóa thư mục dữ liệu ${dataDir}.`);
}
