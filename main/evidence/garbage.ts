/**
 * Garbage collection of evidence blobs.
 *
 * WHY ONLY AFTER A BACKUP: a blob whose last file row goes is not deleted at once; the trigger
 * stamps `blobs.unreferenced_since`, and a blob is removed from disk only when it has been unused
 * since BEFORE the start of a backup point that completed afterwards, AND no kept backup (nor a
 * database moved aside at start-up) names it (kept-databases.ts). So restoring any kept backup
 * never points to a missing file.
 *
 * WHAT THE SWEEP MAY TOUCH: only files this database itself noted in its blob journal (migration
 * 0004): a blob is noted before its file is published and forgotten when its row commits, so a
 * journal entry without a row is exactly a file a crash left between the two. A new, empty,
 * replaced or restored database has no such entries for the files already there, so it never
 * deletes evidence it did not create (a missing par.sqlite once cost every blob here).
 *
 * Order within a collection: delete the rows and note the blobs in the journal as let go (time 0)
 * in one transaction, then unlink the files in the same synchronous step, then forget them. A crash
 * in between leaves journal entries whose files the next sweep removes.
 */
import type Database from 'better-sqlite3';
import { cleanTempFolder, removeBlobFile } from './blob-store';
import { hashesHeldByKeptDatabases } from './kept-databases';
import { forgetBlob, journalEntries, noteBlob } from '../store/queries/blob-journal';
import { blobRowExists, collectableBlobs, deleteBlobRow } from '../store/queries/evidence-files';

/** How long a journaled file without a row is left alone: an import may be about to record it. */
export const ORPHAN_MIN_AGE_MS = 60 * 60 * 1000;

export interface GarbageReport {
  /** Unused blobs removed (rows and files). */
  blobs: number;
  /** Journaled files that had no row (left by a crash), removed. */
  orphans: number;
}

/** Removes the file and forgets it; a file that cannot be removed (antivirus on Windows) stays noted for the next sweep. */
function removeNoted(db: Database.Database, dataDir: string, hash: string): boolean {
  try {
    const removed = removeBlobFile(dataDir, hash);
    forgetBlob(db, hash);
    return removed;
  } catch (err) {
    console.error(`[gc] could not remove blob ${hash}:`, err);
    return false;
  }
}

/** Rows first (one transaction, noting each blob as let go), then their files, with no await in between. */
function collectUnreferenced(db: Database.Database, dataDir: string, lastBackupAt: string): number {
  // Reading what the kept databases hold costs time; most collections find nothing to remove.
  if (collectableBlobs(db, lastBackupAt).length === 0) return 0;
  const held = hashesHeldByKeptDatabases(dataDir);
  const hashes = db.transaction(() =>
    collectableBlobs(db, lastBackupAt)
      .filter((hash) => !held.has(hash) && deleteBlobRow(db, hash))
      .map((hash) => (noteBlob(db, hash, 0), hash)),
  )();
  for (const hash of hashes) removeNoted(db, dataDir, hash);
  return hashes.length;
}

/**
 * Journaled files with no row: removed once their note is an hour old (or let go by a collection),
 * unless a kept database names them. Each is checked and removed synchronously, so no import can
 * record it halfway through. Entries whose row exists are simply forgotten.
 */
export function sweepJournaledBlobs(db: Database.Database, dataDir: string, nowMs = Date.now()): number {
  const entries = journalEntries(db);
  if (entries.length === 0) return 0;
  const held = hashesHeldByKeptDatabases(dataDir);
  let removed = 0;
  for (const { hash, notedAtMs } of entries) {
    if (blobRowExists(db, hash)) forgetBlob(db, hash);
    else if (held.has(hash)) forgetBlob(db, hash);
    else if (notedAtMs <= nowMs - ORPHAN_MIN_AGE_MS && removeNoted(db, dataDir, hash)) removed++;
  }
  return removed;
}

/**
 * Removes blobs unused since before `lastBackupAt`, which must be on the triggers' clock (SQLite's
 * UTC 'now', i.e. the system clock): createBackup passes the moment its backup started.
 */
export async function collectGarbage(db: Database.Database, dataDir: string, lastBackupAt: string): Promise<GarbageReport> {
  const blobs = collectUnreferenced(db, dataDir, lastBackupAt);
  const orphans = sweepJournaledBlobs(db, dataDir);
  return { blobs, orphans };
}

/** At startup, before any import: partial temp files from a crash, and journaled orphans. */
export async function cleanEvidenceAtStartup(db: Database.Database, dataDir: string): Promise<{ tempFiles: number; orphans: number }> {
  const tempFiles = await cleanTempFolder(dataDir);
  const orphans = sweepJournaledBlobs(db, dataDir);
  return { tempFiles, orphans };
}
