import { AppFailure } from '../../../shared/api/result';
import { importCriteriaSet } from '../../criteria/import-set';
import { loadCriteriaSet } from '../../criteria/set-cache';
import { getCriteriaSetSummary } from '../../criteria/set-summary';
import { listCriteriaSets } from '../../store/queries/criteria-sets';
import { diffInstalledSets } from '../../criteria/diff-sets';
import { exportCriteriaSetToDataDir } from '../../criteria/export-set-file';
import { importCriteriaSetXlsx } from '../../criteria/xlsx/import-set-xlsx';
import type { HandlerRegistry } from '../dispatch';

export const criteriaSetHandlers: Pick<
  HandlerRegistry,
  'criteriaSets:list' | 'criteriaSets:get' | 'criteriaSets:import' | 'criteriaSets:importXlsx' | 'criteriaSets:export' | 'criteriaSets:diff'
> = {
  'criteriaSets:list': (ctx) => ({ sets: listCriteriaSets(ctx.db) }),
  'criteriaSets:get': (ctx, { hash }) => {
    const summary = getCriteriaSetSummary(ctx.db, hash);
    if (!summary) throw new AppFailure('NOT_FOUND', 'Không tìm thấy bộ chỉ số.');
    return { summary, set: loadCriteriaSet(ctx.db, hash) };
  },
  'criteriaSets:import': (ctx, input) => importCriteriaSet(ctx.db, input, ctx.now()),
  'criteriaSets:importXlsx': (ctx, input) =>
    importCriteriaSetXlsx(ctx.db, { bytes: Buffer.from(input.dataBase64, 'base64'), fileName: input.fileName, confirmNewVersion: input.confirmNewVersion }, ctx.now()),
  'criteriaSets:export': (ctx, { hash, format }) => exportCriteriaSetToDataDir(ctx.db, ctx.dataDir, hash, format),
  'criteriaSets:diff': (ctx, input) => diffInstalledSets(ctx.db, input),
};
