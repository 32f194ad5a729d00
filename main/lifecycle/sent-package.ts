/** "Xuất lại gói đã nộp": the package exactly as it was sent (its blob, named by the submission),
 *  copied into <data>/exports/ under its name; the copy is checked against the recorded SHA-256. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { ExportedFileView } from '../../shared/api/channels/history';
import { AppFailure } from '../../shared/api/result';
import { fsyncFile } from '../disk/fsync';
import { blobPath, fsyncFolder, renameWithRetry } from '../evidence/blob-store';
import { EXPORTS_FOLDER } from '../report/export-report';
import { latestSubmission } from '../store/queries/submissions';

async function sha256Of(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 4 * 1024 * 1024 }) as AsyncIterable<Buffer>) hash.update(chunk);
  return hash.digest('hex');
}

export async function exportSentPackage(db: Database.Database, dataDir: string, assessmentId: number): Promise<ExportedFileView> {
  const s = latestSubmission(db, assessmentId);
  if (!s) throw new AppFailure('NOT_FOUND', 'Kỳ đánh giá này chưa nộp nên chưa có gói đã gửi.');
  const dir = path.join(dataDir, EXPORTS_FOLDER);
  await fs.promises.mkdir(dir, { recursive: true });
  const target = path.join(dir, s.packageName);
  const temp = path.join(dir, `.${s.packageName}.${crypto.randomBytes(6).toString('hex')}.tmp`);
  try {
    await fs.promises.copyFile(blobPath(dataDir, s.packageHash), temp);
    await fsyncFile(temp);
    if ((await sha256Of(temp)) !== s.packageHash) {
      throw new AppFailure('FILE_CHANGED', 'Gói đã nộp trong kho dữ liệu đã bị hỏng (mã SHA-256 không còn khớp). Hãy khôi phục từ bản sao lưu.');
    }
    await renameWithRetry(temp, target);
    await fsyncFolder(dir);
  } catch (err) {
    await fs.promises.rm(temp, { force: true });
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new AppFailure('NOT_FOUND', 'Không tìm thấy gói đã nộp trong kho dữ liệu. Hãy khôi phục từ bản sao lưu.');
    throw err;
  }
  return { fileName: s.packageName, size: s.packageSize, downloadPath: `${EXPORTS_FOLDER}/${s.packageName}` };
}
