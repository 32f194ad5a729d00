/** Reading an assessment back: the exact set it was scored against, the answers, and totals
 *  recomputed from the inputs (totals are derived, never trusted from storage). */
import type Database from 'better-sqlite3';
import type { AnswerView, AssessmentView } from '../../shared/api/contract';
import { AppFailure } from '../../shared/api/result';
import type { AnswerInput } from '../../shared/domain/answer';
import type { CriteriaNode, CriteriaSet } from '../../shared/domain/criteria-set-schema';
import { findNode, walkSet } from '../../shared/domain/criteria-tree';
import { computeTotals, evaluateLeaf } from '../../shared/domain/scoring';
import type { Totals } from '../../shared/domain/scoring-types';
import { loadCriteriaSet } from '../criteria/set-cache';
import { getAgency } from '../store/queries/agencies';
import { listAnswers, type AnswerRow } from '../store/queries/answers';
import { getAssessment } from '../store/queries/assessments';
import { backingEvidenceCountsByCode } from '../store/queries/evidence';
import { getCriteriaSetSummary } from '../criteria/set-summary';

export function toAnswerInput(row: Pick<AnswerRow, 'input' | 'notApplicable' | 'explanation'>): AnswerInput {
  return { input: row.input, notApplicable: row.notApplicable, explanation: row.explanation };
}

/** `nodes`: the set's nodes by code when many answers are viewed at once (one walk of the tree, not one per answer). */
export function answerView(set: CriteriaSet, row: AnswerRow, nodes?: ReadonlyMap<string, CriteriaNode>): AnswerView {
  const leaf = nodes ? nodes.get(row.code) : findNode(set, row.code)?.node;
  const answer = toAnswerInput(row);
  const result = leaf ? evaluateLeaf(set, leaf, answer) : { state: 'invalid' as const, pointsMilli: null, error: 'Mã tiêu chí không có trong bộ chỉ số.' };
  return { code: row.code, ...answer, result, updatedAt: row.updatedAt };
}

/** Totals from the stored inputs and the evidence linked to each leaf (a leaf with evidence
 *  needs no explanation). */
export function totalsFor(db: Database.Database, assessmentId: number, set: CriteriaSet, rows: AnswerRow[]): Totals {
  const evidence = new Map([...backingEvidenceCountsByCode(db, assessmentId)].map(([code, n]) => [code, { evidenceCount: n }]));
  return computeTotals(set, new Map(rows.map((r) => [r.code, toAnswerInput(r)])), evidence);
}

export function currentTotals(db: Database.Database, assessmentId: number): Totals {
  const assessment = requireAssessment(db, assessmentId);
  return totalsFor(db, assessmentId, loadCriteriaSet(db, assessment.setHash), listAnswers(db, assessmentId));
}

export function requireAssessment(db: Database.Database, assessmentId: number) {
  const assessment = getAssessment(db, assessmentId);
  if (!assessment) throw new AppFailure('NOT_FOUND', 'Không tìm thấy kỳ đánh giá.');
  return assessment;
}

export function buildAssessmentView(db: Database.Database, assessmentId: number): AssessmentView {
  const assessment = requireAssessment(db, assessmentId);
  const agency = getAgency(db, assessment.agencyId);
  const setSummary = getCriteriaSetSummary(db, assessment.setHash);
  if (!agency || !setSummary) throw new AppFailure('NOT_FOUND', 'Dữ liệu kỳ đánh giá không đầy đủ.');
  const set = loadCriteriaSet(db, assessment.setHash);
  const rows = listAnswers(db, assessmentId);
  const nodes = new Map([...walkSet(set)].map((v) => [v.node.code, v.node]));
  return { assessment, agency, set, setSummary, answers: rows.map((r) => answerView(set, r, nodes)), totals: totalsFor(db, assessmentId, set, rows) };
}
