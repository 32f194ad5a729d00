import { exportDataArchiveToDataDir } from '../../backup/write-archive';
import type { HandlerRegistry } from '../dispatch';

export const dataArchiveHandlers: Pick<HandlerRegistry, 'dataArchive:export'> = {
  'dataArchive:export': (ctx) => exportDataArchiveToDataDir(ctx.db, ctx.dataDir, ctx.now()),
};
