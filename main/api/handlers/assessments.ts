import { changeStatusWithBackup } from '../../assessment/assessment-status';
import { buildAssessmentView } from '../../assessment/assessment-view';
import { createAssessment } from '../../assessment/create-assessment';
import { listAssessments } from '../../store/queries/assessments';
import type { HandlerRegistry } from '../dispatch';

export const assessmentHandlers: Pick<HandlerRegistry, 'assessments:list' | 'assessments:create' | 'assessments:open' | 'assessments:setStatus'> = {
  'assessments:list': (ctx, { agencyId }) => ({ assessments: listAssessments(ctx.db, agencyId) }),
  'assessments:create': (ctx, input) => createAssessment(ctx.db, input, ctx.now()),
  'assessments:open': (ctx, { assessmentId }) => buildAssessmentView(ctx.db, assessmentId),
  'assessments:setStatus': (ctx, { assessmentId, status, reason }) => changeStatusWithBackup(ctx.db, ctx.dataDir, assessmentId, status, ctx.now, reason),
};
