/** Evidence documents linked to each criterion, for the report's Appendix 1 column and Appendix 2. */
import type Database from 'better-sqlite3';
import type { ReportEvidence } from './model';

/**
 * Evidence per criterion code, in the order the officer linked it. Empty for now: the evidence
 * issue fills it from evidence_links → evidence_items → evidence_files (number, date, summary,
 * file names, sizes and blob hashes), and the report then shows it without further change.
 */
export function evidenceForReport(_db: Database.Database, _assessmentId: number): Map<string, ReportEvidence[]> {
  return new Map();
}
