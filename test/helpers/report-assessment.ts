/** An assessment of the department sample set, complete or not, for the report tests. */
import { loadCriteriaSet } from '../../main/criteria/set-cache';
import type { CriteriaSet } from '../../shared/domain/criteria-set-schema';
import { fullAnswers } from './answer-generator';
import { type Harness } from './app-harness';
import { agencyDraft } from './agency-fixture';

export const COMPLETE_EXPLANATION = 'Tài liệu kiểm chứng lưu tại Văn phòng Sở, sẽ đính kèm khi nộp.';

export interface ReportAssessment {
  assessmentId: number;
  agencyId: number;
  set: CriteriaSet;
}

/**
 * `complete`: every self-scored leaf answered, each with an explanation (there is no evidence
 * yet), so nothing is missing. Otherwise the last `leaveOut` leaves stay unanswered and the
 * explanations are blank, so scored leaves need one.
 */
/** The test agency with a 2026 assessment on the department sample set, nothing answered yet. */
export async function newDepartmentAssessment(h: Harness): Promise<ReportAssessment> {
  const agency = await h.call('agencies:create', agencyDraft());
  const { sets } = await h.call('criteriaSets:list', {});
  const sample = sets.find((s) => s.level === 'department' && s.status === 'sample');
  if (!sample) throw new Error('the department sample set is not installed');
  const a = await h.call('assessments:create', { agencyId: agency.id, year: 2026, setHash: sample.hash });
  return { assessmentId: a.id, agencyId: agency.id, set: loadCriteriaSet(h.ctx.db, sample.hash) };
}

export async function departmentAssessment(h: Harness, opts: { complete: boolean; leaveOut?: number; seed?: number }): Promise<ReportAssessment> {
  const { assessmentId, agencyId, set } = await newDepartmentAssessment(h);
  const a = { id: assessmentId };
  const answers = [...fullAnswers(set, opts.seed ?? 1)];
  const kept = opts.complete ? answers : answers.slice(0, answers.length - (opts.leaveOut ?? 12));
  for (const [code, answer] of kept) {
    const explanation = opts.complete ? answer.explanation || COMPLETE_EXPLANATION : '';
    await h.call('answers:save', { assessmentId: a.id, code, answer: { ...answer, explanation } });
  }
  return { assessmentId, agencyId, set };
}
