/**
 * Garbage collection of evidence blobs.
 *
 * WHY ONLY AFTER A BACKUP: a blob whose last file row goes is not deleted at once; the trigger
 * stamps `blobs.unreferenced_since`, and a blob is removed from disk only when it has been unused
 * since BEFORE the start of a backup point that completed afterwards. That backup (and every newer
 * one) was taken while nothing referenced the blob, so restoring the newest backup never points to
 * a missing file. Older backups may; they are kept only as a last resort (README).
 *
 * Order within a collection: delete the rows in one transaction, then unlink the files in the same
 * synchronous step. A crash between the two leaves a file without a row, which the orphan sweep
 * removes later: files under blobs/ with no row and older than an hour (the hour protects a blob
 * an import has just published and is about to record).
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { blobsDir, cleanTempFolder, isBlobHash, removeBlobFile } from './blob-store';
import { blobRowExists, collectableBlobs, deleteBlobRow } from '../store/queries/evidence-files';

export const ORPHAN_MIN_AGE_MS = 60 * 60 * 1000;

export interface GarbageReport {
  /** Unused blobs removed (rows and files). */
  blobs: number;
  /** Files under blobs/ that had no row (left by a crash), removed. */
  orphans: number;
}

/** Rows first (one transaction), then their files, with no await in between. */
function collectUnreferenced(db: Database.Database, dataDir: string, lastBackupAt: string): number {
  const hashes = db.transaction(() => collectableBlobs(db, lastBackupAt).filter((hash) => deleteBlobRow(db, hash)))();
  for (const hash of hashes) {
    try {
      removeBlobFile(dataDir, hash);
    } catch (err) {
      // e.g. antivirus holding the file on Windows: the row is gone, so the orphan sweep removes it later.
      console.error(`[gc] could not remove blob ${hash}:`, err);
    }
  }
  return hashes.length;
}

async function listShardFiles(dataDir: string): Promise<string[]> {
  const shards = await fs.promises.readdir(blobsDir(dataDir)).catch(() => [] as string[]);
  const files: string[][] = await Promise.all(
    shards.map((shard) => fs.promises.readdir(path.join(blobsDir(dataDir), shard)).catch(() => [] as string[])),
  );
  return files.flat();
}

/** Each file is checked and removed synchronously, so no import can record it halfway through. */
function removeIfOrphan(db: Database.Database, dataDir: string, name: string, olderThanMs: number): boolean {
  if (!isBlobHash(name) || blobRowExists(db, name)) return false;
  let mtimeMs: number;
  try {
    mtimeMs = fs.statSync(path.join(blobsDir(dataDir), name.slice(0, 2), name)).mtimeMs;
  } catch {
    return false;
  }
  return mtimeMs < olderThanMs && removeBlobFile(dataDir, name);
}

export async function sweepOrphanBlobs(db: Database.Database, dataDir: string, nowMs = Date.now()): Promise<number> {
  const names = await listShardFiles(dataDir);
  return names.filter((name) => removeIfOrphan(db, dataDir, name, nowMs - ORPHAN_MIN_AGE_MS)).length;
}

/**
 * Removes blobs unused since before `lastBackupAt`, which must be on the triggers' clock (SQLite's
 * UTC 'now', i.e. the system clock): createBackup passes the moment its backup started.
 */
export async function collectGarbage(db: Database.Database, dataDir: string, lastBackupAt: string): Promise<GarbageReport> {
  const blobs = collectUnreferenced(db, dataDir, lastBackupAt);
  const orphans = await sweepOrphanBlobs(db, dataDir);
  return { blobs, orphans };
}

/** At startup, before any import: partial temp files from a crash, and orphan blobs. */
export async function cleanEvidenceAtStartup(db: Database.Database, dataDir: string): Promise<{ tempFiles: number; orphans: number }> {
  const tempFiles = await cleanTempFolder(dataDir);
  const orphans = await sweepOrphanBlobs(db, dataDir);
  return { tempFiles, orphans };
}
