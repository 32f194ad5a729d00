import { importCriteriaSet } from '../../criteria/import-set';
import { openCriteriaSet } from '../../criteria/open-set';
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
  'criteriaSets:get': (ctx, { hash }) => openCriteriaSet(ctx.db, hash),
  'criteriaSets:import': (ctx, input) => importCriteriaSet(ctx.db, input, ctx.now()),
  'criteriaSets:importXlsx': (ctx, input) =>
    importCriteriaSetXlsx(ctx.db, { bytes: Buffer.from(input.dataBase64, 'base64'), fileName: input.fileName, confirmNewVersion: input.confirmNewVersion }, ctx.now()),
  'criteriaSets:export': (ctx, { hash, format }) => exportCriteriaSetToDataDir(ctx.db, ctx.dataDir, hash, format),
  'criteriaSets:diff': (ctx, input) => diffInstalledSets(ctx.db, input),
};
