/**
 * "Xem (chỉ đọc)": an old backup looked at without restoring it. The chosen file is checked like a
 * restore would check it, then read through a read-only connection with the app's own queries and
 * scoring, so the officer sees exactly the answers, points, explanations and documents it holds.
 * A backup from an older data version is first copied to a temporary file and brought up to date
 * there (the kept file itself is never written), then the copy is removed.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { openSqlite } from '../store/native-binding';
import type { BackupAssessmentDetail, BackupDocument, KeptBackupFolder } from '../../shared/api/channels/backups';
import { AppFailure } from '../../shared/api/result';
import { buildAssessmentView } from '../assessment/assessment-view';
import { LATEST_VERSION, userVersion } from '../store/migrations';
import { openDatabase } from '../store/open';
import { linkedDocumentsByCode } from '../store/queries/backup-documents';
import { inspectDatabaseFile } from './database-health';
import { keptFile } from './kept-list';

function read(db: Database.Database, fileName: string, assessmentId: number): BackupAssessmentDetail {
  const view = buildAssessmentView(db, assessmentId);
  const documents: Record<string, BackupDocument[]> = {};
  for (const row of linkedDocumentsByCode(db, assessmentId)) (documents[row.code] ??= []).push({ label: row.label, fileNames: row.fileNames });
  return { fileName, view, documents };
}

/** Opens `file` read-only, or a migrated temporary copy of it when it is older than this app. */
function withReadableCopy<T>(file: string, use: (db: Database.Database) => T): T {
  const db = openSqlite(file, { readonly: true, fileMustExist: true });
  try {
    if (userVersion(db) >= LATEST_VERSION) return use(db);
  } finally {
    db.close();
  }
  const temp = path.join(os.tmpdir(), `par-view-${crypto.randomBytes(8).toString('hex')}.sqlite`);
  try {
    fs.copyFileSync(file, temp);
    const migrated = openDatabase(temp);
    try {
      return use(migrated);
    } finally {
      migrated.close();
    }
  } finally {
    for (const f of [temp, `${temp}-wal`, `${temp}-shm`]) fs.rmSync(f, { force: true });
  }
}

export function viewBackupAssessment(dataDir: string, folder: KeptBackupFolder, fileName: string, assessmentId: number): BackupAssessmentDetail {
  const file = keptFile(dataDir, folder, fileName);
  const health = inspectDatabaseFile(file);
  if (!health.ok) throw new AppFailure('DATABASE_DAMAGED', `Không mở được "${fileName}" để xem: tệp không dùng được (${health.detail}).`);
  return withReadableCopy(file, (db) => read(db, fileName, assessmentId));
}
