import { AppFailure } from '../../../shared/api/result';
import { getAgency, insertAgency, listAgencies, updateAgency } from '../../store/queries/agencies';
import type { HandlerRegistry } from '../dispatch';

export const agencyHandlers: Pick<HandlerRegistry, 'agencies:list' | 'agencies:create' | 'agencies:update'> = {
  'agencies:list': (ctx) => ({ agencies: listAgencies(ctx.db) }),
  'agencies:create': (ctx, draft) => ctx.db.transaction(() => insertAgency(ctx.db, draft, ctx.now()))(),
  'agencies:update': (ctx, { id, draft }) =>
    ctx.db.transaction(() => {
      if (!getAgency(ctx.db, id)) throw new AppFailure('NOT_FOUND', 'Không tìm thấy cơ quan.');
      return updateAgency(ctx.db, id, draft, ctx.now())!;
    })(),
};
