import { createAgency, editAgency } from '../../agencies/agency-profiles';
import { listAgencies } from '../../store/queries/agencies';
import type { HandlerRegistry } from '../dispatch';

export const agencyHandlers: Pick<HandlerRegistry, 'agencies:list' | 'agencies:create' | 'agencies:update'> = {
  'agencies:list': (ctx) => ({ agencies: listAgencies(ctx.db) }),
  'agencies:create': (ctx, draft) => createAgency(ctx.db, draft, ctx.now()),
  'agencies:update': (ctx, input) => editAgency(ctx.db, input, ctx.now()),
};
