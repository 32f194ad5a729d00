/** Evidence documents linked to each criterion, for the report's Appendix 1 column and Appendix 2. */
import type Database from 'better-sqlite3';
import { listItemsForAssessment } from '../../store/queries/evidence';
import type { ReportEvidence } from './model';

/** Evidence per criterion code (items ordered by document date, then number), with each file's
 *  name, size and SHA-256 — the same hashes the submission package's manifest lists. */
export function evidenceForReport(db: Database.Database, assessmentId: number): Map<string, ReportEvidence[]> {
  const items = listItemsForAssessment(db, assessmentId).sort(
    (a, b) => (a.issuedOn ?? '').localeCompare(b.issuedOn ?? '') || a.docNumber.localeCompare(b.docNumber, 'vi'),
  );
  const byCode = new Map<string, ReportEvidence[]>();
  for (const item of items) {
    const entry: ReportEvidence = {
      docNumber: item.docNumber,
      issuedOn: item.issuedOn,
      summary: item.summary,
      files: item.files.map((f) => ({ name: f.displayName, size: f.size, sha256: f.hash })),
    };
    for (const link of item.links) {
      if (link.assessmentId !== assessmentId) continue;
      const list = byCode.get(link.code) ?? [];
      list.push(entry);
      byCode.set(link.code, list);
    }
  }
  return byCode;
}
