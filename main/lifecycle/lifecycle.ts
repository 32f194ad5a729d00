/**
 * The steps after the lock, as services: the lifecycle view (who/when for each step, the
 * submission, the published result), going back one step with a reason, `markAppraised` (called
 * by the appraisal import, inside its own transaction) and `closeAssessment` (the published result,
 * from the form or a later import). Submitting is in submit.ts (it stores files first).
 */
import type Database from 'better-sqlite3';
import type { LifecycleView, PublishedResultInput } from '../../shared/api/channels/history';
import type { AssessmentSummary } from '../../shared/api/entities';
import { AppFailure } from '../../shared/api/result';
import { ASSESSMENT_STATUSES, PREVIOUS_STATUS } from '../../shared/domain/assessment-status';
import { fromMilli, toMilli } from '../../shared/domain/points';
import { requireAssessment } from '../assessment/assessment-view';
import { recordChange, sameJson } from '../history/record';
import { lastStatusChanges } from '../store/queries/history';
import { getPublishedResult, latestSubmission, upsertPublishedResult } from '../store/queries/submissions';
import { moveStatus } from './move-status';

export function lifecycleView(db: Database.Database, assessmentId: number): LifecycleView {
  return db.transaction((): LifecycleView => {
    const assessment = requireAssessment(db, assessmentId);
    const changes = new Map(lastStatusChanges(db, assessmentId).map((c) => [c.action, c]));
    const steps = ASSESSMENT_STATUSES.map((status) => {
      const c = changes.get(status);
      return status === 'draft' && !c ? { status, at: assessment.createdAt, officer: null } : { status, at: c?.at ?? null, officer: c?.officer ?? null };
    });
    const s = latestSubmission(db, assessmentId);
    const p = getPublishedResult(db, assessmentId);
    return {
      status: assessment.status,
      steps,
      submission: s
        ? { id: s.id, sentOn: s.sentOn, docNumber: s.docNumber, docDate: s.docDate, signedName: s.signedName, signedSize: s.signedSize, packageName: s.packageName, packageSize: s.packageSize, officer: s.officer, submittedAt: s.submittedAt }
        : null,
      published: p
        ? { finalScore: fromMilli(p.finalScoreMilli), indexPercent: fromMilli(p.indexMilli), className: p.className, rank: p.rank, rankOf: p.rankOf, publishedOn: p.publishedOn, enteredAt: p.enteredAt }
        : null,
    };
  })();
}

/** Back one step (submitted → locked, appraised → submitted, closed → appraised); locked → draft
 *  goes through `assessments:setStatus` (it takes a backup and is the "Mở khóa" button). */
export function reopenAssessment(db: Database.Database, assessmentId: number, reason: string, now: string): LifecycleView {
  return db.transaction(() => {
    const from = requireAssessment(db, assessmentId).status;
    const to = PREVIOUS_STATUS[from];
    if (!to || from === 'final') {
      throw new AppFailure('CONFLICT', from === 'final' ? 'Kỳ đánh giá đang khóa: dùng "Mở khóa" để sửa tiếp.' : 'Kỳ đánh giá đang soạn, không có bước nào để mở lại.');
    }
    moveStatus(db, assessmentId, { to, reason }, now);
    return lifecycleView(db, assessmentId);
  })();
}

export interface AppraisalMark {
  /** 1 for the first appraisal, 2 for a second round, … */
  round: number;
  /** The file the council's result came from, as the officer picked it. */
  fileName?: string;
}

/** Submitted (or appraised, for a later round) → appraised, with a history row. Runs in the
 *  caller's transaction when there is one (the appraisal import), so both commit together. */
export function markAppraised(db: Database.Database, assessmentId: number, mark: AppraisalMark, now: string): AssessmentSummary {
  return moveStatus(db, assessmentId, { to: 'appraised', details: { round: mark.round, ...(mark.fileName ? { fileName: mark.fileName } : {}) } }, now);
}

/** Appraised → closed with the published result; while closed, entering it again corrects it
 *  (recorded as a change of the result). Exact: points and the index are kept in thousandths. */
export function closeAssessment(db: Database.Database, assessmentId: number, result: PublishedResultInput, now: string): LifecycleView {
  return db.transaction(() => {
    const row = {
      finalScoreMilli: toMilli(result.finalScore),
      indexMilli: toMilli(result.indexPercent),
      className: result.className.trim(),
      rank: result.rank,
      rankOf: result.rankOf,
      publishedOn: result.publishedOn,
      enteredAt: now,
    };
    if (row.rankOf !== null && row.rankOf < row.rank) throw new AppFailure('INVALID_INPUT', 'Thứ hạng không được lớn hơn tổng số cơ quan được xếp hạng.', { path: 'result.rankOf' });
    const shown = { ...result, className: row.className };
    if (requireAssessment(db, assessmentId).status === 'closed') {
      const old = getPublishedResult(db, assessmentId);
      const before = old && { finalScore: fromMilli(old.finalScoreMilli), indexPercent: fromMilli(old.indexMilli), className: old.className, rank: old.rank, rankOf: old.rankOf, publishedOn: old.publishedOn };
      if (!sameJson(before, shown)) recordChange(db, { assessmentId, kind: 'status', action: 'result', before, after: shown }, now);
    } else {
      moveStatus(db, assessmentId, { to: 'closed', details: { result: shown } }, now);
    }
    upsertPublishedResult(db, assessmentId, row);
    return lifecycleView(db, assessmentId);
  })();
}
