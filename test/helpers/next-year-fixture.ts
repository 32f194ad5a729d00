/** Two years of one criteria set for the next-year tests: the 2026 test set and a 2027 version in
 *  which 1.3.1 and 1.3.2 swap places (renumbered) and 1.1.3 is retitled; plus the test agency with
 *  a 2026 assessment, answered, with an explanation on 1.3.1 and a document linked to it. */
import type { CriteriaSet } from '../../shared/domain/criteria-set-schema';
import { setAssessmentStatus } from '../../main/store/queries/assessments';
import { fullAnswers } from './answer-generator';
import { agencyDraft } from './agency-fixture';
import type { Harness } from './app-harness';
import { makeMinimalSet, nodeAt } from './criteria-set-fixture';

export const EXPLANATION_131 = 'Đã kiểm tra 5/6 đơn vị trực thuộc theo Kế hoạch kiểm tra số 30/KH-SNV.';

export function setOfYear(year: number): CriteriaSet {
  const set = makeMinimalSet();
  set.year = year;
  set.id = `kiem-thu-so-nganh-${year}`;
  set.title = `Bộ chỉ số kiểm thử – sở, ban, ngành năm ${year}`;
  if (year >= 2027) {
    const group = nodeAt(set, '1.3');
    const [first, second, third] = group.children!;
    group.children = [{ ...second!, code: '1.3.1' }, { ...first!, code: '1.3.2' }, third!];
    nodeAt(set, '1.1.3').title = 'Ứng dụng trí tuệ nhân tạo trong chỉ đạo điều hành';
  }
  return set;
}

export async function installSet(h: Harness, set: CriteriaSet): Promise<string> {
  return (await h.call('criteriaSets:import', { fileName: `${set.id}.json`, text: JSON.stringify(set), confirmNewVersion: false })).summary.hash;
}

export interface LastYear {
  agencyId: number;
  assessmentId: number;
  hash2026: string;
  hash2027: string;
  itemId: number;
}

/** The 2026 assessment, answered with `seed`, locked when `lock` (status set directly: the lock's own checks are tested elsewhere). */
export async function lastYear(h: Harness, opts: { lock: boolean; seed?: number } = { lock: true }): Promise<LastYear> {
  const hash2026 = await installSet(h, setOfYear(2026));
  const hash2027 = await installSet(h, setOfYear(2027));
  const agency = await h.call('agencies:create', agencyDraft());
  const assessmentId = (await h.call('assessments:create', { agencyId: agency.id, year: 2026, setHash: hash2026 })).id;
  for (const [code, answer] of fullAnswers(setOfYear(2026), opts.seed ?? 1)) {
    await h.call('answers:save', { assessmentId, code, answer: { ...answer, explanation: code === '1.3.1' ? EXPLANATION_131 : '' } });
  }
  const draft = { docNumber: '30/KH-SNV', issuedOn: '2026-02-10', issuer: 'Sở Nội vụ', docType: 'plan' as const, summary: 'Kế hoạch kiểm tra công tác CCHC năm 2026' };
  const item = (await h.call('evidence:create', { assessmentId, code: '1.3.1', draft })).item!;
  if (opts.lock) setAssessmentStatus(h.ctx.db, assessmentId, 'final', '2026-12-20T00:00:00.000Z');
  return { agencyId: agency.id, assessmentId, hash2026, hash2027, itemId: item.id };
}
