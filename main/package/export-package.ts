/** Exporting the submission package of an assessment: shared by the `package:export` channel
 *  (into <data>/exports/) and `par export-package` (to a chosen file). */
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { PackageExport } from '../../shared/api/channels/package';
import { EXPORTS_FOLDER } from '../report/export-report';
import { buildPackageContent } from './package-content';
import { writePackage } from './write-package';

export interface ExportedPackage {
  file: string;
  fileName: string;
  size: number;
  reportDraft: boolean;
  evidenceFiles: number;
  evidenceBytes: number;
}

/** Writes the package to `target`, or to its default name in `targetDir` when `target` is a folder choice. */
export async function exportPackage(db: Database.Database, dataDir: string, assessmentId: number, now: string, target: { file: string } | { dir: string }): Promise<ExportedPackage> {
  const content = await buildPackageContent(db, assessmentId, now);
  const file = 'file' in target ? target.file : path.join(target.dir, content.fileName);
  const written = await writePackage(file, dataDir, content);
  return {
    file,
    fileName: path.basename(file),
    size: written.size,
    reportDraft: content.manifest.reportDraft,
    evidenceFiles: content.evidence.length,
    evidenceBytes: content.evidence.reduce((sum, e) => sum + e.size, 0),
  };
}

export async function exportPackageToDataDir(db: Database.Database, dataDir: string, assessmentId: number, now: string): Promise<PackageExport> {
  const p = await exportPackage(db, dataDir, assessmentId, now, { dir: path.join(dataDir, EXPORTS_FOLDER) });
  return {
    fileName: p.fileName,
    size: p.size,
    downloadPath: `${EXPORTS_FOLDER}/${p.fileName}`,
    reportDraft: p.reportDraft,
    evidenceFiles: p.evidenceFiles,
    evidenceBytes: p.evidenceBytes,
  };
}
