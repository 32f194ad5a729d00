/**
 * Exporting an installed criteria set under <dataDir>/exports/ (atomically), where the exports
 * download route serves it: as the .xlsx template (to read, print, edit and import again) or as
 * the .docx appendix table (to attach to the decision). Names like
 * bo-chi-so-mau-xa-phuong-2026-v1.xlsx (the year is added when the id lacks it).
 */
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { CriteriaSetFileExport, CriteriaSetFileFormat } from '../../shared/api/channels/criteria-sets';
import { AppFailure } from '../../shared/api/result';
import type { CriteriaSet } from '../../shared/domain/criteria-set-schema';
import { writeFileAtomic } from '../disk/atomic-write';
import { EXPORTS_FOLDER } from '../report/export-report';
import { asciiSlug } from '../report/report-file-name';
import { renderSetAppendixDocx } from './docx/set-appendix-docx';
import { loadCriteriaSet } from './set-cache';
import { getCriteriaSetSummary } from './set-summary';
import { writeCriteriaSetXlsx } from './xlsx/write-criteria-xlsx';

export function renderCriteriaSetFile(set: CriteriaSet, format: CriteriaSetFileFormat): Promise<Buffer> {
  return format === 'xlsx' ? writeCriteriaSetXlsx(set) : renderSetAppendixDocx(set);
}

export async function exportCriteriaSetToDataDir(db: Database.Database, dataDir: string, hash: string, format: CriteriaSetFileFormat): Promise<CriteriaSetFileExport> {
  const summary = getCriteriaSetSummary(db, hash);
  if (!summary) throw new AppFailure('NOT_FOUND', 'Không tìm thấy bộ chỉ số.');
  const bytes = await renderCriteriaSetFile(loadCriteriaSet(db, hash), format);
  const slug = asciiSlug(summary.id);
  const base = `${format === 'docx' ? 'phu-luc-' : ''}bo-chi-so-${slug}${slug.endsWith(String(summary.year)) ? '' : `-${summary.year}`}-v${summary.version}`;
  const fileName = `${base}.${format}`;
  await writeFileAtomic(path.join(dataDir, EXPORTS_FOLDER, fileName), bytes);
  return { fileName, size: bytes.length, downloadPath: `${EXPORTS_FOLDER}/${fileName}` };
}
