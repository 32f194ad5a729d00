/** The `criteria_drafts` table: the editor's working copies of criteria sets. No transactions in here. */
import type Database from 'better-sqlite3';
import { prepared } from '../statements';

export interface CriteriaDraftRow {
  id: number;
  title: string;
  bodyJson: string;
  createdAt: string;
  updatedAt: string;
}

export type CriteriaDraftListRow = Omit<CriteriaDraftRow, 'bodyJson'>;

interface DraftRecord {
  id: number;
  title: string;
  body_json: string;
  created_at: string;
  updated_at: string;
}

const toRow = (r: DraftRecord): CriteriaDraftRow => ({ id: r.id, title: r.title, bodyJson: r.body_json, createdAt: r.created_at, updatedAt: r.updated_at });

/** Most recently changed first. */
export function listCriteriaDrafts(db: Database.Database): CriteriaDraftListRow[] {
  const rows = prepared(db, 'SELECT id, title, created_at, updated_at FROM criteria_drafts ORDER BY updated_at DESC, id DESC').all() as Omit<DraftRecord, 'body_json'>[];
  return rows.map((r) => ({ id: r.id, title: r.title, createdAt: r.created_at, updatedAt: r.updated_at }));
}

export function getCriteriaDraft(db: Database.Database, id: number): CriteriaDraftRow | undefined {
  const row = prepared(db, 'SELECT id, title, body_json, created_at, updated_at FROM criteria_drafts WHERE id = ?').get(id) as DraftRecord | undefined;
  return row && toRow(row);
}

export function insertCriteriaDraft(db: Database.Database, title: string, bodyJson: string, now: string): number {
  const info = prepared(db, 'INSERT INTO criteria_drafts (title, body_json, created_at, updated_at) VALUES (?, ?, ?, ?)').run(title, bodyJson, now, now);
  return Number(info.lastInsertRowid);
}

/** True when the draft existed. */
export function updateCriteriaDraft(db: Database.Database, id: number, title: string, bodyJson: string, now: string): boolean {
  return prepared(db, 'UPDATE criteria_drafts SET title = ?, body_json = ?, updated_at = ? WHERE id = ?').run(title, bodyJson, now, id).changes === 1;
}

export function deleteCriteriaDraft(db: Database.Database, id: number): boolean {
  return prepared(db, 'DELETE FROM criteria_drafts WHERE id = ?').run(id).changes === 1;
}
