/** "Kết quả thẩm định": the council's result per criterion beside the self score, the answers to
 *  its requests, and both totals. Derived on every read from the stored rounds and answers. */
import type Database from 'better-sqlite3';
import type { AppraisalCriterionView, AppraisalRoundView, AppraisalTotalsView, AppraisalView, ResponseDocumentView } from '../../shared/api/channels/appraisal';
import { computeAppraisedTotals, type AppraisedTotals } from '../../shared/domain/appraisal/appraised-totals';
import { leavesOf } from '../../shared/domain/criteria-tree';
import { fromMilli } from '../../shared/domain/points';
import type { Totals } from '../../shared/domain/scoring-types';
import { requireAssessment, toAnswerInput, totalsFor } from '../assessment/assessment-view';
import { loadCriteriaSet } from '../criteria/set-cache';
import { listPoints, listResponseDocuments, listResponses, listRounds, type PointRow } from '../store/queries/appraisal';
import { listAnswers } from '../store/queries/answers';
import { getItem } from '../store/queries/evidence';
import { roundsWithRequests } from './request-rounds';

const points = (milli: number | null): number | null => (milli === null ? null : fromMilli(milli));

function selfTotals(t: Totals): AppraisalTotalsView {
  return { points: fromMilli(t.pointsMilli), bonus: fromMilli(t.bonusMilli), penalty: fromMilli(t.penaltyMilli), total: fromMilli(t.totalMilli), applicableMax: fromMilli(t.applicableMaxMilli), percent: t.percent, className: t.className };
}

function appraisedTotals(t: AppraisedTotals): AppraisalTotalsView {
  return { points: fromMilli(t.pointsMilli), bonus: fromMilli(t.bonusMilli), penalty: fromMilli(t.penaltyMilli), total: fromMilli(t.totalMilli), applicableMax: fromMilli(t.applicableMaxMilli), percent: t.percent, className: t.className };
}

function roundView(r: ReturnType<typeof listRounds>[number]): AppraisalRoundView {
  const stated = r.statedTotalsJson ? (JSON.parse(r.statedTotalsJson) as { total: number; percent: number }) : null;
  return { round: r.round, fileName: r.fileName, appraisedOn: r.appraisedOn, council: r.council, importedAt: r.importedAt, statedTotal: stated?.total ?? null, statedPercent: stated?.percent ?? null };
}

/** The newest round's entry per code (rounds come oldest first). */
function newestEntries(rows: readonly PointRow[]): Map<string, PointRow> {
  const m = new Map<string, PointRow>();
  for (const r of rows) m.set(r.code, r);
  return m;
}

/** The appraised points per code: the newest round that gave points wins. */
export function councilPoints(rows: readonly PointRow[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of rows) if (r.pointsMilli !== null) m.set(r.code, r.pointsMilli);
  return m;
}

function documentsOf(db: Database.Database, assessmentId: number): Map<number, ResponseDocumentView[]> {
  const byResponse = new Map<number, ResponseDocumentView[]>();
  for (const d of listResponseDocuments(db, assessmentId)) {
    const item = getItem(db, d.itemId);
    if (!item) continue;
    const list = byResponse.get(d.responseId) ?? [];
    list.push({ itemId: item.id, docNumber: item.docNumber, issuedOn: item.issuedOn, summary: item.summary, fileNames: item.files.map((f) => f.displayName), added: d.added === 1 });
    byResponse.set(d.responseId, list);
  }
  return byResponse;
}

/** The appraisal as the screen shows it. With `round`, each criterion shows that round's entry
 *  (request, comment, answer) instead of the newest one: the response report of that round. */
export function buildAppraisalView(db: Database.Database, assessmentId: number, opts: { round?: number } = {}): AppraisalView {
  const assessment = requireAssessment(db, assessmentId);
  const set = loadCriteriaSet(db, assessment.setHash);
  const answerRows = listAnswers(db, assessmentId);
  const self = totalsFor(db, assessmentId, set, answerRows);
  const rows = listPoints(db, assessmentId);
  const appraised = computeAppraisedTotals(set, new Map(answerRows.map((r) => [r.code, toAnswerInput(r)])), councilPoints(rows));
  const rounds = listRounds(db, assessmentId);
  const newest = newestEntries(opts.round === undefined ? rows : rows.filter((r) => r.round === opts.round));
  const responses = new Map(listResponses(db, assessmentId).map((r) => [`${r.round}|${r.code}`, r]));
  const docs = documentsOf(db, assessmentId);
  const criteria: AppraisalCriterionView[] = rounds.length === 0 ? [] : leavesOf(set).map(({ node }) => {
    const leaf = appraised.leaves[node.code]!;
    const entry = newest.get(node.code);
    const response = entry ? responses.get(`${entry.round}|${node.code}`) : undefined;
    const documents = response ? (docs.get(response.id) ?? []) : [];
    const explanation = response?.explanation ?? '';
    const request = entry?.request ?? 'none';
    const open = request === 'explain' ? explanation.trim() === '' : request === 'add-evidence' ? documents.length === 0 : false;
    const difference = leaf.selfMilli !== null && leaf.appraisedMilli !== null ? fromMilli(leaf.appraisedMilli - leaf.selfMilli) : null;
    return {
      code: node.code,
      title: node.title,
      maxPoints: node.maxPoints,
      selfPoints: points(leaf.selfMilli),
      appraisedPoints: points(leaf.appraisedMilli),
      difference,
      fromCouncil: leaf.fromCouncil,
      survey: leaf.survey,
      round: entry?.round ?? null,
      comment: entry?.comment ?? '',
      request,
      deadline: entry?.deadline ?? null,
      explanation,
      documents,
      open,
    };
  });
  const withRequest = criteria.filter((c) => c.request !== 'none');
  return {
    assessmentId,
    status: assessment.status,
    rounds: rounds.map(roundView),
    criteria,
    self: selfTotals(self),
    appraised: appraisedTotals(appraised),
    surveyMissing: appraised.surveyMissing,
    requestCount: withRequest.length,
    requestRounds: roundsWithRequests(rows),
    openRequests: withRequest.filter((c) => c.open).length,
    canRespond: rounds.length > 0 && (assessment.status === 'submitted' || assessment.status === 'appraised'),
  };
}
