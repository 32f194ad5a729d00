/** The report as plain data: everything the .docx needs, read once from the store. The renderer
 *  (render.ts) turns it into a document without touching the database. */
import type { Completeness } from '../../assessment/missing-lines';
import type { Agency } from '../../../shared/api/entities';
import type { ReportSettings } from '../../../shared/api/report-entities';
import type { CriteriaSet } from '../../../shared/domain/criteria-set-schema';
import type { AppraisedTotals } from '../../../shared/domain/appraisal/appraised-totals';
import type { LeafState, Totals } from '../../../shared/domain/scoring-types';

export interface ReportEvidenceFile {
  name: string;
  size: number;
  /** Full SHA-256 (hex); the report prints the first 12 digits. */
  sha256: string;
}

export interface ReportEvidence {
  /** Number and symbol of the document, e.g. "12/KH-SNV" (may be empty). */
  docNumber: string;
  /** YYYY-MM-DD or null. */
  issuedOn: string | null;
  summary: string;
  files: ReportEvidenceFile[];
}

export type ReportPart = 'main' | 'bonus' | 'penalty';

export interface ReportRow {
  code: string;
  title: string;
  /** 1 for a field (or the bonus / penalty part), 2 for a criterion, 3 for a sub-criterion. */
  depth: number;
  part: ReportPart;
  isLeaf: boolean;
  maxMilli: number;
  /** Leaves: the points, null when not scored. Groups: the sum of the scored leaves below. */
  pointsMilli: number | null;
  /** Leaves only (null for groups). */
  state: LeafState | null;
  notApplicable: boolean;
  /** A leaf scored by the sociological survey, or a group whose leaves all are. */
  survey: boolean;
  explanation: string;
  needsExplanation: boolean;
  evidence: ReportEvidence[];
}

export type ReportCompleteness = Completeness;

export interface ReportModel {
  agency: Pick<Agency, 'superiorBody' | 'name' | 'ordinaryName' | 'abbreviation' | 'placeName' | 'signerAuthority' | 'signerTitle' | 'signerName'>;
  year: number;
  set: Pick<CriteriaSet, 'id' | 'title' | 'status' | 'issuer' | 'legalBasis' | 'rounding'>;
  totals: Totals;
  /** Every node in document order: the fields, then the bonus part and the penalty part. */
  rows: ReportRow[];
  settings: ReportSettings;
  /** The date printed in the document: the saved report date, else the day of the export. */
  reportDate: string;
  completeness: ReportCompleteness;
  /** True when something is missing: the document is marked "DỰ THẢO". */
  draft: boolean;
  /** Only in the variant with the appraised scores side by side. */
  appraisal?: ReportAppraisal;
}

/** The council's result beside the self scores, for the variant "tự đánh giá và thẩm định". */
export interface ReportAppraisal {
  /** The newest round imported. */
  round: number;
  /** Appraised points per code (leaves and groups); null where there are none (N/A, survey without points). */
  rowMilli: Record<string, number | null>;
  totals: AppraisedTotals;
}
