import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addChild, addSiblingAfter, updateNode, type CriteriaDraft } from '../../../shared/domain/criteria-draft';
import { databasePath, openDatabase } from '../../../main/store/open';
import { agencyDraft } from '../../helpers/agency-fixture';
import { createHarness, type Harness } from '../../helpers/app-harness';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.dispose());

const leaf = (draft: CriteriaDraft, key: string, title: string, maxPoints: string): CriteriaDraft =>
  updateNode(draft, key, (node) => ({ ...node, title, maxPoints, rule: { ...node.rule, kind: 'yesNo' } }));

/** A two-leaf set whose field maximum (10) is not yet the sum of its leaves (4 + 5). */
function almostValid(body: CriteriaDraft): { body: CriteriaDraft; secondLeaf: string } {
  let draft: CriteriaDraft = { ...body, meta: { ...body.meta, id: 'tinh-thu-cap-xa', title: 'Bộ chỉ số cấp xã tỉnh Thử', issuer: 'UBND tỉnh Thử', totalMaxPoints: '10' } };
  const field = draft.fields[0]!.key;
  draft = leaf(draft, field, 'Công tác chỉ đạo, điều hành', '10');
  const first = addChild(draft, field);
  const second = addSiblingAfter(leaf(first.draft, first.key, 'Kế hoạch CCHC', '4'), first.key);
  return { body: leaf(second.draft, second.key, 'Báo cáo CCHC', '5'), secondLeaf: second.key };
}

describe('criteriaDrafts:*', () => {
  it('creates a blank draft, saves every change, refuses to install it while invalid, then installs it and an assessment uses it', async () => {
    const created = await h.call('criteriaDrafts:create', { from: { kind: 'blank', year: 2026 } });
    expect(created.title).toBe('Bộ chỉ số chưa đặt tên');
    const { body, secondLeaf } = almostValid(created.body);
    const saved = await h.call('criteriaDrafts:save', { id: created.id, body });
    expect(saved.title).toBe('Bộ chỉ số cấp xã tỉnh Thử');
    expect((await h.call('criteriaDrafts:get', { id: created.id })).body).toEqual(body);

    const refused = await h.fail('criteriaDrafts:install', { id: created.id, confirmNewVersion: false });
    expect(refused.code).toBe('INVALID_CRITERIA_SET');
    expect(refused.issues).toEqual([
      { path: 'Lĩnh vực 1 › Điểm tối đa', message: expect.stringContaining('tổng điểm tối đa của các mục con') },
    ]);
    expect((await h.call('criteriaSets:list', {})).sets.some((set) => set.id === 'tinh-thu-cap-xa')).toBe(false);

    const fixed = updateNode(body, secondLeaf, (node) => ({ ...node, maxPoints: '6' }));
    await h.call('criteriaDrafts:save', { id: created.id, body: fixed });
    const installed = await h.call('criteriaDrafts:install', { id: created.id, confirmNewVersion: false });
    expect(installed).toMatchObject({ alreadyInstalled: false, summary: { id: 'tinh-thu-cap-xa', leafCount: 2, version: 1 } });
    expect((await h.call('criteriaDrafts:install', { id: created.id, confirmNewVersion: false })).alreadyInstalled).toBe(true);

    const agency = await h.call('agencies:create', agencyDraft({ level: 'commune' }));
    const assessment = await h.call('assessments:create', { agencyId: agency.id, year: 2026, setHash: installed.summary.hash });
    const answered = await h.call('answers:save', { assessmentId: assessment.id, code: '1.2', answer: { input: { kind: 'yesNo', achieved: true }, notApplicable: false, explanation: '' } });
    expect(answered.totals.pointsMilli).toBe(6000);
    const drafts = await h.call('criteriaDrafts:list', {});
    expect(drafts.drafts.map((d) => d.id)).toEqual([created.id]);
  });

  it('copies an installed set ("Sao chép để sửa") into a draft that installs back to the very same set', async () => {
    const text = fs.readFileSync('seeds/sample-commune-2026.json', 'utf8');
    const original = await h.call('criteriaSets:import', { fileName: 'mau.json', text, confirmNewVersion: false });
    const copy = await h.call('criteriaDrafts:create', { from: { kind: 'set', hash: original.summary.hash } });
    expect(copy.body.keepCodes).toBe(true);
    const again = await h.call('criteriaDrafts:install', { id: copy.id, confirmNewVersion: false });
    expect(again).toEqual({ summary: original.summary, alreadyInstalled: true });

    // An edited copy is a new version of the same set id and year: it needs the officer's confirmation.
    const edited = updateNode(copy.body, copy.body.fields[0]!.key, (node) => ({ ...node, title: `${node.title} (sửa)` }));
    await h.call('criteriaDrafts:save', { id: copy.id, body: edited });
    expect((await h.fail('criteriaDrafts:install', { id: copy.id, confirmNewVersion: false })).code).toBe('NEEDS_CONFIRMATION');
    const newer = await h.call('criteriaDrafts:install', { id: copy.id, confirmNewVersion: true });
    expect(newer.summary).toMatchObject({ id: original.summary.id, version: 2 });
    expect(newer.summary.hash).not.toBe(original.summary.hash);
  });

  it('keeps the last saved body across a reopen of the database, deletes on request, and says when a draft is gone', async () => {
    const created = await h.call('criteriaDrafts:create', { from: { kind: 'blank', year: 2027 } });
    const body = { ...created.body, meta: { ...created.body.meta, title: 'Đang gõ dở' } };
    await h.call('criteriaDrafts:save', { id: created.id, body });
    const reopened = openDatabase(databasePath(h.ctx.dataDir));
    const row = reopened.prepare('SELECT title, body_json FROM criteria_drafts WHERE id = ?').get(created.id) as { title: string; body_json: string };
    reopened.close();
    expect(row.title).toBe('Đang gõ dở');
    expect(JSON.parse(row.body_json)).toEqual(body);

    expect(await h.call('criteriaDrafts:delete', { id: created.id })).toEqual({ deleted: true });
    const gone = await h.fail('criteriaDrafts:get', { id: created.id });
    expect(gone).toMatchObject({ code: 'NOT_FOUND', message: 'Không tìm thấy bản nháp bộ chỉ số.' });
    expect((await h.fail('criteriaDrafts:save', { id: created.id, body })).code).toBe('NOT_FOUND');
    const bad = await h.fail('criteriaDrafts:save', { id: created.id, body: { ...body, extra: 1 } });
    expect(bad.code).toBe('INVALID_INPUT');
  });
});
