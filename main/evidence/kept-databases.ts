/**
 * Which blobs the databases we keep still point to: every backup file under <data>/backups/ and
 * every database moved aside at start-up (<data>/recovery/). Garbage collection never removes a
 * blob one of them names, so restoring any kept backup never meets a missing file.
 *
 * A kept file is read once (read-only) and remembered by name, size and mtime. A file that cannot
 * be read as a database is left out: it could not be restored either.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { openSqlite } from '../store/native-binding';

export const backupsDir = (dataDir: string): string => path.join(dataDir, 'backups');
export const recoveryDir = (dataDir: string): string => path.join(dataDir, 'recovery');

const remembered = new Map<string, { stamp: string; hashes: string[] }>();

function hashesIn(file: string): string[] {
  let db: Database.Database | undefined;
  try {
    db = openSqlite(file, { readonly: true, fileMustExist: true });
    const hasFiles = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'evidence_files'").get() !== undefined;
    return hasFiles ? (db.prepare('SELECT DISTINCT blob_hash FROM evidence_files').pluck().all() as string[]) : [];
  } catch (err) {
    console.error(`[gc] kept database ${path.basename(file)} could not be read; it is left out:`, err);
    return [];
  } finally {
    db?.close();
  }
}

function keptFiles(dataDir: string): string[] {
  const files: string[] = [];
  for (const dir of [backupsDir(dataDir), recoveryDir(dataDir)]) {
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) if (name.endsWith('.sqlite') && !name.startsWith('.')) files.push(path.join(dir, name));
  }
  return files;
}

function stampOf(file: string): string | null {
  try {
    const st = fs.statSync(file);
    return `${st.size}:${st.mtimeMs}`;
  } catch {
    return null;
  }
}

/** Every blob hash named by a file row of a kept backup or moved-aside database. */
export function hashesHeldByKeptDatabases(dataDir: string): Set<string> {
  const held = new Set<string>();
  for (const file of keptFiles(dataDir)) {
    const stamp = stampOf(file);
    if (stamp === null) continue;
    let entry = remembered.get(file);
    if (!entry || entry.stamp !== stamp) {
      entry = { stamp, hashes: hashesIn(file) };
      remembered.set(file, entry);
    }
    for (const h of entry.hashes) held.add(h);
  }
  return held;
}
