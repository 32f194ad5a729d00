/**
 * Exporting an installed criteria set as .xlsx under <dataDir>/exports/ (atomically), where the
 * exports download route serves it: bo-chi-so-mau-xa-phuong-2026-v1.xlsx (the year is added when the id lacks it).
 */
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { CriteriaSetFileExport } from '../../../shared/api/channels/criteria-sets';
import { AppFailure } from '../../../shared/api/result';
import { writeFileAtomic } from '../../export/atomic-write';
import { EXPORTS_FOLDER } from '../../export/export-report';
import { asciiSlug } from '../../export/report-file-name';
import { loadCriteriaSet } from '../set-cache';
import { getCriteriaSetSummary } from '../set-summary';
import { writeCriteriaSetXlsx } from './write-criteria-xlsx';

export async function exportCriteriaSetXlsxToDataDir(db: Database.Database, dataDir: string, hash: string): Promise<CriteriaSetFileExport> {
  const summary = getCriteriaSetSummary(db, hash);
  if (!summary) throw new AppFailure('NOT_FOUND', 'Không tìm thấy bộ chỉ số.');
  const bytes = await writeCriteriaSetXlsx(loadCriteriaSet(db, hash));
  const slug = asciiSlug(summary.id);
  const fileName = `bo-chi-so-${slug}${slug.endsWith(String(summary.year)) ? '' : `-${summary.year}`}-v${summary.version}.xlsx`;
  await writeFileAtomic(path.join(dataDir, EXPORTS_FOLDER, fileName), bytes);
  return { fileName, size: bytes.length, downloadPath: `${EXPORTS_FOLDER}/${fileName}` };
}
