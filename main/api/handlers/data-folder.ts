/** "Chọn thư mục dữ liệu" and "Khôi phục từ tệp" (main/backup/data-folder-app.ts). */
import { dataFolderInfo, moveDataFolderInApp, pickDataArchive, pickFolder, restoreArchiveIntoApp } from '../../backup/data-folder-app';
import type { HandlerRegistry } from '../dispatch';

type DataFolderChannel = 'dataFolder:info' | 'dataFolder:pickFolder' | 'dataFolder:move' | 'dataFolder:progress' | 'dataArchive:pick' | 'dataArchive:restore' | 'dataArchive:discard';

export const dataFolderHandlers: Pick<HandlerRegistry, DataFolderChannel> = {
  'dataFolder:info': (ctx) => dataFolderInfo(ctx),
  'dataFolder:pickFolder': (ctx) => pickFolder(ctx),
  'dataFolder:move': (ctx, input) => moveDataFolderInApp(ctx, input),
  'dataFolder:progress': (ctx) => ({ job: ctx.folderWork.job }),
  'dataArchive:pick': (ctx) => pickDataArchive(ctx),
  'dataArchive:restore': (ctx, input) => restoreArchiveIntoApp(ctx, input),
  'dataArchive:discard': (ctx, { archiveId }) => ({ discarded: ctx.folderWork.discard(archiveId) }),
};
