/** 0004: the blob journal. A blob file this database publishes is noted here (committed) BEFORE
 *  its file gets its final name, and forgotten in the transaction that writes its row. So a file
 *  under blobs/ with no row is removed only when this database's own journal says it put it there:
 *  a new, empty, replaced or restored database never deletes evidence it did not create.
 *  RELEASED MIGRATIONS ARE NEVER EDITED. */
import type Database from 'better-sqlite3';
import type { Migration } from './types';

/** `noted_at_ms` is the system clock in milliseconds; 0 marks a file that garbage collection has
 *  already let go of (its row deleted) and that may be removed at once. */
const BLOB_JOURNAL = `
CREATE TABLE blob_journal (
  hash TEXT PRIMARY KEY CHECK (length(hash) = 64 AND hash NOT GLOB '*[^0-9a-f]*'),
  noted_at_ms INTEGER NOT NULL CHECK (noted_at_ms >= 0)
) STRICT`;

function up(db: Database.Database): void {
  db.exec(BLOB_JOURNAL);
}

const migration: Migration = { version: 4, name: 'blob-journal', up };
export default migration;
