/** A new assessment of an agency for a year, scored against one criteria set of the agency's
 *  level; one per agency, year and set. A set made for another year is refused unless the officer
 *  confirms (`confirmYearMismatch`): a 2027 assessment must not silently take a 2026 set. One transaction. */
import type Database from 'better-sqlite3';
import type { AssessmentSummary } from '../../shared/api/entities';
import { AppFailure } from '../../shared/api/result';
import { getCriteriaSetSummary } from '../criteria/set-summary';
import { getAgency } from '../store/queries/agencies';
import { insertAssessment, listAssessments } from '../store/queries/assessments';

const LEVEL_NAMES = { department: 'sở, ban, ngành', commune: 'xã, phường' } as const;

export interface NewAssessmentRequest {
  agencyId: number;
  year: number;
  setHash: string;
  confirmYearMismatch?: boolean | undefined;
}

export function createAssessment(db: Database.Database, req: NewAssessmentRequest, now: string): AssessmentSummary {
  const { agencyId, year, setHash } = req;
  return db.transaction(() => {
    const agency = getAgency(db, agencyId);
    if (!agency) throw new AppFailure('NOT_FOUND', 'Không tìm thấy cơ quan.');
    const set = getCriteriaSetSummary(db, setHash);
    if (!set) throw new AppFailure('NOT_FOUND', 'Không tìm thấy bộ chỉ số.');
    if (set.level !== agency.level) {
      throw new AppFailure(
        'INVALID_INPUT',
        `Bộ chỉ số này dành cho cấp ${LEVEL_NAMES[set.level]}, không dùng được cho cơ quan cấp ${LEVEL_NAMES[agency.level]}.`,
        { path: 'setHash' },
      );
    }
    if (set.year !== year && req.confirmYearMismatch !== true) {
      throw new AppFailure(
        'NEEDS_CONFIRMATION',
        `Bộ chỉ số "${set.title}" dành cho năm ${set.year}, khác năm đánh giá ${year}. Hãy xác nhận nếu vẫn muốn dùng bộ này.`,
        { path: 'confirmYearMismatch' },
      );
    }
    if (listAssessments(db, agencyId).some((a) => a.year === year && a.setHash === setHash)) {
      throw new AppFailure('CONFLICT', `Cơ quan đã có kỳ đánh giá năm ${year} theo bộ chỉ số này.`);
    }
    return insertAssessment(db, { agencyId, year, setHash, now });
  })();
}
