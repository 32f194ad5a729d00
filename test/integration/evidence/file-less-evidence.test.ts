/** A document with no file does not back a criterion: 1,000 file-less documents (the issue saw it with 3,000) linked to every
 *  scored leaf leave "needs explanation" where it was, and the gaps list, the totals, the final
 *  report and the lock all agree; the first file turns its document into evidence. */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { importEvidenceFile } from '../../../main/evidence/import-file';
import { createHarness, type Harness } from '../../helpers/app-harness';
import { departmentAssessment } from '../../helpers/report-assessment';
import { chunked } from '../../helpers/evidence-temp';
import { makePdf } from '../../helpers/sample-documents';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.dispose());


const DOCUMENTS = 1000;

it('counts only documents with a file as evidence, everywhere', async () => {
  // Every self-scored leaf answered, no explanation: the scored ones need evidence or an explanation.
  const { assessmentId } = await departmentAssessment(h, { complete: false, leaveOut: 0 });
  const before = (await h.call('assessments:open', { assessmentId })).totals;
  const needing = before.needsExplanationCodes;
  expect(needing.length).toBeGreaterThan(10);

  let firstItem = 0;
  for (let i = 0; i < DOCUMENTS; i += 1) {
    const code = needing[i % needing.length]!;
    const draft = { docNumber: `${i + 1}/KH-SNV`, issuedOn: null, issuer: '', docType: 'plan' as const, summary: `Kế hoạch số ${i + 1}` };
    const { item } = await h.call('evidence:create', { assessmentId, code, draft });
    if (i === 0) firstItem = item!.id;
  }

  const totals = (await h.call('assessments:open', { assessmentId })).totals;
  expect(totals.needsExplanationCount).toBe(before.needsExplanationCount);
  expect(totals.needsExplanationCodes).toEqual(needing);
  const gaps = await h.call('evidence:gaps', { assessmentId });
  expect(gaps.leaves.map((l) => l.code)).toEqual(needing);
  expect(gaps.itemsWithoutFiles.length).toBeGreaterThan(0);
  const report = await h.fail('report:export', { assessmentId, final: true, format: 'docx' });
  expect(report.code).toBe('CONFLICT');
  expect(report.message).toContain(`Còn ${needing.length} tiêu chí cần giải trình`);
  const lock = await h.fail('assessments:setStatus', { assessmentId, status: 'final' });
  expect(lock.message).toContain(`Còn ${needing.length} tiêu chí cần giải trình`);

  // The first file makes its document evidence for its criterion, in every view at once.
  await importEvidenceFile(h.ctx.db, h.dataDir, { itemId: firstItem, fileName: 'ke-hoach-1.pdf', source: chunked(makePdf('Ke hoach 1')), now: h.ctx.now() });
  const after = (await h.call('assessments:open', { assessmentId })).totals;
  expect(after.needsExplanationCodes).toEqual(needing.slice(1));
  expect((await h.call('evidence:gaps', { assessmentId })).leaves.map((l) => l.code)).toEqual(needing.slice(1));
  expect(after.nodes[needing[0]!]!.mark).toBe('answered');
}, 120_000);
