/** buildReportModel: reads the assessment, its settings and evidence into a ReportModel. */
import type Database from 'better-sqlite3';
import type { AssessmentView } from '../../../shared/api/contract';
import type { AnswerInput } from '../../../shared/domain/answer';
import type { CriteriaSet } from '../../../shared/domain/criteria-set-schema';
import { walkSet, type NodeVisit } from '../../../shared/domain/criteria-tree';
import { toMilli } from '../../../shared/domain/points';
import { evaluateLeaf } from '../../../shared/domain/scoring';
import { buildAssessmentView } from '../../assessment/assessment-view';
import { reportSettingsFor } from '../report-settings';
import { reportAppraisal } from './build-appraisal';
import { evidenceForReport } from './evidence';
import type { ReportEvidence, ReportModel, ReportRow } from './model';

type AdjustmentPart = NonNullable<NonNullable<CriteriaSet['adjustments']>['bonus']>;

interface RowSources {
  view: AssessmentView;
  answers: Map<string, AnswerInput>;
  evidence: Map<string, ReportEvidence[]>;
  needsExplanation: Set<string>;
}

/** The calendar date of an ISO timestamp in the machine's time zone (the office's). */
export function localIsoDate(timestamp: string): string {
  const d = new Date(timestamp);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function leafRow(v: NodeVisit, depth: number, src: RowSources): ReportRow {
  const answer = src.answers.get(v.node.code);
  const result = evaluateLeaf(src.view.set, v.node, answer);
  return {
    code: v.node.code,
    title: v.node.title,
    depth,
    part: v.part,
    isLeaf: true,
    maxMilli: toMilli(v.node.maxPoints),
    pointsMilli: result.state === 'answered' ? result.pointsMilli : null,
    state: result.state,
    notApplicable: result.state === 'notApplicable',
    survey: result.state === 'survey',
    explanation: answer?.explanation.trim() ?? '',
    needsExplanation: src.needsExplanation.has(v.node.code),
    evidence: src.evidence.get(v.node.code) ?? [],
  };
}

function groupRow(code: string, title: string, depth: number, part: ReportRow['part'], src: RowSources): ReportRow {
  const total = src.view.totals.nodes[code];
  return {
    code,
    title,
    depth,
    part,
    isLeaf: false,
    maxMilli: total?.maxMilli ?? 0,
    pointsMilli: total?.pointsMilli ?? 0,
    state: null,
    notApplicable: total?.mark === 'notApplicable',
    survey: total?.mark === 'survey',
    explanation: '',
    needsExplanation: false,
    evidence: [],
  };
}

function visitRow(v: NodeVisit, depth: number, src: RowSources): ReportRow {
  return v.isLeaf ? leafRow(v, depth, src) : groupRow(v.node.code, v.node.title, depth, v.part, src);
}

/** The fields in tree order, then each adjustment part as a row of its own above its contents. */
export function reportRows(src: RowSources): ReportRow[] {
  const visits = [...walkSet(src.view.set)];
  const rows = visits.filter((v) => v.part === 'main').map((v) => visitRow(v, v.depth, src));
  const adj = src.view.set.adjustments;
  const parts: [AdjustmentPart | undefined, 'bonus' | 'penalty'][] = [[adj?.bonus, 'bonus'], [adj?.penalty, 'penalty']];
  for (const [part, kind] of parts) {
    if (!part) continue;
    rows.push(groupRow(part.code, part.title, 1, kind, src));
    for (const v of visits) if (v.part === kind) rows.push(visitRow(v, v.depth + 1, src));
  }
  return rows;
}

/** `withAppraisal`: the variant with the appraised scores beside the self scores (refused without an appraisal). */
export function buildReportModel(db: Database.Database, assessmentId: number, now: string, withAppraisal = false): ReportModel {
  const view = buildAssessmentView(db, assessmentId);
  const settings = reportSettingsFor(db, assessmentId);
  const answers = new Map<string, AnswerInput>(view.answers.map((a) => [a.code, { input: a.input, notApplicable: a.notApplicable, explanation: a.explanation }]));
  const src: RowSources = { view, answers, evidence: evidenceForReport(db, assessmentId), needsExplanation: new Set(view.totals.needsExplanationCodes) };
  const completeness = { unansweredCodes: view.totals.unansweredCodes, needsExplanationCodes: view.totals.needsExplanationCodes };
  const { set, agency } = view;
  return {
    agency: {
      superiorBody: agency.superiorBody,
      name: agency.name,
      ordinaryName: agency.ordinaryName,
      abbreviation: agency.abbreviation,
      placeName: agency.placeName,
      signerAuthority: agency.signerAuthority,
      signerTitle: agency.signerTitle,
      signerName: agency.signerName,
    },
    year: view.assessment.year,
    set: { id: set.id, title: set.title, status: set.status, issuer: set.issuer, legalBasis: set.legalBasis, rounding: set.rounding },
    totals: view.totals,
    rows: reportRows(src),
    settings,
    reportDate: settings.reportDate ?? localIsoDate(now),
    completeness,
    draft: completeness.unansweredCodes.length + completeness.needsExplanationCodes.length > 0,
    ...(withAppraisal ? { appraisal: reportAppraisal(db, assessmentId, set, answers) } : {}),
  };
}
