/** The documents linked to each criterion of an assessment, with their file names (read-only views). */
import type Database from 'better-sqlite3';
import { prepared } from '../statements';

export interface LinkedDocumentRow {
  code: string;
  /** "125/KH-UBND ngày 15/01/2026: Kế hoạch …" (number, date, summary as stored). */
  label: string;
  fileNames: string[];
}

export function linkedDocumentsByCode(db: Database.Database, assessmentId: number): LinkedDocumentRow[] {
  const sql = `SELECT l.code, i.doc_number AS docNumber, i.issued_on AS issuedOn, i.summary,
                      (SELECT json_group_array(f.display_name) FROM evidence_files f WHERE f.item_id = i.id) AS files
               FROM evidence_links l JOIN evidence_items i ON i.id = l.item_id
               WHERE l.assessment_id = ? ORDER BY l.code, i.issued_on, i.id`;
  const rows = prepared(db, sql).all(assessmentId) as { code: string; docNumber: string; issuedOn: string | null; summary: string; files: string }[];
  return rows.map((r) => {
    const head = [r.docNumber, r.issuedOn ? `ngày ${r.issuedOn.split('-').reverse().join('/')}` : ''].filter((p) => p !== '').join(' ');
    return { code: r.code, label: [head, r.summary].filter((p) => p !== '').join(': '), fileNames: JSON.parse(r.files) as string[] };
  });
}
