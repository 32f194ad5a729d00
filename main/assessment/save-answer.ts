/** One officer action on one leaf: check the input against the rule, then write the answer, its
 *  history row (when it changes something) and touch the assessment in ONE transaction, then return the answer and fresh totals. */
import type Database from 'better-sqlite3';
import type { AnswerView } from '../../shared/api/contract';
import { AppFailure } from '../../shared/api/result';
import type { AnswerInput } from '../../shared/domain/answer';
import { evaluateLeaf } from '../../shared/domain/scoring';
import type { Totals } from '../../shared/domain/scoring-types';
import { requireLeaf } from '../criteria/require-leaf';
import { loadCriteriaSet } from '../criteria/set-cache';
import { getAnswer, listAnswers, upsertAnswer } from '../store/queries/answers';
import { isReadOnlyStatus } from '../../shared/api/entities';
import { recordChange, sameJson } from '../history/record';
import { touchAssessment } from '../store/queries/assessments';
import { answerView, requireAssessment, totalsFor } from './assessment-view';

export function saveAnswer(
  db: Database.Database,
  req: { assessmentId: number; code: string; answer: AnswerInput },
  now: string,
): { answer: AnswerView; totals: Totals } {
  return db.transaction(() => {
    const assessment = requireAssessment(db, req.assessmentId);
    if (isReadOnlyStatus(assessment.status)) throw new AppFailure('CONFLICT', 'Kỳ đánh giá đã khóa, không sửa được.');
    const set = loadCriteriaSet(db, assessment.setHash);
    const visit = requireLeaf(set, req.code);
    const result = evaluateLeaf(set, visit.node, req.answer);
    if (result.state === 'invalid') throw new AppFailure('OUT_OF_RANGE', result.error ?? 'Giá trị không hợp lệ.', { path: 'answer.input' });
    const old = getAnswer(db, req.assessmentId, req.code);
    const before = old ? { input: old.input, notApplicable: old.notApplicable, explanation: old.explanation } : null;
    const after = { input: req.answer.input, notApplicable: req.answer.notApplicable, explanation: req.answer.explanation };
    if (!sameJson(before, after)) recordChange(db, { assessmentId: req.assessmentId, kind: 'answer', action: 'save', code: req.code, before, after }, now);
    upsertAnswer(db, {
      assessmentId: req.assessmentId,
      code: req.code,
      input: req.answer.input,
      notApplicable: req.answer.notApplicable,
      explanation: req.answer.explanation,
      pointsMilli: result.pointsMilli,
      updatedAt: now,
    });
    touchAssessment(db, req.assessmentId, now);
    const rows = listAnswers(db, req.assessmentId);
    const row = rows.find((r) => r.code === req.code)!;
    return { answer: answerView(set, row), totals: totalsFor(db, req.assessmentId, set, rows) };
  })();
}
