/** The officer's changes to evidence items of one assessment: create, edit, delete, link, unlink,
 *  remove a file. Each runs in ONE transaction (a locked assessment or a frozen item is refused
 *  inside it) and returns the item as it now is with fresh totals; plus the list of gaps. */
import type Database from 'better-sqlite3';
import type { EvidenceChange, EvidenceGaps } from '../../shared/api/channels/evidence';
import type { EvidenceDraft } from '../../shared/api/evidence-entities';
import { AppFailure } from '../../shared/api/result';
import { findNode } from '../../shared/domain/criteria-tree';
import { currentTotals, requireAssessment } from '../assessment/assessment-view';
import { requireLeaf } from '../criteria/require-leaf';
import { loadCriteriaSet } from '../criteria/set-cache';
import { getFile } from '../store/queries/evidence-files';
import { countItemsWithoutFiles, deleteItem, getItem, insertItem, itemsWithoutFiles, linkItem, listItemsForAssessment, removeFile, unlinkItem, updateItem } from '../store/queries/evidence';
import { outsideAssessedYear } from '../../shared/domain/evidence-year';
import { requireEditableItem, requireUnlockedAssessment } from './editable-item';
import type { EvidenceItem } from '../../shared/api/evidence-entities';
import { recordChange, recordInEach, sameJson } from '../history/record';
import { assessmentsLinking } from '../store/queries/history';

/** What the history keeps of an item: its details and its files' names. */
export function itemDetails(item: EvidenceItem) {
  const { docNumber, issuedOn, issuer, docType, summary } = item;
  return { docNumber, issuedOn, issuer, docType, summary, files: item.files.map((f) => f.displayName) };
}

/** What the history keeps of a link: which document backs the criterion. */
const linkDetails = (item: EvidenceItem) => ({ itemId: item.id, docNumber: item.docNumber, summary: item.summary });

function requireLeafOf(db: Database.Database, assessmentId: number, code: string): void {
  requireLeaf(loadCriteriaSet(db, requireAssessment(db, assessmentId).setHash), code);
}

function requireItem(db: Database.Database, itemId: number) {
  const item = getItem(db, itemId);
  if (!item) throw new AppFailure('NOT_FOUND', 'Không tìm thấy tài liệu kiểm chứng.');
  return item;
}

/** Runs one evidence change in one transaction and returns the item and fresh totals. */
function change(db: Database.Database, assessmentId: number, write: () => number | null): EvidenceChange {
  return db.transaction(() => {
    requireUnlockedAssessment(db, assessmentId);
    const itemId = write();
    return { item: itemId === null ? null : requireItem(db, itemId), totals: currentTotals(db, assessmentId) };
  })();
}

export function createItem(db: Database.Database, req: { assessmentId: number; code: string | null; draft: EvidenceDraft }, now: string): EvidenceChange {
  return change(db, req.assessmentId, () => {
    const assessment = requireAssessment(db, req.assessmentId);
    if (req.code !== null) requireLeafOf(db, req.assessmentId, req.code);
    const item = insertItem(db, assessment.agencyId, req.draft, now);
    recordChange(db, { assessmentId: req.assessmentId, kind: 'evidence', action: 'create', itemId: item.id, after: itemDetails(requireItem(db, item.id)) }, now);
    if (req.code !== null) {
      linkItem(db, req.assessmentId, req.code, item.id, now);
      recordChange(db, { assessmentId: req.assessmentId, kind: 'link', action: 'link', code: req.code, itemId: item.id, after: linkDetails(requireItem(db, item.id)) }, now);
    }
    return item.id;
  });
}

export function editItem(db: Database.Database, req: { assessmentId: number; itemId: number; draft: EvidenceDraft }, now: string): EvidenceChange {
  return change(db, req.assessmentId, () => {
    requireEditableItem(db, req.assessmentId, req.itemId);
    const before = itemDetails(requireItem(db, req.itemId));
    if (!updateItem(db, req.itemId, req.draft, now)) throw new AppFailure('NOT_FOUND', 'Không tìm thấy tài liệu kiểm chứng.');
    const after = itemDetails(requireItem(db, req.itemId));
    if (!sameJson(before, after)) recordChange(db, { assessmentId: req.assessmentId, kind: 'evidence', action: 'edit', itemId: req.itemId, before, after }, now);
    return req.itemId;
  });
}

export function removeItem(db: Database.Database, req: { assessmentId: number; itemId: number }, now: string): EvidenceChange {
  return change(db, req.assessmentId, () => {
    requireEditableItem(db, req.assessmentId, req.itemId); // this agency's, and not frozen by a locked year
    const before = itemDetails(requireItem(db, req.itemId));
    const where = [...new Set([req.assessmentId, ...assessmentsLinking(db, req.itemId)])];
    recordInEach(db, where, { kind: 'evidence', action: 'delete', itemId: req.itemId, before }, now);
    if (!deleteItem(db, req.itemId)) throw new AppFailure('NOT_FOUND', 'Không tìm thấy tài liệu kiểm chứng.');
    return null;
  });
}

export function linkToCriterion(db: Database.Database, req: { assessmentId: number; code: string; itemId: number }, now: string): EvidenceChange {
  return change(db, req.assessmentId, () => {
    requireLeafOf(db, req.assessmentId, req.code);
    const item = requireItem(db, req.itemId);
    if (linkItem(db, req.assessmentId, req.code, req.itemId, now)) {
      recordChange(db, { assessmentId: req.assessmentId, kind: 'link', action: 'link', code: req.code, itemId: req.itemId, after: linkDetails(item) }, now);
    }
    return req.itemId;
  });
}

export function unlinkFromCriterion(db: Database.Database, req: { assessmentId: number; code: string; itemId: number }, now: string): EvidenceChange {
  return change(db, req.assessmentId, () => {
    const item = requireItem(db, req.itemId);
    if (unlinkItem(db, req.assessmentId, req.code, req.itemId)) {
      recordChange(db, { assessmentId: req.assessmentId, kind: 'link', action: 'unlink', code: req.code, itemId: req.itemId, before: linkDetails(item) }, now);
    }
    return req.itemId;
  });
}

export function removeItemFile(db: Database.Database, req: { assessmentId: number; fileId: number }, now: string): EvidenceChange {
  return change(db, req.assessmentId, () => {
    const file = getFile(db, req.fileId);
    if (file) requireEditableItem(db, req.assessmentId, file.itemId);
    if (!file || !removeFile(db, req.fileId, now)) throw new AppFailure('NOT_FOUND', 'Không tìm thấy tệp.');
    const before = { fileName: file.displayName, size: file.size, sha256: file.hash };
    recordChange(db, { assessmentId: req.assessmentId, kind: 'file', action: 'remove', itemId: file.itemId, before }, now);
    return file.itemId;
  });
}

/** Documents without a file per page of the completeness list (there may be thousands). */
export const GAP_ITEMS_PAGE = 100;

/** Leaves that need an explanation (points above zero, no evidence, no explanation) and one page
 *  of the items without files (from `itemsOffset`) with how many there are. */
export function evidenceGaps(db: Database.Database, assessmentId: number, itemsOffset = 0): EvidenceGaps {
  const assessment = requireAssessment(db, assessmentId);
  const set = loadCriteriaSet(db, assessment.setHash);
  const totals = currentTotals(db, assessmentId);
  const leaves = totals.needsExplanationCodes.map((code) => {
    const node = findNode(set, code)!.node;
    const t = totals.nodes[code]!;
    return { code, title: node.title, pointsMilli: t.pointsMilli, maxMilli: t.maxMilli };
  });
  const itemsOutsideYear = itemsOffset > 0 ? [] : listItemsForAssessment(db, assessmentId).filter((item) => outsideAssessedYear(item.issuedOn, item.docType, assessment.year));
  return { leaves, itemsWithoutFiles: itemsWithoutFiles(db, assessmentId, GAP_ITEMS_PAGE, itemsOffset), itemsWithoutFilesTotal: countItemsWithoutFiles(db, assessmentId), itemsOutsideYear };
}
