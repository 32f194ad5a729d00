import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppFailure } from '../../../shared/api/result';
import { findNode } from '../../../shared/domain/criteria-tree';
import { currentTotals, requireAssessment } from '../../assessment/assessment-view';
import { searchAssessment } from '../../assessment/search';
import { loadCriteriaSet } from '../../criteria/set-cache';
import { createBackup } from '../../evidence/backup';
import { blobPath } from '../../evidence/blob-store';
import { getFile } from '../../store/queries/evidence-files';
import { deleteItem, getItem, insertItem, itemsWithoutFiles, linkItem, listItemsForAgency, listItemsForAssessment, removeFile, unlinkItem, updateItem } from '../../store/queries/evidence';
import type { BackupInfo } from '../../../shared/api/channels/evidence';
import type { HandlerContext } from '../context';
import type { HandlerRegistry } from '../dispatch';
import { requireEditableItem, requireUnlockedAssessment } from '../../evidence/editable-item';
import type { PickedChannel } from './evidence-picked';

type EvidenceChannel = Exclude<Extract<keyof HandlerRegistry, `evidence:${string}` | 'search:query' | 'backups:create'>, PickedChannel>;

function requireLeaf(ctx: HandlerContext, assessmentId: number, code: string): void {
  const set = loadCriteriaSet(ctx.db, requireAssessment(ctx.db, assessmentId).setHash);
  const visit = findNode(set, code);
  if (!visit || !visit.isLeaf) throw new AppFailure('NOT_FOUND', `Không có tiêu chí chấm điểm mã ${code}.`);
}

function requireItem(ctx: HandlerContext, itemId: number) {
  const item = getItem(ctx.db, itemId);
  if (!item) throw new AppFailure('NOT_FOUND', 'Không tìm thấy tài liệu kiểm chứng.');
  return item;
}

/** Runs one evidence change in one transaction and returns the item and fresh totals. */
function change(ctx: HandlerContext, assessmentId: number, write: () => number | null) {
  return ctx.db.transaction(() => {
    requireUnlockedAssessment(ctx.db, assessmentId);
    const itemId = write();
    return { item: itemId === null ? null : requireItem(ctx, itemId), totals: currentTotals(ctx.db, assessmentId) };
  })();
}

/** Copies opened with the system application live under one folder per user, emptied at start-up
 *  (an editor may still hold a copy while the app runs). */
export function openCopiesRoot(): string {
  const root = path.join(os.tmpdir(), 'par-mo-tep');
  fs.mkdirSync(root, { recursive: true });
  return root;
}

/** One backup at a time per database (a double click must not race two copies). */
const backupsInFlight = new WeakMap<object, Promise<BackupInfo>>();

function backupOnce(ctx: HandlerContext): Promise<BackupInfo> {
  const running = backupsInFlight.get(ctx.db);
  if (running) return running;
  const next = createBackup(ctx.db, ctx.dataDir, ctx.now())
    .then((b) => ({ fileName: b.fileName, size: b.size, createdAt: b.createdAt, removedBlobs: b.garbage.blobs }))
    .finally(() => backupsInFlight.delete(ctx.db));
  backupsInFlight.set(ctx.db, next);
  return next;
}

async function openWithSystem(ctx: HandlerContext, fileId: number): Promise<{ opened: true }> {
  if (!ctx.desktop) throw new AppFailure('UNAVAILABLE', 'Chỉ ứng dụng trên máy tính mở được tệp bằng phần mềm của hệ thống; ở chế độ trình duyệt hãy tải tệp về.');
  const file = getFile(ctx.db, fileId);
  if (!file) throw new AppFailure('NOT_FOUND', 'Không tìm thấy tệp.');
  const dir = fs.mkdtempSync(path.join(openCopiesRoot(), 'f-'));
  const copy = path.join(dir, file.displayName);
  await fs.promises.copyFile(blobPath(ctx.dataDir, file.hash), copy);
  const error = await ctx.desktop.openPath(copy);
  if (error) throw new AppFailure('UNAVAILABLE', `Không mở được tệp: ${error}`);
  return { opened: true };
}

export const evidenceHandlers: Pick<HandlerRegistry, EvidenceChannel> = {
  'evidence:listForAssessment': (ctx, { assessmentId }) => ({ items: listItemsForAssessment(ctx.db, assessmentId), totals: currentTotals(ctx.db, assessmentId) }),
  'evidence:listForAgency': (ctx, { agencyId }) => ({ items: listItemsForAgency(ctx.db, agencyId) }),
  'evidence:create': (ctx, { assessmentId, code, draft }) =>
    change(ctx, assessmentId, () => {
      const assessment = requireAssessment(ctx.db, assessmentId);
      if (code !== null) requireLeaf(ctx, assessmentId, code);
      const item = insertItem(ctx.db, assessment.agencyId, draft, ctx.now());
      if (code !== null) linkItem(ctx.db, assessmentId, code, item.id, ctx.now());
      return item.id;
    }),
  'evidence:update': (ctx, { assessmentId, itemId, draft }) =>
    change(ctx, assessmentId, () => {
      requireEditableItem(ctx.db, assessmentId, itemId);
      if (!updateItem(ctx.db, itemId, draft, ctx.now())) throw new AppFailure('NOT_FOUND', 'Không tìm thấy tài liệu kiểm chứng.');
      return itemId;
    }),
  'evidence:delete': (ctx, { assessmentId, itemId }) =>
    change(ctx, assessmentId, () => {
      if (!deleteItem(ctx.db, itemId)) throw new AppFailure('NOT_FOUND', 'Không tìm thấy tài liệu kiểm chứng.');
      return null;
    }),
  'evidence:link': (ctx, { assessmentId, code, itemId }) =>
    change(ctx, assessmentId, () => {
      requireLeaf(ctx, assessmentId, code);
      linkItem(ctx.db, assessmentId, code, itemId, ctx.now());
      return itemId;
    }),
  'evidence:unlink': (ctx, { assessmentId, code, itemId }) =>
    change(ctx, assessmentId, () => {
      requireItem(ctx, itemId);
      unlinkItem(ctx.db, assessmentId, code, itemId);
      return itemId;
    }),
  'evidence:removeFile': (ctx, { assessmentId, fileId }) =>
    change(ctx, assessmentId, () => {
      const file = getFile(ctx.db, fileId);
      if (file) requireEditableItem(ctx.db, assessmentId, file.itemId);
      if (!file || !removeFile(ctx.db, fileId, ctx.now())) throw new AppFailure('NOT_FOUND', 'Không tìm thấy tệp.');
      return file.itemId;
    }),
  'evidence:gaps': (ctx, { assessmentId }) => {
    const set = loadCriteriaSet(ctx.db, requireAssessment(ctx.db, assessmentId).setHash);
    const totals = currentTotals(ctx.db, assessmentId);
    const leaves = totals.needsExplanationCodes.map((code) => {
      const node = findNode(set, code)!.node;
      const t = totals.nodes[code]!;
      return { code, title: node.title, pointsMilli: t.pointsMilli, maxMilli: t.maxMilli };
    });
    return { leaves, itemsWithoutFiles: itemsWithoutFiles(ctx.db, assessmentId) };
  },
  'evidence:openWithSystem': (ctx, { fileId }) => openWithSystem(ctx, fileId),
  'search:query': (ctx, { assessmentId, query }) => searchAssessment(ctx.db, assessmentId, query),
  'backups:create': (ctx) => backupOnce(ctx),
};
