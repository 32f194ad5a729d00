import { exportHistory, listHistory } from '../../history/history-service';
import { closeAssessment, lifecycleView, reopenAssessment } from '../../lifecycle/lifecycle';
import { exportSentPackage } from '../../lifecycle/sent-package';
import type { HandlerRegistry } from '../dispatch';

type HistoryChannel = Extract<keyof HandlerRegistry, `history:${string}` | `lifecycle:${string}`>;

export const historyHandlers: Pick<HandlerRegistry, HistoryChannel> = {
  'history:list': (ctx, input) => listHistory(ctx.db, input),
  'history:export': (ctx, input) => exportHistory(ctx.db, ctx.dataDir, input),
  'lifecycle:get': (ctx, { assessmentId }) => lifecycleView(ctx.db, assessmentId),
  'lifecycle:reopen': (ctx, { assessmentId, reason }) => reopenAssessment(ctx.db, assessmentId, reason, ctx.now()),
  'lifecycle:close': (ctx, { assessmentId, result }) => closeAssessment(ctx.db, assessmentId, result, ctx.now()),
  'lifecycle:exportSentPackage': (ctx, { assessmentId }) => exportSentPackage(ctx.db, ctx.dataDir, assessmentId),
};
