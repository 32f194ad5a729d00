/**
 * The reads the workspace makes when it opens, done once shortly after start-up and thrown away:
 * the first "Mở kỳ đánh giá" after a start then finds the criteria set parsed and cached
 * (criteria/set-cache), the statements prepared and the code compiled, instead of paying for all
 * of it while the officer waits (it was most of the first open's server time). Read only; a
 * failure here is ignored, the real open reports its own.
 */
import type Database from 'better-sqlite3';
import { leavesOf } from '../../shared/domain/criteria-tree';
import { recentAssessmentIds } from '../store/queries/assessments';
import { listItemsForCriterion } from '../store/queries/evidence';
import { buildAssessmentView } from './assessment-view';

/** How many of the assessments changed last are read (each has its own criteria set, maybe). */
const WARM_ASSESSMENTS = 2;

export function warmUpWorkspaceReads(db: Database.Database): void {
  try {
    for (const assessmentId of recentAssessmentIds(db, WARM_ASSESSMENTS)) {
      const view = buildAssessmentView(db, assessmentId);
      const first = leavesOf(view.set)[0];
      if (first) listItemsForCriterion(db, assessmentId, first.node.code);
    }
  } catch (err) {
    console.error('[startup] warm-up of the workspace reads failed:', err);
  }
}
