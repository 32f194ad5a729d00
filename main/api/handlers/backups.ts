import { dismissRecovery, recoveryNoticeView } from '../../backup/startup-recovery';
import { listKeptBackups } from '../../backup/kept-list';
import { restoreBackup } from '../../backup/restore';
import type { HandlerRegistry } from '../dispatch';

export const backupHandlers: Pick<HandlerRegistry, 'backups:list' | 'backups:restore' | 'backups:dismissRecovery'> = {
  'backups:list': (ctx) => {
    return { backups: listKeptBackups(ctx.dataDir), recovery: recoveryNoticeView(ctx.dataDir), dataDir: ctx.dataDir };
  },
  'backups:restore': (ctx, { folder, fileName }) => restoreBackup(ctx, folder, fileName),
  'backups:dismissRecovery': (ctx) => (dismissRecovery(ctx.dataDir), { dismissed: true as const }),
};
