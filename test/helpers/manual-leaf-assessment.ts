/** A 2026 assessment of the test agency on the department sample set, and its first manual leaf of
 *  the main scale: the starting point of the backup, restore and read-only view tests. */
import { leavesOf } from '../../shared/domain/criteria-tree';
import { agencyDraft } from './agency-fixture';
import type { Harness } from './app-harness';

export async function manualLeafAssessment(h: Harness): Promise<{ assessmentId: number; leaf: string }> {
  const agency = await h.call('agencies:create', agencyDraft());
  const set = (await h.call('criteriaSets:list', {})).sets.find((s) => s.level === 'department')!;
  const assessmentId = (await h.call('assessments:create', { agencyId: agency.id, year: 2026, setHash: set.hash })).id;
  const view = await h.call('assessments:open', { assessmentId });
  return { assessmentId, leaf: leavesOf(view.set).find((v) => v.part === 'main' && v.node.rule?.kind === 'manual')!.node.code };
}
