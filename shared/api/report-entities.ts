/** What the officer enters for the report of one assessment, and what an export returns. Pure:
 *  the default recipients and the closing "- Lưu: VT, …" line are decided here so the screen and
 *  the exported document agree. */
import { defaultAbbreviation } from '../format/agency-names';
import type { Agency } from './entities';

export interface ReportSettings {
  /** Number of the document; blank until the clerk (văn thư) numbers it: "Số: …/BC-SNV". */
  docNumber: string;
  /** Symbol after the slash, e.g. "BC-SNV". */
  docSymbol: string;
  /** YYYY-MM-DD, or null for "the day of the export". */
  reportDate: string | null;
  /** Part III: difficulties, obstacles and recommendations (may be empty). */
  difficulties: string;
  /** "Nơi nhận" lines; always ends with a "- Lưu: VT, …" line. */
  recipients: string[];
  /** When the officer last saved them; null while the defaults are shown. */
  updatedAt: string | null;
}

export interface ReportExport {
  fileName: string;
  size: number;
  /** True when the assessment is incomplete: the document carries the "DỰ THẢO" mark. */
  draft: boolean;
  /** Vietnamese lines saying what is incomplete (empty when complete). */
  missing: string[];
  /** Path segment the web bridge serves, e.g. `exports/bao-cao-….docx`. */
  downloadPath: string;
}

type AgencyNames = Pick<Agency, 'ordinaryName' | 'abbreviation' | 'level'>;

const FILED_COPY_RE = /^-?\s*Lưu\s*:/iu;

const abbreviationOf = (agency: AgencyNames): string => agency.abbreviation.trim() || defaultAbbreviation(agency.level);

/** The short name used in the document symbol and the filing line: the abbreviation (UBND for a
 *  commune that left it blank), else the ordinary name. */
export function agencyShortName(agency: AgencyNames): string {
  return abbreviationOf(agency) || agency.ordinaryName.trim();
}

export function defaultDocSymbol(agency: AgencyNames): string {
  const abbr = abbreviationOf(agency);
  return abbr ? `BC-${abbr}` : 'BC';
}

/** "Số: 12/BC-UBND", or "Số: …/BC-UBND" while the clerk has not numbered it: the line exactly as
 *  the report prints it (the screen shows the same). */
export function documentNumberLine(docNumber: string, docSymbol: string): string {
  return `Số: ${docNumber.trim() || '…'}/${docSymbol.trim() || '…'}`;
}

export function filedCopyLine(agency: AgencyNames): string {
  return `- Lưu: VT, ${agencyShortName(agency)}.`;
}

export function defaultRecipients(agency: AgencyNames): string[] {
  return ['- Sở Nội vụ (để báo cáo);', `- Lãnh đạo ${agencyShortName(agency)};`, filedCopyLine(agency)];
}

/** Trims the lines, drops blank ones, and makes sure the list ends with a "- Lưu: VT, …" line
 *  (an existing one anywhere is moved to the end; none means the default one is added). */
export function normalizeRecipients(lines: readonly string[], agency: AgencyNames): string[] {
  const kept = lines.map((l) => l.trim()).filter((l) => l !== '');
  const filed = kept.filter((l) => FILED_COPY_RE.test(l));
  const others = kept.filter((l) => !FILED_COPY_RE.test(l));
  return [...others, filed.at(-1) ?? filedCopyLine(agency)];
}
