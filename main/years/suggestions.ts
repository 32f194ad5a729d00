/**
 * Last year's explanations and evidence links offered to next year's leaves. Accepting one writes
 * it through the normal paths (saveAnswer for an explanation, linkToCriterion for a document), so
 * it is checked and recorded in the history exactly like the officer's own change; dismissing it
 * only closes the offer. Each decision is ONE transaction.
 */
import type Database from 'better-sqlite3';
import type { SuggestionView } from '../../shared/api/channels/years';
import { isReadOnlyStatus } from '../../shared/api/entities';
import { AppFailure } from '../../shared/api/result';
import { findNode } from '../../shared/domain/criteria-tree';
import { requireAssessment } from '../assessment/assessment-view';
import { saveAnswer } from '../assessment/save-answer';
import { loadCriteriaSet } from '../criteria/set-cache';
import { linkToCriterion } from '../evidence/item-changes';
import { getAnswer } from '../store/queries/answers';
import { getAssessment } from '../store/queries/assessments';
import { getItem } from '../store/queries/evidence';
import { decideSuggestion, getSuggestion, listOpenSuggestions, originOf } from '../store/queries/next-year';

const MAX_EXPLANATION = 20_000;

export function listSuggestions(db: Database.Database, assessmentId: number): { suggestions: SuggestionView[] } {
  return db.transaction(() => {
    const assessment = requireAssessment(db, assessmentId);
    const set = loadCriteriaSet(db, assessment.setHash);
    const origin = originOf(db, assessmentId);
    const sourceYear = origin === undefined ? assessment.year - 1 : (getAssessment(db, origin)?.year ?? assessment.year - 1);
    const suggestions = listOpenSuggestions(db, assessmentId).map((s): SuggestionView => {
      const item = s.itemId === null ? undefined : getItem(db, s.itemId);
      return {
        id: s.id,
        code: s.code,
        title: findNode(set, s.code)?.node.title ?? '',
        sourceCode: s.sourceCode,
        sourceYear,
        kind: s.kind,
        explanation: s.explanation,
        item: item ? { id: item.id, docNumber: item.docNumber, summary: item.summary, issuedOn: item.issuedOn } : null,
      };
    });
    return { suggestions };
  })();
}

export function decideOneSuggestion(db: Database.Database, req: { assessmentId: number; suggestionId: number; accept: boolean }, now: string): { suggestions: SuggestionView[] } {
  db.transaction(() => {
    const assessment = requireAssessment(db, req.assessmentId);
    if (isReadOnlyStatus(assessment.status)) throw new AppFailure('CONFLICT', 'Kỳ đánh giá đã khóa, không sửa được.');
    const suggestion = getSuggestion(db, req.suggestionId);
    if (!suggestion || suggestion.assessmentId !== req.assessmentId) throw new AppFailure('NOT_FOUND', 'Không tìm thấy gợi ý.');
    if (!decideSuggestion(db, suggestion.id, req.accept ? 'accepted' : 'dismissed', now)) throw new AppFailure('CONFLICT', 'Gợi ý này đã được xử lý.');
    if (!req.accept) return;
    if (suggestion.kind === 'link') {
      linkToCriterion(db, { assessmentId: req.assessmentId, code: suggestion.code, itemId: suggestion.itemId! }, now);
      return;
    }
    const old = getAnswer(db, req.assessmentId, suggestion.code);
    const current = old?.explanation.trim() ?? '';
    const suggested = suggestion.explanation!;
    if (current.includes(suggested.trim())) return; // already there: nothing to write
    const explanation = current === '' ? suggested : `${current}\n${suggested}`;
    if (explanation.length > MAX_EXPLANATION) throw new AppFailure('OUT_OF_RANGE', 'Giải trình sẽ vượt 20.000 ký tự; hãy rút gọn giải trình hiện có trước.');
    saveAnswer(db, { assessmentId: req.assessmentId, code: suggestion.code, answer: { input: old?.input ?? null, notApplicable: old?.notApplicable ?? false, explanation } }, now);
  })();
  return listSuggestions(db, req.assessmentId);
}
