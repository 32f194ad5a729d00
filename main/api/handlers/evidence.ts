import { currentTotals } from '../../assessment/assessment-view';
import { searchAssessment } from '../../assessment/search';
import { backupOnce } from '../../evidence/backup-once';
import { createItem, editItem, evidenceGaps, linkToCriterion, removeItem, removeItemFile, unlinkFromCriterion } from '../../evidence/item-changes';
import { openWithSystem } from '../../evidence/open-with-system';
import { listItemsForAssessment, listItemsForCriterion, pageItemsForAgency } from '../../store/queries/evidence';
import type { HandlerRegistry } from '../dispatch';
import type { PickedChannel } from './evidence-picked';

type EvidenceChannel = Exclude<Extract<keyof HandlerRegistry, `evidence:${string}` | 'search:query' | 'backups:create'>, PickedChannel>;

export const evidenceHandlers: Pick<HandlerRegistry, EvidenceChannel> = {
  'evidence:cancelUpload': (ctx, { uploadId }) => ({ cancelled: ctx.uploads.cancel(uploadId) }),
  'evidence:listForAssessment': (ctx, { assessmentId }) => ({ items: listItemsForAssessment(ctx.db, assessmentId), totals: currentTotals(ctx.db, assessmentId) }),
  'evidence:listForCriterion': (ctx, { assessmentId, code, withTotals }) => ({ items: listItemsForCriterion(ctx.db, assessmentId, code), totals: withTotals ? currentTotals(ctx.db, assessmentId) : null }),
  'evidence:listForAgency': (ctx, { agencyId, query, offset }) => pageItemsForAgency(ctx.db, agencyId, query ?? '', offset ?? 0),
  'evidence:create': (ctx, input) => createItem(ctx.db, input, ctx.now()),
  'evidence:update': (ctx, input) => editItem(ctx.db, input, ctx.now()),
  'evidence:delete': (ctx, input) => removeItem(ctx.db, input, ctx.now()),
  'evidence:link': (ctx, input) => linkToCriterion(ctx.db, input, ctx.now()),
  'evidence:unlink': (ctx, input) => unlinkFromCriterion(ctx.db, input, ctx.now()),
  'evidence:removeFile': (ctx, input) => removeItemFile(ctx.db, input, ctx.now()),
  'evidence:gaps': (ctx, { assessmentId, itemsOffset }) => evidenceGaps(ctx.db, assessmentId, itemsOffset),
  'evidence:openWithSystem': (ctx, { fileId }) => openWithSystem(ctx.db, ctx.dataDir, fileId, ctx.desktop),
  'search:query': (ctx, { assessmentId, query, evidenceOffset }) => searchAssessment(ctx.db, assessmentId, query, evidenceOffset),
  'backups:create': (ctx) => backupOnce(ctx.db, ctx.dataDir, ctx.now()),
};
