import { importCriteriaSet } from '../../criteria/import-set';
import { openCriteriaSet } from '../../criteria/open-set';
import { listCriteriaSets } from '../../store/queries/criteria-sets';
import type { HandlerRegistry } from '../dispatch';

export const criteriaSetHandlers: Pick<HandlerRegistry, 'criteriaSets:list' | 'criteriaSets:get' | 'criteriaSets:import'> = {
  'criteriaSets:list': (ctx) => ({ sets: listCriteriaSets(ctx.db) }),
  'criteriaSets:get': (ctx, { hash }) => openCriteriaSet(ctx.db, hash),
  'criteriaSets:import': (ctx, input) => importCriteriaSet(ctx.db, input, ctx.now()),
};
