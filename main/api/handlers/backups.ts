import { dismissRecovery, recoveryNoticeView } from '../../backup/startup-recovery';
import { listKeptBackups } from '../../backup/kept-list';
import { restoreBackup } from '../../backup/restore';
import { viewBackupAssessment } from '../../backup/backup-view';
import type { HandlerRegistry } from '../dispatch';

export const backupHandlers: Pick<HandlerRegistry, 'backups:list' | 'backups:restore' | 'backups:view' | 'backups:dismissRecovery'> = {
  'backups:list': (ctx) => {
    return { backups: listKeptBackups(ctx.dataDir), recovery: recoveryNoticeView(ctx.dataDir), dataDir: ctx.dataDir };
  },
  'backups:restore': (ctx, { folder, fileName }) => restoreBackup(ctx, folder, fileName),
  'backups:view': (ctx, { folder, fileName, assessmentId }) => viewBackupAssessment(ctx.dataDir, folder, fileName, assessmentId),
  'backups:dismissRecovery': (ctx) => (dismissRecovery(ctx.dataDir), { dismissed: true as const }),
};
