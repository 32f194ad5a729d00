/** The `report_settings` table: what the officer enters for the report of one assessment.
 *  No transactions in here. */
import type Database from 'better-sqlite3';
import { prepared } from '../statements';

export interface ReportSettingsRow {
  assessmentId: number;
  docNumber: string;
  docSymbol: string;
  reportDate: string | null;
  difficulties: string;
  recipients: string[];
  updatedAt: string;
}

interface ReportSettingsRecord {
  assessment_id: number;
  doc_number: string;
  doc_symbol: string;
  report_date: string | null;
  difficulties: string;
  recipients_json: string;
  updated_at: string;
}

const COLUMNS = 'assessment_id, doc_number, doc_symbol, report_date, difficulties, recipients_json, updated_at';

/** The stored list must be an array of strings: a damaged row fails loudly. */
function parseRecipients(r: ReportSettingsRecord): string[] {
  const value: unknown = JSON.parse(r.recipients_json);
  if (!Array.isArray(value) || !value.every((line) => typeof line === 'string')) {
    throw new Error(`report_settings row ${r.assessment_id} holds recipients that are not a list of strings`);
  }
  return value;
}

function toRow(r: ReportSettingsRecord): ReportSettingsRow {
  return {
    assessmentId: r.assessment_id,
    docNumber: r.doc_number,
    docSymbol: r.doc_symbol,
    reportDate: r.report_date,
    difficulties: r.difficulties,
    recipients: parseRecipients(r),
    updatedAt: r.updated_at,
  };
}

export function getReportSettings(db: Database.Database, assessmentId: number): ReportSettingsRow | undefined {
  const row = prepared(db, `SELECT ${COLUMNS} FROM report_settings WHERE assessment_id = ?`).get(assessmentId) as ReportSettingsRecord | undefined;
  return row && toRow(row);
}

/** Insert or replace the settings of one assessment (SQLITE_CONSTRAINT_FOREIGNKEY for an unknown one). */
export function upsertReportSettings(db: Database.Database, s: ReportSettingsRow): void {
  prepared(
    db,
    `INSERT INTO report_settings (${COLUMNS})
     VALUES (@assessmentId, @docNumber, @docSymbol, @reportDate, @difficulties, @recipientsJson, @updatedAt)
     ON CONFLICT (assessment_id) DO UPDATE SET
       doc_number = excluded.doc_number, doc_symbol = excluded.doc_symbol,
       report_date = excluded.report_date, difficulties = excluded.difficulties,
       recipients_json = excluded.recipients_json, updated_at = excluded.updated_at`,
  ).run({
    assessmentId: s.assessmentId,
    docNumber: s.docNumber,
    docSymbol: s.docSymbol,
    reportDate: s.reportDate,
    difficulties: s.difficulties,
    recipientsJson: JSON.stringify(s.recipients),
    updatedAt: s.updatedAt,
  });
}
