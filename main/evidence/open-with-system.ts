/** "Mở bằng phần mềm của hệ thống" (desktop only): a copy of the stored file under its display
 *  name, in the private folder of open-copy.ts (with the Mark of the Web on Windows), opened by the
 *  shell's openPath. The blob itself is never handed to another program. */
import type Database from 'better-sqlite3';
import { AppFailure } from '../../shared/api/result';
import type { DesktopServices } from '../context/handler-context';
import { getFile } from '../store/queries/evidence-files';
import { blobPath } from './blob-store';
import { makeOpenCopy } from './open-copy';

export async function openWithSystem(db: Database.Database, dataDir: string, fileId: number, desktop: DesktopServices | undefined): Promise<{ opened: true }> {
  if (!desktop) throw new AppFailure('UNAVAILABLE', 'Chỉ ứng dụng trên máy tính mở được tệp bằng phần mềm của hệ thống; ở chế độ trình duyệt hãy tải tệp về.');
  const file = getFile(db, fileId);
  if (!file) throw new AppFailure('NOT_FOUND', 'Không tìm thấy tệp.');
  const copy = await makeOpenCopy(dataDir, blobPath(dataDir, file.hash), file.displayName);
  const error = await desktop.openPath(copy);
  if (error) throw new AppFailure('UNAVAILABLE', `Không mở được tệp: ${error}`);
  return { opened: true };
}
