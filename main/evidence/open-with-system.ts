/** "Mở bằng phần mềm của hệ thống" (desktop only): a copy of the stored file under its display
 *  name, opened by the shell's openPath. The blob itself is never handed to another program. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { AppFailure } from '../../shared/api/result';
import type { DesktopServices } from '../context/handler-context';
import { getFile } from '../store/queries/evidence-files';
import { blobPath } from './blob-store';

/** Copies opened with the system application live under one folder per user, emptied at start-up
 *  (an editor may still hold a copy while the app runs). */
export function openCopiesRoot(): string {
  const root = path.join(os.tmpdir(), 'par-mo-tep');
  fs.mkdirSync(root, { recursive: true });
  return root;
}

export async function openWithSystem(db: Database.Database, dataDir: string, fileId: number, desktop: DesktopServices | undefined): Promise<{ opened: true }> {
  if (!desktop) throw new AppFailure('UNAVAILABLE', 'Chỉ ứng dụng trên máy tính mở được tệp bằng phần mềm của hệ thống; ở chế độ trình duyệt hãy tải tệp về.');
  const file = getFile(db, fileId);
  if (!file) throw new AppFailure('NOT_FOUND', 'Không tìm thấy tệp.');
  const dir = fs.mkdtempSync(path.join(openCopiesRoot(), 'f-'));
  const copy = path.join(dir, file.displayName);
  await fs.promises.copyFile(blobPath(dataDir, file.hash), copy);
  const error = await desktop.openPath(copy);
  if (error) throw new AppFailure('UNAVAILABLE', `Không mở được tệp: ${error}`);
  return { opened: true };
}
