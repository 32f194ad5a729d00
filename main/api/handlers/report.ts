import { exportReportToDataDir } from '../../report/export-report';
import { reportSettingsFor, saveReportSettings } from '../../report/report-settings';
import type { HandlerRegistry } from '../dispatch';

export const reportHandlers: Pick<HandlerRegistry, 'report:getSettings' | 'report:saveSettings' | 'report:export'> = {
  'report:getSettings': (ctx, { assessmentId }) => reportSettingsFor(ctx.db, assessmentId),
  'report:saveSettings': (ctx, { assessmentId, settings }) => saveReportSettings(ctx.db, assessmentId, settings, ctx.now()),
  'report:export': (ctx, input) => exportReportToDataDir(ctx.db, ctx.dataDir, input, ctx.now()),
};
