/** The blob journal (migration 0004): files this database may have left under blobs/ without a row. */
import type Database from 'better-sqlite3';
import { prepared } from '../statements';

export interface JournalEntry {
  hash: string;
  notedAtMs: number;
}

/** Noted (or its time refreshed) in its own commit, before the file is published or reused. */
export function noteBlob(db: Database.Database, hash: string, atMs: number): void {
  prepared(db, 'INSERT INTO blob_journal (hash, noted_at_ms) VALUES (?, ?) ON CONFLICT (hash) DO UPDATE SET noted_at_ms = excluded.noted_at_ms').run(hash, atMs);
}

/** Refreshes the time of a blob already noted; a blob the journal does not hold stays out of it. */
export function refreshNotedBlob(db: Database.Database, hash: string, atMs: number): void {
  prepared(db, 'UPDATE blob_journal SET noted_at_ms = ? WHERE hash = ? AND noted_at_ms > 0').run(atMs, hash);
}

/** In the transaction that writes the blob's row, or once its file is known to be gone. */
export function forgetBlob(db: Database.Database, hash: string): void {
  prepared(db, 'DELETE FROM blob_journal WHERE hash = ?').run(hash);
}

export function journalEntries(db: Database.Database): JournalEntry[] {
  return (prepared(db, 'SELECT hash, noted_at_ms AS notedAtMs FROM blob_journal ORDER BY hash').all() as JournalEntry[]);
}

/** After a restore: the journal of another life of the data folder says nothing about this one. */
export function clearJournal(db: Database.Database): void {
  prepared(db, 'DELETE FROM blob_journal').run();
}
