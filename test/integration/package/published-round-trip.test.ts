/** The published result in the FULL package: a closed assessment's package carries the final score,
 *  index, class and rank; importing it into a fresh data folder gives a CLOSED assessment with the
 *  same result (not a "closed" status with no result); a copy imported while the assessment was
 *  still appraised takes the result from the later package without an overwrite, with a history row
 *  that says it in words; a package whose result differs asks first and never overwrites a closed
 *  assessment; a result
 *  with a rank above the number ranked is refused by verify. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPackageFile } from '../../../main/package/import-package';
import { verifyPackageFile } from '../../../main/package/verify-package';
import { AppFailure } from '../../../shared/api/result';
import { STATUS_NAME_VI } from '../../../shared/domain/assessment-status';
import { changeText, describeChange } from '../../../shared/domain/history-prose';
import { createHarness, withFreshHarness, type Harness } from '../../helpers/app-harness';
import { appraisalDoc, jsonBytes, submittedAssessment, upload } from '../../helpers/appraisal-fixture';
import { dumpTables } from '../../helpers/package-fixture';
import { expectReimportUnchanged, exportPackageAs } from '../../helpers/package-round-trip';
import { PackageParts } from '../../helpers/package-hostile';
import { readZipText } from '../../helpers/zip-read';

const RESULT = { finalScore: 81.25, indexPercent: 81.25, className: 'Khá', rank: 7, rankOf: 21, publishedOn: '2027-03-15' };

let source: Harness;
let assessmentId: number;
let appraised: string;
let closed: string;

beforeAll(async () => {
  source = createHarness();
  const a = await submittedAssessment(source);
  assessmentId = a.assessmentId;
  const r = await upload(source, assessmentId, 'v1.json', jsonBytes(appraisalDoc(a.setHash)));
  if (!r.ok) throw new Error(r.error.message);
  appraised = await exportPackageAs(source, assessmentId, 'da-tham-dinh.zip');
  await source.call('lifecycle:close', { assessmentId, result: RESULT });
  closed = await exportPackageAs(source, assessmentId, 'da-cong-bo.zip');
}, 120_000);
afterAll(() => source.dispose());

const shownResult = async (h: Harness, id: number) => {
  const v = await h.call('lifecycle:get', { assessmentId: id });
  const { enteredAt: _e, ...published } = v.published ?? { enteredAt: null };
  return { status: v.status, published };
};

describe('the published result in the full package', () => {
  it('is carried by the closed assessment’s package (not by the one before) and both verify', async () => {
    const doc = JSON.parse(readZipText(fs.readFileSync(closed), 'assessment.json')) as { assessment: { status: string }; published?: Record<string, unknown> };
    expect(doc.assessment.status).toBe('closed');
    expect(doc.published).toMatchObject(RESULT);
    expect(Object.keys(JSON.parse(readZipText(fs.readFileSync(appraised), 'assessment.json')) as object)).not.toContain('published');
    for (const file of [appraised, closed]) expect((await verifyPackageFile(file)).problems).toEqual([]);
  });

  it('a fresh data folder gets a closed assessment with the same result; the second import changes nothing', () =>
    withFreshHarness(async (target) => {
      const first = await importPackageFile(target.ctx, closed, { overwrite: false });
      expect(await shownResult(target, first.assessmentId)).toEqual({ status: 'closed', published: RESULT });
      await expectReimportUnchanged(target, closed);
    }));

  it('a copy imported while appraised takes the result later, without an overwrite, and says so in the history', () =>
    withFreshHarness(async (target) => {
      const first = await importPackageFile(target.ctx, appraised, { overwrite: false });
      expect(await shownResult(target, first.assessmentId)).toEqual({ status: 'appraised', published: {} });
      const later = await importPackageFile(target.ctx, closed, { overwrite: false });
      expect(later).toMatchObject({ assessmentId: first.assessmentId, unchanged: false, overwritten: false });
      expect(await shownResult(target, first.assessmentId)).toEqual({ status: 'closed', published: RESULT });
      const history = await target.call('history:list', { assessmentId: first.assessmentId, filter: { kind: null, code: null, from: null, to: null }, beforeId: null, limit: 1 });
      const words = changeText(describeChange(history.entries[0]!));
      expect(words).toContain('Nhập từ gói hồ sơ');
      expect(words).toContain(`trạng thái ${STATUS_NAME_VI.closed}`);
      expect(words).toContain('Kết quả công bố: 81,25 điểm, chỉ số 81,25%, xếp loại Khá, hạng 7/21, công bố ngày 15/03/2027');
      // The package from before the result neither takes it away nor asks to.
      await expectReimportUnchanged(target, appraised);
    }));

  it('a package whose result differs asks first; a closed assessment is not overwritten even when confirmed', () =>
    withFreshHarness(async (target) => {
      const first = await importPackageFile(target.ctx, closed, { overwrite: false });
      await target.call('lifecycle:close', { assessmentId: first.assessmentId, result: { ...RESULT, rank: 6 } });
      const tables = dumpTables(target.ctx.db);
      const err = await importPackageFile(target.ctx, closed, { overwrite: false }).then(() => null, (e: unknown) => e);
      expect(err).toBeInstanceOf(AppFailure);
      expect((err as AppFailure).code).toBe('NEEDS_CONFIRMATION');
      expect(dumpTables(target.ctx.db)).toEqual(tables);
      // A closed assessment is never overwritten by a package, even when confirmed.
      const confirmed = await importPackageFile(target.ctx, closed, { overwrite: true }).then(() => null, (e: unknown) => e);
      expect((confirmed as AppFailure).code).toBe('CONFLICT');
      expect(dumpTables(target.ctx.db)).toEqual(tables);
    }));

  it('a rank above the number ranked is refused by verify, in Vietnamese', async () => {
    const parts = new PackageParts(fs.readFileSync(closed));
    const doc = JSON.parse(parts.data('assessment.json').toString('utf8')) as { published: { rank: number; rankOf: number } };
    doc.published.rank = 30;
    const files = parts.files.map((f) => (f.name === 'assessment.json' ? { ...f, data: Buffer.from(JSON.stringify(doc)) } : f));
    const bad = path.join(source.dataDir, 'hang-sai.zip');
    fs.writeFileSync(bad, parts.zip(files));
    const problems = (await verifyPackageFile(bad)).problems.map((p) => p.message).join('\n');
    expect(problems).toContain('Thứ hạng không được lớn hơn tổng số cơ quan được xếp hạng.');
  });
});
