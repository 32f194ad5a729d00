/**
 * Drafts of criteria sets: create (blank, or a copy of an installed set), read, save at every
 * change, list, delete, and install. Installing runs the one validator on the saved body and then
 * the ordinary install path (hash = identity, the stored set frozen); an invalid draft is refused
 * with the validator's issues and nothing is installed.
 */
import type Database from 'better-sqlite3';
import type { CriteriaDraftSummary, CriteriaDraftView } from '../../../shared/api/channels/criteria-drafts';
import { AppFailure } from '../../../shared/api/result';
import { blankDraft, checkDraft, criteriaDraftSchema, draftFromSet, type CriteriaDraft } from '../../../shared/domain/criteria-draft';
import { vietnameseIssueMessage, vietnamesePath } from '../../../shared/domain/criteria-set-file-kind';
import {
  deleteCriteriaDraft,
  getCriteriaDraft,
  insertCriteriaDraft,
  listCriteriaDrafts,
  updateCriteriaDraft,
} from '../../store/queries/criteria-drafts';
import { installCriteriaSet, type ImportSetOutcome } from '../import-set';
import { openCriteriaSet } from '../open-set';

export type DraftSource = { kind: 'blank'; year: number } | { kind: 'set'; hash: string };

const UNTITLED = 'Bộ chỉ số chưa đặt tên';
const NOT_FOUND = 'Không tìm thấy bản nháp bộ chỉ số.';

const titleOf = (draft: CriteriaDraft): string => draft.meta.title.trim().slice(0, 500) || UNTITLED;

function readDraft(db: Database.Database, id: number): CriteriaDraftView {
  const row = getCriteriaDraft(db, id);
  if (!row) throw new AppFailure('NOT_FOUND', NOT_FOUND);
  const body = criteriaDraftSchema.parse(JSON.parse(row.bodyJson));
  return { id: row.id, title: row.title, createdAt: row.createdAt, updatedAt: row.updatedAt, body };
}

export function listDrafts(db: Database.Database): { drafts: CriteriaDraftSummary[] } {
  return { drafts: listCriteriaDrafts(db) };
}

export function getDraft(db: Database.Database, id: number): CriteriaDraftView {
  return readDraft(db, id);
}

export function createDraft(db: Database.Database, from: DraftSource, now: string): CriteriaDraftView {
  const body = from.kind === 'blank' ? blankDraft(from.year) : draftFromSet(openCriteriaSet(db, from.hash).set);
  const id = insertCriteriaDraft(db, titleOf(body), JSON.stringify(body), now);
  return readDraft(db, id);
}

export function saveDraft(db: Database.Database, id: number, body: CriteriaDraft, now: string): CriteriaDraftSummary {
  const title = titleOf(body);
  if (!updateCriteriaDraft(db, id, title, JSON.stringify(body), now)) throw new AppFailure('NOT_FOUND', NOT_FOUND);
  const { body: _saved, ...summary } = readDraft(db, id);
  return summary;
}

export function deleteDraft(db: Database.Database, id: number): { deleted: true } {
  if (!deleteCriteriaDraft(db, id)) throw new AppFailure('NOT_FOUND', NOT_FOUND);
  return { deleted: true };
}

export function installDraft(db: Database.Database, id: number, confirmNewVersion: boolean, now: string): ImportSetOutcome {
  const draft = readDraft(db, id);
  const checked = checkDraft(draft.body);
  if (!checked.ok) {
    const issues = checked.issues.map((issue) => ({ path: vietnamesePath(issue.path), message: vietnameseIssueMessage(issue.message) }));
    throw new AppFailure('INVALID_CRITERIA_SET', `Bộ chỉ số “${draft.title}” còn ${issues.length} lỗi nên chưa cài đặt được; hãy sửa các lỗi được đánh dấu rồi thử lại.`, {
      path: issues[0]?.path,
      issues,
    });
  }
  return installCriteriaSet(db, checked.set, confirmNewVersion, now);
}
