/** The `blobs` and `evidence_files` tables: plain functions over an explicit handle, no
 *  transactions in here. A blob row is written only after its file is durable on disk
 *  (main/evidence/blob-store.ts); triggers keep `blobs.unreferenced_since` up to date. */
import type Database from 'better-sqlite3';
import type { EvidenceFile } from '../../../shared/api/evidence-entities';
import { previewableOf } from '../../../shared/files/file-types';
import { prepared } from '../statements';

export interface FileRecord {
  id: number;
  item_id: number;
  blob_hash: string;
  display_name: string;
  media_type: string;
  size: number;
  added_at: string;
}

export const FILE_COLUMNS = 'f.id, f.item_id, f.blob_hash, f.display_name, f.media_type, f.size, f.added_at';

export function toEvidenceFile(r: FileRecord): EvidenceFile {
  return {
    id: r.id,
    itemId: r.item_id,
    displayName: r.display_name,
    mediaType: r.media_type,
    size: r.size,
    hash: r.blob_hash,
    addedAt: r.added_at,
    previewable: previewableOf(r.media_type),
  };
}

export interface NewEvidenceFile {
  itemId: number;
  hash: string;
  displayName: string;
  mediaType: string;
  size: number;
  addedAt: string;
}

/** True when the row was added, false when a row for this content was there already. */
export function insertBlobIfMissing(db: Database.Database, hash: string, size: number, now: string): boolean {
  const sql = 'INSERT INTO blobs (hash, size, created_at) VALUES (?, ?, ?) ON CONFLICT (hash) DO NOTHING';
  return prepared(db, sql).run(hash, size, now).changes === 1;
}

export function getFile(db: Database.Database, fileId: number): EvidenceFile | undefined {
  const row = prepared(db, `SELECT ${FILE_COLUMNS} FROM evidence_files f WHERE f.id = ?`).get(fileId) as FileRecord | undefined;
  return row && toEvidenceFile(row);
}

export function findFileOnItem(db: Database.Database, itemId: number, hash: string): EvidenceFile | undefined {
  const sql = `SELECT ${FILE_COLUMNS} FROM evidence_files f WHERE f.item_id = ? AND f.blob_hash = ?`;
  const row = prepared(db, sql).get(itemId, hash) as FileRecord | undefined;
  return row && toEvidenceFile(row);
}

export function insertFile(db: Database.Database, f: NewEvidenceFile): EvidenceFile {
  const info = prepared(
    db,
    `INSERT INTO evidence_files (item_id, blob_hash, display_name, media_type, size, added_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(f.itemId, f.hash, f.displayName, f.mediaType, f.size, f.addedAt);
  const created = getFile(db, Number(info.lastInsertRowid));
  if (!created) throw new Error('insertFile: the new row cannot be read back');
  return created;
}

/** Files of several items at once (ids as a JSON array: one statement for any count), by id. */
export function filesOfItems(db: Database.Database, itemIds: number[]): EvidenceFile[] {
  const sql = `SELECT ${FILE_COLUMNS} FROM evidence_files f WHERE f.item_id IN (SELECT value FROM json_each(?)) ORDER BY f.id`;
  return (prepared(db, sql).all(JSON.stringify(itemIds)) as FileRecord[]).map(toEvidenceFile);
}

/** Other items (not `exceptItemId`) that hold a file with this content. */
export function itemsHoldingBlob(
  db: Database.Database,
  hash: string,
  exceptItemId: number,
): { itemId: number; docNumber: string; summary: string }[] {
  const sql = `SELECT DISTINCT i.id AS itemId, i.doc_number AS docNumber, i.summary AS summary
               FROM evidence_files f JOIN evidence_items i ON i.id = f.item_id
               WHERE f.blob_hash = ? AND f.item_id <> ? ORDER BY i.id`;
  return prepared(db, sql).all(hash, exceptItemId) as { itemId: number; docNumber: string; summary: string }[];
}

/** Deletes one file row; the trigger marks its blob unreferenced when no other row uses it.
 *  Returns the item it belonged to (refresh that item's search text in the same transaction). */
export function deleteFileRow(db: Database.Database, fileId: number): number | undefined {
  const row = prepared(db, 'DELETE FROM evidence_files WHERE id = ? RETURNING item_id').get(fileId) as { item_id: number } | undefined;
  return row?.item_id;
}

/** Blobs no file has used since `cutoff` or before and no submission names (the signed report, the
 *  package that was sent) (same clock as the trigger: SQLite's UTC 'now').
 *  "Or before": with one writing connection, a release stamped in the same millisecond as the
 *  cutoff was committed before the cutoff was read. */
export function collectableBlobs(db: Database.Database, cutoff: string): string[] {
  const sql = `SELECT hash FROM blobs WHERE unreferenced_since IS NOT NULL AND unreferenced_since <= ?
               AND NOT EXISTS (SELECT 1 FROM evidence_files WHERE blob_hash = blobs.hash)
               AND NOT EXISTS (SELECT 1 FROM submissions WHERE signed_hash = blobs.hash OR package_hash = blobs.hash) ORDER BY hash`;
  return (prepared(db, sql).all(cutoff) as { hash: string }[]).map((r) => r.hash);
}

export function deleteBlobRow(db: Database.Database, hash: string): boolean {
  return prepared(db, 'DELETE FROM blobs WHERE hash = ? AND unreferenced_since IS NOT NULL').run(hash).changes === 1;
}

export function blobRowExists(db: Database.Database, hash: string): boolean {
  return prepared(db, 'SELECT 1 FROM blobs WHERE hash = ?').get(hash) !== undefined;
}

/** SQLite's clock, the one the blob triggers stamp `unreferenced_since` with. */
export function databaseNow(db: Database.Database): string {
  return (prepared(db, "SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS now").get() as { now: string }).now;
}

export interface ArchivedBlob {
  hash: string;
  size: number;
  /** One display name of a file holding it (its extension says whether deflating pays). */
  name: string;
}

/** Every blob a file row names, once, for the whole-folder archive. */
export function blobsNamedByFiles(db: Database.Database): ArchivedBlob[] {
  // Evidence files, and the signed report and sent package of every submission (kept as blobs too).
  const sql = `SELECT b.hash, b.size, MIN(n.name) AS name FROM blobs b JOIN (
                 SELECT blob_hash AS hash, display_name AS name FROM evidence_files
                 UNION ALL SELECT signed_hash, signed_name FROM submissions
                 UNION ALL SELECT package_hash, package_name FROM submissions) n ON n.hash = b.hash
               GROUP BY b.hash ORDER BY b.hash`;
  return prepared(db, sql).all() as ArchivedBlob[];
}
