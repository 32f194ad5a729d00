import { exportPackageToDataDir } from '../../package/export-package';
import { verifyExportedPackage } from '../../package/exported-package';
import type { HandlerRegistry } from '../dispatch';

export const packageHandlers: Pick<HandlerRegistry, 'package:export' | 'package:verifyExport'> = {
  'package:export': (ctx, { assessmentId }) => exportPackageToDataDir(ctx.db, ctx.dataDir, assessmentId, ctx.now()),
  'package:verifyExport': (ctx, { fileName }) => verifyExportedPackage(ctx.dataDir, fileName),
};
