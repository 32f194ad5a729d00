/** "Kiểm tra gói" on a package the app exported: a plain name (the schema refuses separators)
 *  that must exist directly in <data>/exports/. */
import fs from 'node:fs';
import path from 'node:path';
import type { VerifyReport } from '../../shared/api/channels/package';
import { AppFailure } from '../../shared/api/result';
import { EXPORTS_FOLDER } from '../report/export-report';
import { verifyPackageFile } from './verify-package';

function exportedPackagePath(dataDir: string, fileName: string): string {
  const dir = path.resolve(dataDir, EXPORTS_FOLDER);
  const file = path.resolve(dir, fileName);
  if (path.dirname(file) !== dir) throw new AppFailure('FORBIDDEN', 'Tên gói không hợp lệ.');
  if (!fs.existsSync(file)) throw new AppFailure('NOT_FOUND', `Không tìm thấy gói "${fileName}" trong thư mục xuất.`);
  return file;
}

export function verifyExportedPackage(dataDir: string, fileName: string): Promise<VerifyReport> {
  return verifyPackageFile(exportedPackagePath(dataDir, fileName));
}
