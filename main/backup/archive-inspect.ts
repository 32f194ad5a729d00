/**
 * "Khôi phục từ tệp", before anything is restored: the archive is verified in full (manifest,
 * SHA-256 and CRC-32 of every entry, paths that try to leave the folder refused; verify-archive.ts)
 * and the officer is shown what it holds: its date, the agencies and each assessment's year and
 * status, the number and size of the evidence files. The database entry is read from a temporary
 * copy in <data>/incoming/ (brought to this app's schema there, so an older archive reads too;
 * one from a newer app is refused) and the copy removed again.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { ArchiveAssessment } from '../../shared/api/channels/data-folder';
import { entryBytes } from '../package/entry-stream';
import { openCheckedZip } from '../package/zip-reader';
import { openDatabase } from '../store/open';
import { listAgencies } from '../store/queries/agencies';
import { listAssessments } from '../store/queries/assessments';
import { ARCHIVE_DATABASE_PATH, type ArchiveManifest } from './archive-manifest';
import { refuseUnlessOk, verifyDataArchive } from './verify-archive';

export interface ArchiveSummary {
  createdAt: string;
  appVersion: string;
  agencies: string[];
  assessments: ArchiveAssessment[];
  evidenceFiles: number;
  evidenceBytes: number;
}

async function extractDatabase(file: string, dest: string): Promise<void> {
  const opened = await openCheckedZip(file);
  try {
    const entry = opened.entries.find((e) => e.fileName === ARCHIVE_DATABASE_PATH)!;
    await pipeline(Readable.from(entryBytes(opened, entry)), fs.createWriteStream(dest, { flags: 'wx' }));
  } finally {
    opened.zip.close();
  }
}

function readContents(dbFile: string): Pick<ArchiveSummary, 'agencies' | 'assessments'> {
  const db = openDatabase(dbFile);
  try {
    const agencies = listAgencies(db);
    const assessments = agencies.flatMap((agency) => listAssessments(db, agency.id).map((a) => ({ agencyName: agency.name, year: a.year, status: a.status })));
    return { agencies: agencies.map((a) => a.name), assessments: assessments.sort((a, b) => b.year - a.year || a.agencyName.localeCompare(b.agencyName, 'vi')) };
  } finally {
    db.close();
  }
}

/** Verifies the archive (a refusal throws INVALID_INPUT in Vietnamese) and says what it holds. */
export async function inspectDataArchive(file: string, dataDir: string): Promise<ArchiveSummary> {
  const manifest: ArchiveManifest = refuseUnlessOk(await verifyDataArchive(file));
  const dir = path.join(dataDir, 'incoming');
  await fs.promises.mkdir(dir, { recursive: true });
  const temp = path.join(dir, `${crypto.randomBytes(8).toString('hex')}.sqlite`);
  try {
    await extractDatabase(file, temp);
    const contents = readContents(temp);
    const blobs = manifest.files.filter((f) => f.path !== ARCHIVE_DATABASE_PATH);
    return { createdAt: manifest.createdAt, appVersion: manifest.app.version, ...contents, evidenceFiles: blobs.length, evidenceBytes: blobs.reduce((sum, f) => sum + f.size, 0) };
  } finally {
    for (const f of [temp, `${temp}-wal`, `${temp}-shm`, `${temp}-journal`]) await fs.promises.rm(f, { force: true });
  }
}
