import fs from 'node:fs';
import path from 'node:path';
import { AppFailure } from '../../../shared/api/result';
import { EXPORTS_FOLDER } from '../../report/export-report';
import { exportPackageToDataDir } from '../../package/export-package';
import { verifyPackageFile } from '../../package/verify-package';
import type { HandlerContext } from '../../context/handler-context';
import type { HandlerRegistry } from '../dispatch';

/** A package the app exported: a plain name (the schema refuses separators) that must exist directly in exports/. */
function exportedPackagePath(ctx: HandlerContext, fileName: string): string {
  const dir = path.resolve(ctx.dataDir, EXPORTS_FOLDER);
  const file = path.resolve(dir, fileName);
  if (path.dirname(file) !== dir) throw new AppFailure('FORBIDDEN', 'Tên gói không hợp lệ.');
  if (!fs.existsSync(file)) throw new AppFailure('NOT_FOUND', `Không tìm thấy gói "${fileName}" trong thư mục xuất.`);
  return file;
}

export const packageHandlers: Pick<HandlerRegistry, 'package:export' | 'package:verifyExport'> = {
  'package:export': (ctx, { assessmentId }) => exportPackageToDataDir(ctx.db, ctx.dataDir, assessmentId, ctx.now()),
  'package:verifyExport': (ctx, { fileName }) => verifyPackageFile(exportedPackagePath(ctx, fileName)),
};
