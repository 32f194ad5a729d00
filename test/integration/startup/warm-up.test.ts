/** The start-up warm-up of the workspace reads (main/assessment/warm-up.ts) only reads: on an
 *  empty database and on one with assessments it writes nothing, throws nothing, and the open that
 *  follows answers as without it. */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { warmUpWorkspaceReads } from '../../../main/assessment/warm-up';
import { createHarness, databaseFileHash, type Harness } from '../../helpers/app-harness';
import { departmentAssessment } from '../../helpers/report-assessment';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.dispose());

it('reads the latest assessments without writing, on an empty database too', async () => {
  const empty = databaseFileHash(h);
  warmUpWorkspaceReads(h.ctx.db);
  expect(databaseFileHash(h)).toBe(empty);

  const { assessmentId } = await departmentAssessment(h, { complete: true });
  h.reopen();
  const before = databaseFileHash(h);
  warmUpWorkspaceReads(h.ctx.db);
  expect(databaseFileHash(h)).toBe(before);
  const view = await h.call('assessments:open', { assessmentId });
  expect(view.answers.length).toBeGreaterThan(50);
  expect(view.answers.every((a) => a.result.state !== 'invalid')).toBe(true);
});
