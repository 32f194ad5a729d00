/** Exporting the response package of an assessment's appraisal: shared by the
 *  `appraisal:exportResponsePackage` channel (into <data>/exports/) and the tests/CLI (to a file).
 *  Written by the same streaming, atomic writer as the full package. */
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { ResponseExportInput, ResponsePackageExport } from '../../shared/api/channels/appraisal';
import { EXPORTS_FOLDER } from '../report/export-report';
import { buildResponseContent } from './response-content';
import { writePackage } from './write-package';

export async function exportResponsePackage(db: Database.Database, dataDir: string, input: ResponseExportInput, now: string, target: { file: string } | { dir: string }): Promise<ResponsePackageExport & { file: string }> {
  const content = await buildResponseContent(db, input, now);
  const file = 'file' in target ? target.file : path.join(target.dir, content.fileName);
  const written = await writePackage(file, dataDir, content);
  const fileName = path.basename(file);
  return {
    file,
    fileName,
    size: written.size,
    downloadPath: `${EXPORTS_FOLDER}/${fileName}`,
    round: content.manifest.round,
    requests: content.manifest.requests,
    evidenceFiles: content.evidence.length,
  };
}

export async function exportResponsePackageToDataDir(db: Database.Database, dataDir: string, input: ResponseExportInput, now: string): Promise<ResponsePackageExport> {
  const { file: _file, ...view } = await exportResponsePackage(db, dataDir, input, now, { dir: path.join(dataDir, EXPORTS_FOLDER) });
  return view;
}
