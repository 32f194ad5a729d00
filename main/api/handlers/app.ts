import { recoveryNoticeView } from '../../backup/startup-recovery';
import type { HandlerRegistry } from '../dispatch';

export const appHandlers: Pick<HandlerRegistry, 'app:info'> = {
  'app:info': (ctx) => ({ version: ctx.version, mode: ctx.mode === 'electron' ? 'electron' : 'web', dataDir: ctx.dataDir, recovery: recoveryNoticeView(ctx.dataDir) }),
};
