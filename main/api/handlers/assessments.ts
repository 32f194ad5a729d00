import { changeAssessmentStatus } from '../../assessment/assessment-status';
import { buildAssessmentView } from '../../assessment/assessment-view';
import { createAssessment } from '../../assessment/create-assessment';
import { listAssessments } from '../../store/queries/assessments';
import type { HandlerRegistry } from '../dispatch';
import { oneAtATime } from '../../backup/one-at-a-time';
import { createBackup } from '../../evidence/backup';

export const assessmentHandlers: Pick<HandlerRegistry, 'assessments:list' | 'assessments:create' | 'assessments:open' | 'assessments:setStatus'> = {
  'assessments:list': (ctx, { agencyId }) => ({ assessments: listAssessments(ctx.db, agencyId) }),
  'assessments:create': (ctx, input) => createAssessment(ctx.db, input, ctx.now()),
  'assessments:open': (ctx, { assessmentId }) => buildAssessmentView(ctx.db, assessmentId),
  'assessments:setStatus': async (ctx, { assessmentId, status }) => {
    await oneAtATime(ctx.dataDir, () => createBackup(ctx.db, ctx.dataDir, ctx.now(), { reason: 'before-status' }));
    return changeAssessmentStatus(ctx.db, assessmentId, status, ctx.now());
  },
};
