/**
 * "Xuất toàn bộ dữ liệu" / `par backup`: one zip (par-data-archive/v1) with a checked copy of the
 * database (the online backup API, as every backup point) and every blob a file row of that copy
 * names, written by the package writer (streamed, each blob hashed once on the way and compared
 * with its name, temp file → fsync → rename). Runs in the folder's backup queue, so no backup,
 * restore or blob collection runs beside it and every blob the copy names is still there.
 * Blobs of already-compressed types (PDF, JPEG, DOCX…) are stored, others deflated.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { DataArchiveExport } from '../../shared/api/channels/data-archive';
import { backupsDir, writeVerifiedCopy } from '../evidence/backup';
import { shouldCompress, STREAM_CHUNK_BYTES } from '../package/format';
import type { EvidenceEntry } from '../package/package-content';
import { writePackage } from '../package/write-package';
import { EXPORTS_FOLDER } from '../report/export-report';
import { userVersion } from '../store/migrations';
import { openSqlite } from '../store/native-binding';
import { blobsNamedByFiles } from '../store/queries/evidence-files';
import { APP_VERSION } from '../version';
import { ARCHIVE_DATABASE_PATH, archiveBlobPath, DATA_ARCHIVE_FORMAT, type ArchiveManifest } from './archive-manifest';
import { oneAtATime } from './one-at-a-time';

export interface WrittenArchive {
  file: string;
  size: number;
  evidenceFiles: number;
  evidenceBytes: number;
}

/** 2026-01-05T08:00:07.123Z → par-toan-bo-du-lieu-20260105-080007.zip */
export function dataArchiveFileName(now: string): string {
  return `par-toan-bo-du-lieu-${now.replace(/\.\d+Z$|Z$/, '').replace(/[-:]/g, '').replace('T', '-')}.zip`;
}

async function sha256OfFile(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(file, { highWaterMark: STREAM_CHUNK_BYTES })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** What the copy holds: its schema version and the blobs its file rows name. */
function readCopy(file: string): { version: number; blobs: EvidenceEntry[] } {
  const copy = openSqlite(file, { readonly: true, fileMustExist: true });
  try {
    const blobs = blobsNamedByFiles(copy).map((b) => ({ path: archiveBlobPath(b.hash), hash: b.hash, size: b.size, displayName: b.name, compress: shouldCompress(b.name) }));
    return { version: userVersion(copy), blobs };
  } finally {
    copy.close();
  }
}

export function writeDataArchive(db: Database.Database, dataDir: string, now: string, target: string): Promise<WrittenArchive> {
  return oneAtATime(dataDir, async () => {
    const dir = backupsDir(dataDir);
    await fs.promises.mkdir(dir, { recursive: true });
    const { temp: copy } = await writeVerifiedCopy(db, dir);
    try {
      const { version, blobs } = readCopy(copy);
      const database: EvidenceEntry = { path: ARCHIVE_DATABASE_PATH, hash: await sha256OfFile(copy), size: (await fs.promises.stat(copy)).size, displayName: ARCHIVE_DATABASE_PATH, source: copy, compress: true };
      const manifest: Omit<ArchiveManifest, 'files'> = { format: DATA_ARCHIVE_FORMAT, createdAt: now, app: { name: 'par-self-assessment', version: APP_VERSION }, databaseVersion: version };
      const written = await writePackage(target, dataDir, { manifest, buffers: [], evidence: [database, ...blobs] });
      return { file: target, size: written.size, evidenceFiles: blobs.length, evidenceBytes: blobs.reduce((sum, b) => sum + b.size, 0) };
    } finally {
      await fs.promises.rm(copy, { force: true });
    }
  });
}

/** The channel's use: into <data>/exports/, downloadable from there (web) or saved elsewhere by the shell. */
export async function exportDataArchiveToDataDir(db: Database.Database, dataDir: string, now: string): Promise<DataArchiveExport> {
  const fileName = dataArchiveFileName(now);
  const a = await writeDataArchive(db, dataDir, now, path.join(dataDir, EXPORTS_FOLDER, fileName));
  return { fileName, size: a.size, downloadPath: `${EXPORTS_FOLDER}/${fileName}`, evidenceFiles: a.evidenceFiles, evidenceBytes: a.evidenceBytes };
}
