/**
 * What a kept database holds, for the "Sao lưu và khôi phục" list: each assessment's agency, year,
 * status and index at that point. Read through a read-only connection with the app's own queries
 * and scoring; remembered by file name, size and mtime (backups never change once written).
 */
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { openSqlite } from '../store/native-binding';
import type { BackupAssessment } from '../../shared/api/channels/backups';
import { currentTotals } from '../assessment/assessment-view';
import { listAgencies } from '../store/queries/agencies';
import { listAssessments } from '../store/queries/assessments';

const remembered = new Map<string, { stamp: string; assessments: BackupAssessment[] | null }>();

function read(file: string): BackupAssessment[] | null {
  let db: Database.Database | undefined;
  try {
    db = openSqlite(file, { readonly: true, fileMustExist: true });
    const out: BackupAssessment[] = [];
    for (const agency of listAgencies(db)) {
      for (const a of listAssessments(db, agency.id)) {
        const t = currentTotals(db, a.id);
        out.push({ assessmentId: a.id, agencyName: agency.name, year: a.year, status: a.status, percent: t.percent, className: t.className, answeredCount: t.answeredCount, leafCount: t.leafCount });
      }
    }
    return out;
  } catch {
    return null;
  } finally {
    db?.close();
  }
}

export function backupContents(file: string): BackupAssessment[] | null {
  let stamp: string;
  try {
    const st = fs.statSync(file);
    stamp = `${st.size}:${st.mtimeMs}`;
  } catch {
    return null;
  }
  const hit = remembered.get(file);
  if (hit?.stamp === stamp) return hit.assessments;
  const assessments = read(file);
  remembered.set(file, { stamp, assessments });
  return assessments;
}
