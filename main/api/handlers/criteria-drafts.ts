import { createDraft, deleteDraft, getDraft, installDraft, listDrafts, saveDraft } from '../../criteria/drafts/draft-service';
import type { HandlerRegistry } from '../dispatch';

type DraftChannel = Extract<keyof HandlerRegistry, `criteriaDrafts:${string}`>;

export const criteriaDraftHandlers: Pick<HandlerRegistry, DraftChannel> = {
  'criteriaDrafts:list': (ctx) => listDrafts(ctx.db),
  'criteriaDrafts:create': (ctx, { from }) => createDraft(ctx.db, from, ctx.now()),
  'criteriaDrafts:get': (ctx, { id }) => getDraft(ctx.db, id),
  'criteriaDrafts:save': (ctx, { id, body }) => saveDraft(ctx.db, id, body, ctx.now()),
  'criteriaDrafts:delete': (ctx, { id }) => deleteDraft(ctx.db, id),
  'criteriaDrafts:install': (ctx, { id, confirmNewVersion }) => installDraft(ctx.db, id, confirmNewVersion, ctx.now()),
};
