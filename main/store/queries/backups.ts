/** The `backups` table: one row per verified copy of the database under <data>/backups/.
 *  Plain functions over an explicit handle, no transactions in here. */
import type Database from 'better-sqlite3';
import { prepared } from '../statements';

export interface BackupRow {
  id: number;
  fileName: string;
  createdAt: string;
  size: number;
}

const COLUMNS = 'id, file_name AS fileName, created_at AS createdAt, size';

export function insertBackup(db: Database.Database, b: Omit<BackupRow, 'id'>): BackupRow {
  const info = prepared(db, 'INSERT INTO backups (file_name, created_at, size) VALUES (?, ?, ?)').run(b.fileName, b.createdAt, b.size);
  return { id: Number(info.lastInsertRowid), ...b };
}

/** Newest first. */
export function listBackups(db: Database.Database): BackupRow[] {
  return prepared(db, `SELECT ${COLUMNS} FROM backups ORDER BY created_at DESC, id DESC`).all() as BackupRow[];
}

export function latestBackup(db: Database.Database): BackupRow | undefined {
  return listBackups(db)[0];
}

export function backupNameTaken(db: Database.Database, fileName: string): boolean {
  return prepared(db, 'SELECT 1 FROM backups WHERE file_name = ?').get(fileName) !== undefined;
}

export function deleteBackupRow(db: Database.Database, id: number): boolean {
  return prepared(db, 'DELETE FROM backups WHERE id = ?').run(id).changes === 1;
}
