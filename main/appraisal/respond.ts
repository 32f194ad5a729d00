/**
 * Answering the council ("giải trình, bổ sung tài liệu kiểm chứng"): per request the officer writes
 * the explanation and links an existing document of the agency or adds a new one. Allowed while
 * the assessment is submitted or appraised, only as an answer: the self scores, the year's answers
 * and evidence links stay as they were submitted. Each change is one transaction with its history row.
 */
import type Database from 'better-sqlite3';
import type { AppraisalView } from '../../shared/api/channels/appraisal';
import type { EvidenceDraft } from '../../shared/api/evidence-entities';
import { AppFailure } from '../../shared/api/result';
import { requireAssessment } from '../assessment/assessment-view';
import { recordChange } from '../history/record';
import { addResponseDocument, getResponse, listPoints, removeResponseDocument, upsertResponse } from '../store/queries/appraisal';
import { getItem, insertItem } from '../store/queries/evidence';
import { buildAppraisalView } from './appraisal-view';

export interface RequestTarget {
  assessmentId: number;
  round: number;
  code: string;
}

/** The assessment may be answered, and the round asked something about this criterion. */
function requireRequest(db: Database.Database, t: RequestTarget) {
  const assessment = requireAssessment(db, t.assessmentId);
  if (assessment.status !== 'submitted' && assessment.status !== 'appraised') {
    throw new AppFailure('CONFLICT', 'Chỉ giải trình, bổ sung tài liệu khi kỳ đánh giá đã nộp hoặc đã thẩm định (chưa có kết quả công bố).');
  }
  const entry = listPoints(db, t.assessmentId).find((p) => p.round === t.round && p.code === t.code);
  if (!entry || entry.request === 'none') throw new AppFailure('NOT_FOUND', `Vòng thẩm định ${t.round} không có đề nghị nào cho tiêu chí ${t.code}.`);
  return assessment;
}

const docDetails = (item: { id: number; docNumber: string; summary: string }) => ({ itemId: item.id, docNumber: item.docNumber, summary: item.summary });

export function saveResponse(db: Database.Database, t: RequestTarget & { explanation: string }, now: string): AppraisalView {
  return db.transaction(() => {
    requireRequest(db, t);
    const before = getResponse(db, t.assessmentId, t.round, t.code)?.explanation ?? '';
    const after = t.explanation.trim();
    if (before !== after) {
      upsertResponse(db, t.assessmentId, t.round, t.code, after, now);
      recordChange(db, { assessmentId: t.assessmentId, kind: 'answer', action: 'response', code: t.code, before: before ? { round: t.round, explanation: before } : null, after: after ? { round: t.round, explanation: after } : null }, now);
    }
    return buildAppraisalView(db, t.assessmentId);
  })();
}

function responseId(db: Database.Database, t: RequestTarget, now: string): number {
  return getResponse(db, t.assessmentId, t.round, t.code)?.id ?? upsertResponse(db, t.assessmentId, t.round, t.code, '', now);
}

export function linkResponseDocument(db: Database.Database, t: RequestTarget & { itemId: number }, now: string): AppraisalView {
  return db.transaction(() => {
    const assessment = requireRequest(db, t);
    const item = getItem(db, t.itemId);
    if (!item || item.agencyId !== assessment.agencyId) throw new AppFailure('NOT_FOUND', 'Không tìm thấy tài liệu kiểm chứng.');
    if (addResponseDocument(db, responseId(db, t, now), t.itemId, false, now)) {
      recordChange(db, { assessmentId: t.assessmentId, kind: 'link', action: 'response-link', code: t.code, itemId: t.itemId, after: { round: t.round, ...docDetails(item) } }, now);
    }
    return buildAppraisalView(db, t.assessmentId);
  })();
}

export function unlinkResponseDocument(db: Database.Database, t: RequestTarget & { itemId: number }, now: string): AppraisalView {
  return db.transaction(() => {
    requireRequest(db, t);
    const response = getResponse(db, t.assessmentId, t.round, t.code);
    const item = getItem(db, t.itemId);
    if (response && item && removeResponseDocument(db, response.id, t.itemId)) {
      recordChange(db, { assessmentId: t.assessmentId, kind: 'link', action: 'response-unlink', code: t.code, itemId: t.itemId, before: { round: t.round, ...docDetails(item) } }, now);
    }
    return buildAppraisalView(db, t.assessmentId);
  })();
}

/** A new document, added as part of the answer; its files then go through `/upload/evidence`. */
export function addResponseNewDocument(db: Database.Database, t: RequestTarget & { draft: EvidenceDraft }, now: string): { itemId: number; appraisal: AppraisalView } {
  return db.transaction(() => {
    const assessment = requireRequest(db, t);
    const item = insertItem(db, assessment.agencyId, t.draft, now);
    const { docNumber, issuedOn, issuer, docType, summary } = t.draft;
    recordChange(db, { assessmentId: t.assessmentId, kind: 'evidence', action: 'create', itemId: item.id, after: { docNumber, issuedOn, issuer, docType, summary, files: [] } }, now);
    addResponseDocument(db, responseId(db, t, now), item.id, true, now);
    recordChange(db, { assessmentId: t.assessmentId, kind: 'link', action: 'response-link', code: t.code, itemId: item.id, after: { round: t.round, ...docDetails(item) } }, now);
    return { itemId: item.id, appraisal: buildAppraisalView(db, t.assessmentId) };
  })();
}
