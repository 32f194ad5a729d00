/** `evidence:listForCriterion` on a real SQLite file: the workspace loads one criterion's documents
 *  when it is selected instead of the whole assessment's list on open. Each criterion's list is
 *  exactly the full list's share (same items, same order, same files and links), the per-criterion
 *  counts add up to the full list's links, the totals it brings agree with the full list's, and a
 *  link, unlink, file or delete shows in the next answer. */
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { EvidenceItem } from '../../../shared/api/evidence-entities';
import { leavesOf } from '../../../shared/domain/criteria-tree';
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


const linkedTo = (items: EvidenceItem[], assessmentId: number, code: string) => items.filter((i) => i.links.some((l) => l.assessmentId === assessmentId && l.code === code));

it('lists one criterion as the full list does, and counts agree', async () => {
  const { assessmentId, set } = await departmentAssessment(h, { complete: false, leaveOut: 0 });
  const needing = (await h.call('assessments:open', { assessmentId })).totals.needsExplanationCodes;
  expect(needing.length).toBeGreaterThan(5);
  // 60 documents over the first five criteria needing evidence; every third one also backs the next criterion.
  const ids: number[] = [];
  for (let i = 0; i < 60; i++) {
    const code = needing[i % 5]!;
    const draft = { docNumber: `${i + 1}/KH-SNV`, issuedOn: '2026-03-01', issuer: 'Sở Nội vụ', docType: 'plan' as const, summary: `Kế hoạch số ${i + 1}` };
    const { item } = await h.call('evidence:create', { assessmentId, code, draft });
    ids.push(item!.id);
    if (i % 3 === 0) await h.call('evidence:link', { assessmentId, code: needing[(i + 1) % 5]!, itemId: item!.id });
  }
  // One file on the first document: it becomes evidence for its criteria.
  await importEvidenceFile(h.ctx.db, h.dataDir, { itemId: ids[0]!, fileName: 'ke-hoach-1.pdf', source: chunked(makePdf('Ke hoach 1')), now: h.ctx.now() });

  const full = await h.call('evidence:listForAssessment', { assessmentId });
  let links = 0;
  for (const code of leavesOf(set).map((v) => v.node.code)) {
    const one = await h.call('evidence:listForCriterion', { assessmentId, code });
    expect(one.items).toEqual(linkedTo(full.items, assessmentId, code));
    expect(one.totals).toBeNull();
    links += one.items.length;
  }
  expect(links).toBe(full.items.reduce((n, i) => n + i.links.filter((l) => l.assessmentId === assessmentId).length, 0));
  expect(links).toBe(80);
  // The totals it brings when asked are the full list's: the first two criteria are backed now.
  const withTotals = await h.call('evidence:listForCriterion', { assessmentId, code: needing[0]!, withTotals: true });
  expect(withTotals.totals).toEqual(full.totals);
  expect(full.totals.needsExplanationCodes).toEqual(needing.filter((c) => c !== needing[0] && c !== needing[1]));
  expect(withTotals.items.find((i) => i.id === ids[0])!.files).toHaveLength(1);
});

it('shows a link, an unlink and a delete in the next answer, and nothing of another criterion or assessment', async () => {
  const { assessmentId } = await departmentAssessment(h, { complete: false, leaveOut: 0 });
  const [a, b] = (await h.call('assessments:open', { assessmentId })).totals.needsExplanationCodes;
  const draft = { docNumber: '7/BC-SNV', issuedOn: null, issuer: '', docType: 'report' as const, summary: 'Báo cáo' };
  const { item } = await h.call('evidence:create', { assessmentId, code: a!, draft });
  const itemId = item!.id;
  const codesOf = async (code: string) => (await h.call('evidence:listForCriterion', { assessmentId, code })).items.map((i) => i.id);

  expect(await codesOf(a!)).toEqual([itemId]);
  expect(await codesOf(b!)).toEqual([]);
  await h.call('evidence:link', { assessmentId, code: b!, itemId });
  expect(await codesOf(b!)).toEqual([itemId]);
  await h.call('evidence:unlink', { assessmentId, code: a!, itemId });
  expect(await codesOf(a!)).toEqual([]);
  await h.call('evidence:unlink', { assessmentId, code: b!, itemId });
  await h.call('evidence:delete', { assessmentId, itemId });
  expect(await codesOf(b!)).toEqual([]);
  // An assessment that does not exist has no documents; its totals are refused.
  expect((await h.call('evidence:listForCriterion', { assessmentId: 987_654, code: a! })).items).toEqual([]);
  expect((await h.fail('evidence:listForCriterion', { assessmentId: 987_654, code: a!, withTotals: true })).code).toBe('NOT_FOUND');
});
