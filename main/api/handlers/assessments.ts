import { AppFailure } from '../../../shared/api/result';
import { changeAssessmentStatus } from '../../assessment/assessment-status';
import { buildAssessmentView } from '../../assessment/assessment-view';
import { getAgency } from '../../store/queries/agencies';
import { getCriteriaSetSummary } from '../../criteria/set-summary';
import { insertAssessment, listAssessments } from '../../store/queries/assessments';
import type { HandlerRegistry } from '../dispatch';
import { oneAtATime } from '../../backup/one-at-a-time';
import { createBackup } from '../../evidence/backup';

const LEVEL_NAMES = { department: 'sở, ban, ngành', commune: 'xã, phường' } as const;

export const assessmentHandlers: Pick<HandlerRegistry, 'assessments:list' | 'assessments:create' | 'assessments:open' | 'assessments:setStatus'> = {
  'assessments:list': (ctx, { agencyId }) => ({ assessments: listAssessments(ctx.db, agencyId) }),
  'assessments:create': (ctx, { agencyId, year, setHash }) =>
    ctx.db.transaction(() => {
      const agency = getAgency(ctx.db, agencyId);
      if (!agency) throw new AppFailure('NOT_FOUND', 'Không tìm thấy cơ quan.');
      const set = getCriteriaSetSummary(ctx.db, setHash);
      if (!set) throw new AppFailure('NOT_FOUND', 'Không tìm thấy bộ chỉ số.');
      if (set.level !== agency.level) {
        throw new AppFailure(
          'INVALID_INPUT',
          `Bộ chỉ số này dành cho cấp ${LEVEL_NAMES[set.level]}, không dùng được cho cơ quan cấp ${LEVEL_NAMES[agency.level]}.`,
          { path: 'setHash' },
        );
      }
      if (listAssessments(ctx.db, agencyId).some((a) => a.year === year && a.setHash === setHash)) {
        throw new AppFailure('CONFLICT', `Cơ quan đã có kỳ đánh giá năm ${year} theo bộ chỉ số này.`);
      }
      return insertAssessment(ctx.db, { agencyId, year, setHash, now: ctx.now() });
    })(),
  'assessments:open': (ctx, { assessmentId }) => buildAssessmentView(ctx.db, assessmentId),
  'assessments:setStatus': async (ctx, { assessmentId, status }) => {
    await oneAtATime(ctx.dataDir, () => createBackup(ctx.db, ctx.dataDir, ctx.now(), { reason: 'before-status' }));
    return changeAssessmentStatus(ctx.db, assessmentId, status, ctx.now());
  },
};
