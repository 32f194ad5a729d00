/** "Sao lưu ngay": one backup at a time per database (a double click must not race two copies), and
 *  in turn with automatic backups, restores, archives and moves of the same folder (oneAtATime). */
import type Database from 'better-sqlite3';
import type { BackupInfo } from '../../shared/api/channels/evidence';
import { createBackup } from './backup';
import { oneAtATime } from '../backup/one-at-a-time';

const backupsInFlight = new WeakMap<object, Promise<BackupInfo>>();

export function backupOnce(db: Database.Database, dataDir: string, now: string): Promise<BackupInfo> {
  const running = backupsInFlight.get(db);
  if (running) return running;
  const next = oneAtATime(dataDir, () => createBackup(db, dataDir, now))
    .then((b) => ({ fileName: b.fileName, size: b.size, createdAt: b.createdAt, removedBlobs: b.garbage.blobs }))
    .finally(() => backupsInFlight.delete(db));
  backupsInFlight.set(db, next);
  return next;
}
