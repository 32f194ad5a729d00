/** The `evidence_items` and `evidence_links` tables: plain functions over an explicit handle, no
 *  transactions in here (a caller that runs several of them wraps them in one). */
import type Database from 'better-sqlite3';
import type { EvidenceDraft, EvidenceItem, EvidenceLink } from '../../../shared/api/evidence-entities';
import { AppFailure } from '../../../shared/api/result';
import { foldVi } from '../../../shared/format/search-fold';
import { prepared } from '../statements';
import { deleteFileRow, filesOfItems } from './evidence-files';

interface ItemRecord {
  id: number;
  agency_id: number;
  doc_number: string;
  issued_on: string | null;
  issuer: string;
  doc_type: EvidenceItem['docType'];
  summary: string;
  created_at: string;
  updated_at: string;
}

const COLUMNS = 'i.id, i.agency_id, i.doc_number, i.issued_on, i.issuer, i.doc_type, i.summary, i.created_at, i.updated_at';
const NEWEST_FIRST = 'ORDER BY i.updated_at DESC, i.id DESC';
/** More words than this in one search are ignored (it bounds the statement cache, too). */
const MAX_SEARCH_WORDS = 8;

function toItemBase(r: ItemRecord): Omit<EvidenceItem, 'files' | 'links' | 'lockedYears'> {
  return {
    id: r.id,
    agencyId: r.agency_id,
    docNumber: r.doc_number,
    issuedOn: r.issued_on,
    issuer: r.issuer,
    docType: r.doc_type,
    summary: r.summary,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function linksOfItems(db: Database.Database, itemIds: number[]): (EvidenceLink & { itemId: number })[] {
  const sql = `SELECT item_id AS itemId, assessment_id AS assessmentId, code FROM evidence_links
               WHERE item_id IN (SELECT value FROM json_each(?)) ORDER BY assessment_id, code`;
  return prepared(db, sql).all(JSON.stringify(itemIds)) as (EvidenceLink & { itemId: number })[];
}

function lockedYearsOfItems(db: Database.Database, itemIds: number[]): { itemId: number; year: number }[] {
  const sql = `SELECT DISTINCT l.item_id AS itemId, a.year AS year FROM evidence_links l JOIN assessments a ON a.id = l.assessment_id
               WHERE a.status <> 'draft' AND l.item_id IN (SELECT value FROM json_each(?)) ORDER BY a.year`;
  return prepared(db, sql).all(JSON.stringify(itemIds)) as { itemId: number; year: number }[];
}

/** Rows → items with their files, links and locked years, three extra statements whatever the count. */
function withDetails(db: Database.Database, rows: ItemRecord[]): EvidenceItem[] {
  const ids = rows.map((r) => r.id);
  const items = new Map<number, EvidenceItem>(rows.map((r) => [r.id, { ...toItemBase(r), files: [], links: [], lockedYears: [] }]));
  for (const f of filesOfItems(db, ids)) items.get(f.itemId)?.files.push(f);
  for (const { itemId, assessmentId, code } of linksOfItems(db, ids)) items.get(itemId)?.links.push({ assessmentId, code });
  for (const { itemId, year } of lockedYearsOfItems(db, ids)) items.get(itemId)?.lockedYears.push(year);
  return [...items.values()];
}

/** The agency an item belongs to, without its files and links (checked on every import). */
export function itemAgencyId(db: Database.Database, id: number): number | undefined {
  return prepared(db, 'SELECT agency_id FROM evidence_items WHERE id = ?').pluck().get(id) as number | undefined;
}

export function getItem(db: Database.Database, id: number): EvidenceItem | undefined {
  const row = prepared(db, `SELECT ${COLUMNS} FROM evidence_items i WHERE i.id = ?`).get(id) as ItemRecord | undefined;
  return row && withDetails(db, [row])[0];
}

export function itemExists(db: Database.Database, id: number): boolean {
  return prepared(db, 'SELECT 1 FROM evidence_items WHERE id = ?').get(id) !== undefined;
}

/** search_text = folded number, summary, issuer and every file's display name. */
export function refreshSearchText(db: Database.Database, itemId: number): void {
  const item = prepared(db, 'SELECT doc_number, summary, issuer FROM evidence_items WHERE id = ?').get(itemId) as
    | { doc_number: string; summary: string; issuer: string }
    | undefined;
  if (!item) return;
  const names = prepared(db, 'SELECT display_name FROM evidence_files WHERE item_id = ? ORDER BY id').pluck().all(itemId) as string[];
  const text = foldVi([item.doc_number, item.summary, item.issuer, ...names].join(' '));
  prepared(db, 'UPDATE evidence_items SET search_text = ? WHERE id = ?').run(text, itemId);
}

export function touchItem(db: Database.Database, itemId: number, now: string): void {
  prepared(db, 'UPDATE evidence_items SET updated_at = ? WHERE id = ?').run(now, itemId);
}

export function insertItem(db: Database.Database, agencyId: number, draft: EvidenceDraft, now: string): EvidenceItem {
  const info = prepared(
    db,
    `INSERT INTO evidence_items (agency_id, doc_number, issued_on, issuer, doc_type, summary, created_at, updated_at)
     VALUES (@agencyId, @docNumber, @issuedOn, @issuer, @docType, @summary, @now, @now)`,
  ).run({ ...draft, agencyId, now });
  const id = Number(info.lastInsertRowid);
  refreshSearchText(db, id);
  const item = getItem(db, id);
  if (!item) throw new Error('insertItem: the new row cannot be read back');
  return item;
}

/** Returns the updated item, or undefined when no item has this id. */
export function updateItem(db: Database.Database, id: number, draft: EvidenceDraft, now: string): EvidenceItem | undefined {
  const info = prepared(
    db,
    `UPDATE evidence_items SET doc_number = @docNumber, issued_on = @issuedOn, issuer = @issuer,
       doc_type = @docType, summary = @summary, updated_at = @now WHERE id = @id`,
  ).run({ ...draft, now, id });
  if (info.changes !== 1) return undefined;
  refreshSearchText(db, id);
  return getItem(db, id);
}


export function listItemsForAgency(db: Database.Database, agencyId: number): EvidenceItem[] {
  const sql = `SELECT ${COLUMNS} FROM evidence_items i WHERE i.agency_id = ? ${NEWEST_FIRST}`;
  return withDetails(db, prepared(db, sql).all(agencyId) as ItemRecord[]);
}

/** Items linked to any criterion of the assessment. */
export function listItemsForAssessment(db: Database.Database, assessmentId: number): EvidenceItem[] {
  const sql = `SELECT ${COLUMNS} FROM evidence_items i
               WHERE i.id IN (SELECT item_id FROM evidence_links WHERE assessment_id = ?) ${NEWEST_FIRST}`;
  return withDetails(db, prepared(db, sql).all(assessmentId) as ItemRecord[]);
}

/** Items linked to one criterion of the assessment, newest first (what the workspace shows for the
 *  selected leaf: the whole assessment's list is loaded by nobody on open). */
export function listItemsForCriterion(db: Database.Database, assessmentId: number, code: string): EvidenceItem[] {
  const sql = `SELECT ${COLUMNS} FROM evidence_items i
               WHERE i.id IN (SELECT item_id FROM evidence_links WHERE assessment_id = ? AND code = ?) ${NEWEST_FIRST}`;
  return withDetails(db, prepared(db, sql).all(assessmentId, code) as ItemRecord[]);
}

const WITHOUT_FILES = `FROM evidence_items i
               WHERE i.id IN (SELECT item_id FROM evidence_links WHERE assessment_id = ?)
                 AND NOT EXISTS (SELECT 1 FROM evidence_files f WHERE f.item_id = i.id)`;

/** Items linked to the assessment that have no file yet (for the completeness list), newest first;
 *  `limit` of them from `offset` (all by default). */
export function itemsWithoutFiles(db: Database.Database, assessmentId: number, limit = -1, offset = 0): EvidenceItem[] {
  const sql = `SELECT ${COLUMNS} ${WITHOUT_FILES} ${NEWEST_FIRST} LIMIT ? OFFSET ?`;
  return withDetails(db, prepared(db, sql).all(assessmentId, limit, offset) as ItemRecord[]);
}

export function countItemsWithoutFiles(db: Database.Database, assessmentId: number): number {
  return prepared(db, `SELECT count(*) ${WITHOUT_FILES}`).pluck().get(assessmentId) as number;
}

function agencyOf(db: Database.Database, table: 'evidence_items' | 'assessments', id: number): number | undefined {
  return prepared(db, `SELECT agency_id FROM ${table} WHERE id = ?`).pluck().get(id) as number | undefined;
}

/** Links an item to a criterion; true when the link is new, false when it was there (idempotent).
 *  The item must belong to the assessment's agency (an earlier year's item may be reused). */
export function linkItem(db: Database.Database, assessmentId: number, code: string, itemId: number, now: string): boolean {
  const assessmentAgency = agencyOf(db, 'assessments', assessmentId);
  const itemAgency = agencyOf(db, 'evidence_items', itemId);
  if (assessmentAgency === undefined) throw new AppFailure('NOT_FOUND', 'Không tìm thấy bản tự đánh giá.');
  if (itemAgency === undefined) throw new AppFailure('NOT_FOUND', 'Không tìm thấy tài liệu kiểm chứng.');
  if (itemAgency !== assessmentAgency) throw new AppFailure('CONFLICT', 'Tài liệu kiểm chứng này thuộc cơ quan khác.');
  const sql = `INSERT INTO evidence_links (assessment_id, code, item_id, linked_at) VALUES (?, ?, ?, ?)
               ON CONFLICT (assessment_id, code, item_id) DO NOTHING`;
  return prepared(db, sql).run(assessmentId, code, itemId, now).changes === 1;
}

export function unlinkItem(db: Database.Database, assessmentId: number, code: string, itemId: number): boolean {
  const sql = 'DELETE FROM evidence_links WHERE assessment_id = ? AND code = ? AND item_id = ?';
  return prepared(db, sql).run(assessmentId, code, itemId).changes === 1;
}

function linkedCriteria(db: Database.Database, itemId: number): string[] {
  const sql = `SELECT l.code || ' (năm ' || a.year || ')' FROM evidence_links l JOIN assessments a ON a.id = l.assessment_id
               WHERE l.item_id = ? ORDER BY a.year, l.code`;
  return prepared(db, sql).pluck().all(itemId) as string[];
}

/** Deletes an item that nothing links to, with its file rows (their blobs become unreferenced and
 *  are collected after the next backup). False when no item has this id. */
export function deleteItem(db: Database.Database, id: number): boolean {
  const criteria = linkedCriteria(db, id);
  if (criteria.length > 0) {
    const shown = criteria.length > 5 ? `${criteria.slice(0, 5).join(', ')} và ${criteria.length - 5} tiêu chí khác` : criteria.join(', ');
    throw new AppFailure('CONFLICT', `Tài liệu đang được dùng cho tiêu chí ${shown}; hãy bỏ liên kết trước.`);
  }
  prepared(db, 'DELETE FROM evidence_files WHERE item_id = ?').run(id);
  return prepared(db, 'DELETE FROM evidence_items WHERE id = ?').run(id).changes === 1;
}

/** Removes one file from its item; false when there was no such file. */
/** Years of the locked (final) assessments an item backs, oldest first. */
export function lockedYearsBackedBy(db: Database.Database, itemId: number): number[] {
  return lockedYearsOfItems(db, [itemId]).map((r) => r.year);
}

export function removeFile(db: Database.Database, fileId: number, now?: string): boolean {
  const itemId = deleteFileRow(db, fileId);
  if (itemId === undefined) return false;
  refreshSearchText(db, itemId);
  if (now !== undefined) touchItem(db, itemId, now);
  return true;
}

/** Per criterion, the linked documents that hold at least one file: only those back a score (a
 *  document with no file is a promise, not evidence). */
export function backingEvidenceCountsByCode(db: Database.Database, assessmentId: number): Map<string, number> {
  const sql = `SELECT l.code, COUNT(*) AS n FROM evidence_links l
               WHERE l.assessment_id = ? AND EXISTS (SELECT 1 FROM evidence_files f WHERE f.item_id = l.item_id)
               GROUP BY l.code ORDER BY l.code`;
  const rows = prepared(db, sql).all(assessmentId) as { code: string; n: number }[];
  return new Map(rows.map((r) => [r.code, r.n]));
}

const escapeLike = (word: string): string => word.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The folded words of a query, distinct, at most MAX_SEARCH_WORDS. */
export function searchWords(query: string): string[] {
  return [...new Set(foldVi(query).split(' ').filter((w) => w !== ''))].slice(0, MAX_SEARCH_WORDS);
}

function matchCondition(words: string[]): string {
  return words.map(() => " AND i.search_text LIKE ? ESCAPE '\\'").join('');
}

const likeParams = (words: string[]): string[] => words.map((w) => `%${escapeLike(w)}%`);

/** Items of the agency whose number, summary, issuer or file names contain every word of the
 *  query, diacritics and case ignored ("ke hoach" finds "Kế hoạch"); newest first, one page of
 *  `limit` from `offset`. */
export function searchEvidence(db: Database.Database, agencyId: number, query: string, limit: number, offset = 0): EvidenceItem[] {
  const words = searchWords(query);
  const sql = `SELECT ${COLUMNS} FROM evidence_items i WHERE i.agency_id = ?${matchCondition(words)}
               ${NEWEST_FIRST} LIMIT ? OFFSET ?`;
  const rows = prepared(db, sql).all(agencyId, ...likeParams(words), limit, offset) as ItemRecord[];
  return withDetails(db, rows);
}

/** Items of an agency in pages of this many (the reuse dialog asks for more as the officer scrolls on). */
export const AGENCY_ITEMS_PAGE = 100;

/** One page of the agency's items matching the query (all when it is empty), with the counts. */
export function pageItemsForAgency(db: Database.Database, agencyId: number, query: string, offset: number): { items: EvidenceItem[]; total: number; agencyTotal: number } {
  return {
    items: searchEvidence(db, agencyId, query, AGENCY_ITEMS_PAGE, offset),
    total: countEvidenceMatches(db, agencyId, query),
    agencyTotal: countEvidenceMatches(db, agencyId, ''),
  };
}

/** How many items of the agency match the query (the same condition as searchEvidence, no limit). */
export function countEvidenceMatches(db: Database.Database, agencyId: number, query: string): number {
  const words = searchWords(query);
  const sql = `SELECT count(*) FROM evidence_items i WHERE i.agency_id = ?${matchCondition(words)}`;
  return prepared(db, sql).pluck().get(agencyId, ...likeParams(words)) as number;
}
