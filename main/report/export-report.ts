/** Exporting the report of an assessment: shared by the `report:export` channel and the CLI. */
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { ReportExport } from '../../shared/api/report-entities';
import { AppFailure } from '../../shared/api/result';
import { writeFileAtomic } from '../disk/atomic-write';
import { buildReportModel } from './docx/build-model';
import { missingLines } from '../assessment/missing-lines';
import { renderReportDocx } from './docx/render';
import { convertDocxToPdf, requireSoffice } from './libreoffice';
import { reportFileName, type ReportFormat } from './report-file-name';

export const EXPORTS_FOLDER = 'exports';

export interface ReportRequest {
  assessmentId: number;
  /** A final export is refused while the assessment is incomplete. */
  final: boolean;
  format: ReportFormat;
  /** The final report of the year with the appraised scores beside the self scores. */
  withAppraisal?: boolean;
}

export interface ProducedReport {
  fileName: string;
  bytes: Buffer;
  draft: boolean;
  missing: string[];
}

export function finalRefusedMessage(missing: string[]): string {
  return `Chưa xuất được bản chính thức vì kỳ đánh giá chưa hoàn chỉnh. ${missing.join(' ')} Hãy hoàn thành rồi xuất lại, hoặc xuất bản dự thảo.`;
}

/** Builds the report in memory (the model is read in one transaction, so it is consistent). */
export async function produceReport(db: Database.Database, req: ReportRequest, now: string): Promise<ProducedReport> {
  const soffice = req.format === 'pdf' ? requireSoffice() : null;
  const model = db.transaction(() => buildReportModel(db, req.assessmentId, now, req.withAppraisal === true))();
  const missing = missingLines(model.completeness);
  if (req.final && missing.length > 0) throw new AppFailure('CONFLICT', finalRefusedMessage(missing));
  const docx = await renderReportDocx(model);
  const bytes = soffice ? await convertDocxToPdf(docx, soffice) : docx;
  const fileName = reportFileName({ year: model.year, agencyAbbreviation: model.agency.abbreviation, agencyName: model.agency.name, draft: model.draft, format: req.format, withAppraisal: req.withAppraisal === true });
  return { fileName, bytes, draft: model.draft, missing };
}

/** Writes the report under <dataDir>/exports/ (atomically) and says where the web bridge serves it. */
export async function exportReportToDataDir(db: Database.Database, dataDir: string, req: ReportRequest, now: string): Promise<ReportExport> {
  const report = await produceReport(db, req, now);
  await writeFileAtomic(path.join(dataDir, EXPORTS_FOLDER, report.fileName), report.bytes);
  return {
    fileName: report.fileName,
    size: report.bytes.length,
    draft: report.draft,
    missing: report.missing,
    downloadPath: `${EXPORTS_FOLDER}/${report.fileName}`,
  };
}
