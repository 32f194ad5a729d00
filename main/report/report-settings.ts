/** The report settings of an assessment as the officer sees them: saved values, or the defaults
 *  drawn from the agency profile (symbol "BC-<abbr>", the usual recipients). */
import type Database from 'better-sqlite3';
import type { ReportSettingsInput } from '../../shared/api/channels/report';
import type { Agency } from '../../shared/api/entities';
import { defaultDocSymbol, defaultRecipients, normalizeRecipients, type ReportSettings } from '../../shared/api/report-entities';
import { AppFailure } from '../../shared/api/result';
import { requireAssessment } from '../assessment/assessment-view';
import { getAgency } from '../store/queries/agencies';
import { getReportSettings, upsertReportSettings } from '../store/queries/report-settings';
import { recordChange, sameJson } from '../history/record';

const nfc = (text: string): string => text.normalize('NFC');

function agencyOf(db: Database.Database, assessmentId: number): Agency {
  const agency = getAgency(db, requireAssessment(db, assessmentId).agencyId);
  if (!agency) throw new AppFailure('NOT_FOUND', 'Không tìm thấy cơ quan của kỳ đánh giá.');
  return agency;
}

/** What the history keeps of the saved settings (null before the first save). */
function settingsRecord(saved: ReturnType<typeof getReportSettings>) {
  if (!saved) return null;
  const { docNumber, docSymbol, reportDate, difficulties, recipients } = saved;
  return { docNumber, docSymbol, reportDate, difficulties, recipients };
}

/** Saved settings with the defaults filled in; throws NOT_FOUND for an unknown assessment. */
export function reportSettingsFor(db: Database.Database, assessmentId: number): ReportSettings {
  const agency = agencyOf(db, assessmentId);
  const saved = getReportSettings(db, assessmentId);
  if (!saved) {
    return { docNumber: '', docSymbol: defaultDocSymbol(agency), reportDate: null, difficulties: '', recipients: defaultRecipients(agency), updatedAt: null };
  }
  return {
    docNumber: saved.docNumber,
    docSymbol: saved.docSymbol || defaultDocSymbol(agency),
    reportDate: saved.reportDate,
    difficulties: saved.difficulties,
    recipients: normalizeRecipients(saved.recipients, agency),
    updatedAt: saved.updatedAt,
  };
}

/** Stores the settings (trimmed, NFC, recipients ending with "- Lưu: VT, …") and returns them as read back. */
export function saveReportSettings(db: Database.Database, assessmentId: number, input: ReportSettingsInput, now: string): ReportSettings {
  return db.transaction(() => {
    const agency = agencyOf(db, assessmentId);
    const before = settingsRecord(getReportSettings(db, assessmentId));
    upsertReportSettings(db, {
      assessmentId,
      docNumber: nfc(input.docNumber.trim()),
      docSymbol: nfc(input.docSymbol.trim()),
      reportDate: input.reportDate,
      difficulties: nfc(input.difficulties.trimEnd()),
      recipients: normalizeRecipients(input.recipients.map(nfc), agency),
      updatedAt: now,
    });
    const after = settingsRecord(getReportSettings(db, assessmentId));
    if (!sameJson(before, after)) recordChange(db, { assessmentId, kind: 'report', action: 'save', before, after }, now);
    return reportSettingsFor(db, assessmentId);
  })();
}
