/**
 * The year-over-year screen of an agency: per year the assessment that counts (closed first, then
 * the furthest along, then the newest), its self total, index and class, and the published result
 * where there is one; points per field; the criteria that lost points. One read transaction; the
 * sets come from the set cache. The .xlsx export writes the same figures.
 */
import type Database from 'better-sqlite3';
import type { YearComparison, YearRow } from '../../shared/api/channels/years';
import type { AssessmentSummary } from '../../shared/api/entities';
import { AppFailure } from '../../shared/api/result';
import type { LeafMappingRow } from '../../shared/domain/leaf-mapping';
import { fieldSeries, lostPoints, mapYears, type YearInput } from '../../shared/domain/year-comparison';
import { totalsFor } from '../assessment/assessment-view';
import { loadCriteriaSet } from '../criteria/set-cache';
import { getAgency } from '../store/queries/agencies';
import { listAnswers } from '../store/queries/answers';
import { listAssessments } from '../store/queries/assessments';
import { originsOfAgency } from '../store/queries/next-year';
import { getPublishedResult } from '../store/queries/submissions';

/** Mappings between two sets (with corrections) are pure and sets are immutable: kept for the next opening of the screen. */
const MAPPINGS = new Map<string, LeafMappingRow[]>();
const MAX_MAPPINGS = 64;

function cachedMapping(before: YearInput, after: YearInput): LeafMappingRow[] {
  const key = `${before.setHash}>${after.setHash}>${JSON.stringify(after.corrections)}`;
  const hit = MAPPINGS.get(key);
  if (hit) return hit;
  const rows = mapYears(before, after);
  if (MAPPINGS.size >= MAX_MAPPINGS) MAPPINGS.delete(MAPPINGS.keys().next().value as string);
  MAPPINGS.set(key, rows);
  return rows;
}

const STATUS_RANK: Record<AssessmentSummary['status'], number> = { closed: 5, appraised: 4, submitted: 3, final: 2, draft: 1 };

/** One assessment per year: the one furthest along its life, then the newest. */
export function assessmentPerYear(assessments: readonly AssessmentSummary[]): AssessmentSummary[] {
  const byYear = new Map<number, AssessmentSummary>();
  for (const a of assessments) {
    const held = byYear.get(a.year);
    if (!held || STATUS_RANK[a.status] > STATUS_RANK[held.status] || (STATUS_RANK[a.status] === STATUS_RANK[held.status] && a.id > held.id)) byYear.set(a.year, a);
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

export function compareYears(db: Database.Database, agencyId: number): YearComparison {
  return db.transaction((): YearComparison => {
    if (!getAgency(db, agencyId)) throw new AppFailure('NOT_FOUND', 'Không tìm thấy cơ quan.');
    const chosen = assessmentPerYear(listAssessments(db, agencyId));
    const origins = originsOfAgency(db, agencyId);
    const inputs: YearInput[] = [];
    const years: YearRow[] = [];
    chosen.forEach((a, i) => {
      const set = loadCriteriaSet(db, a.setHash);
      const totals = totalsFor(db, a.id, set, listAnswers(db, a.id));
      const previous = chosen[i - 1];
      const origin = previous && origins.find((o) => o.assessmentId === a.id && o.sourceAssessmentId === previous.id);
      inputs.push({ year: a.year, setHash: a.setHash, set, totals, corrections: origin ? origin.corrections : {} });
      const published = a.status === 'closed' ? getPublishedResult(db, a.id) : undefined;
      years.push({
        year: a.year,
        assessmentId: a.id,
        status: a.status,
        setTitle: a.setTitle,
        selfMilli: totals.totalMilli,
        maxMilli: totals.maxMilli,
        selfIndexMilli: Math.round(totals.percent * 1000),
        selfClass: totals.className === '' ? null : totals.className,
        published: published
          ? { finalScoreMilli: published.finalScoreMilli, indexMilli: published.indexMilli, className: published.className, rank: published.rank, rankOf: published.rankOf }
          : null,
      });
    });
    return { agencyId, years, fields: fieldSeries(inputs), lost: lostPoints(inputs, cachedMapping) };
  })();
}
