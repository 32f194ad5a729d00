/** The officer's walk-through, through the real dispatch and a real SQLite file on disk. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../helpers/app-harness';
import { repoRoot } from '../../helpers/web-server-process';
import { agencyDraft } from '../../helpers/agency-fixture';

const smallSetText = fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'cli', 'small-set.json'), 'utf8');
let h: Harness;

beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.dispose());

async function smallAssessment(): Promise<{ assessmentId: number; agencyId: number; setHash: string }> {
  const agency = await h.call('agencies:create', agencyDraft());
  const imported = await h.call('criteriaSets:import', { fileName: 'small-set.json', text: smallSetText, confirmNewVersion: false });
  const a = await h.call('assessments:create', { agencyId: agency.id, year: 2026, setHash: imported.summary.hash });
  return { assessmentId: a.id, agencyId: agency.id, setHash: imported.summary.hash };
}

describe('first run', () => {
  it('installs the two sample sets, marked as samples', async () => {
    const { sets } = await h.call('criteriaSets:list', {});
    expect(sets.filter((s) => s.status === 'sample').map((s) => s.level).sort()).toEqual(['commune', 'department']);
    h.reopen();
    expect((await h.call('criteriaSets:list', {})).sets).toHaveLength(2);
  });

  it('creates, edits and lists several agencies', async () => {
    const a = await h.call('agencies:create', agencyDraft());
    await h.call('agencies:create', agencyDraft({ name: 'ỦY BAN NHÂN DÂN PHƯỜNG HẢI CHÂU', level: 'commune' }));
    const edited = await h.call('agencies:update', { id: a.id, draft: agencyDraft({ signerName: 'Lê Thị Cúc' }) });
    expect(edited.signerName).toBe('Lê Thị Cúc');
    expect((await h.call('agencies:list', {})).agencies.map((x) => x.name)).toEqual(['SỞ NỘI VỤ', 'ỦY BAN NHÂN DÂN PHƯỜNG HẢI CHÂU']);
    const error = await h.fail('agencies:create', { ...agencyDraft(), name: '  ' });
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.path).toBe('name');
  });
});

describe('scoring an assessment', () => {
  it('saves answers of every rule kind, recomputes totals, and finds them after reopening', async () => {
    const { assessmentId } = await smallAssessment();
    const save = (code: string, input: unknown, explanation = '', notApplicable = false) =>
      h.call('answers:save', { assessmentId, code, answer: { input: input as never, notApplicable, explanation } });
    await save('1.1', { kind: 'manual', points: 1.75 }, 'Kế hoạch ban hành chậm');
    await save('1.2', { kind: 'yesNo', achieved: true });
    await save('1.3', { kind: 'levels', levelId: 'cham' });
    const rate = await save('2.1', { kind: 'rate', numerator: 45, denominator: 60 });
    expect(rate.answer.result).toMatchObject({ state: 'answered', pointsMilli: 1500, ratePercent: 75 });
    await save('2.2', null, '', true);
    await save('2.3', { kind: 'deduction', occurrences: 2 });
    await save('3.1.1', { kind: 'yesNo', achieved: true });
    const last = await save('3.2.1', { kind: 'manual', points: 0.5 });
    expect(last.totals).toMatchObject({ pointsMilli: 5250, applicableMaxMilli: 7000, bonusMilli: 1000, penaltyMilli: 500, totalMilli: 5750, percent: 82.14, className: 'Tốt', unansweredCount: 0 });

    h.reopen();
    const view = await h.call('assessments:open', { assessmentId });
    expect(view.totals.percent).toBe(82.14);
    expect(view.answers.find((a) => a.code === '1.1')).toMatchObject({ input: { kind: 'manual', points: 1.75 }, explanation: 'Kế hoạch ban hành chậm' });
    expect(view.answers.find((a) => a.code === '2.2')?.notApplicable).toBe(true);
  });

  it('refuses a score above the maximum, off the step, or a rate above 100 %, and changes nothing', async () => {
    const { assessmentId } = await smallAssessment();
    await h.call('answers:save', { assessmentId, code: '1.1', answer: { input: { kind: 'manual', points: 1 }, notApplicable: false, explanation: '' } });
    const before = await h.call('assessments:open', { assessmentId });
    const attempts: unknown[] = [
      { code: '1.1', input: { kind: 'manual', points: 2.5 } },
      { code: '1.1', input: { kind: 'manual', points: 1.1 } },
      { code: '2.1', input: { kind: 'rate', numerator: 70, denominator: 60 } },
      { code: '2.3', input: { kind: 'deduction', occurrences: -1 } },
      { code: '1.2', input: { kind: 'manual', points: 1 } },
      { code: '2.4', input: { kind: 'manual', points: 1 } },
      { code: '1', input: { kind: 'manual', points: 1 } },
    ];
    for (const attempt of attempts) {
      const { code, input } = attempt as { code: string; input: unknown };
      const error = await h.fail('answers:save', { assessmentId, code, answer: { input, notApplicable: false, explanation: '' } });
      expect(['OUT_OF_RANGE', 'INVALID_INPUT', 'NOT_FOUND']).toContain(error.code);
      expect(error.message).toMatch(/[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i);
    }
    const notApplicable = await h.fail('answers:save', { assessmentId, code: '1.1', answer: { input: null, notApplicable: true, explanation: '' } });
    expect(notApplicable.code).toBe('OUT_OF_RANGE');
    const after = await h.call('assessments:open', { assessmentId });
    expect(after.answers).toEqual(before.answers);
    expect(after.totals).toEqual(before.totals);
  });

  it('refuses a set of the other level for an agency', async () => {
    const agency = await h.call('agencies:create', agencyDraft({ level: 'commune' }));
    const imported = await h.call('criteriaSets:import', { fileName: 'small-set.json', text: smallSetText, confirmNewVersion: false });
    const error = await h.fail('assessments:create', { agencyId: agency.id, year: 2026, setHash: imported.summary.hash });
    expect(error.message).toContain('xã, phường');
  });
});

describe('importing a criteria set', () => {
  it('stores it once, by content hash, and asks before a different set with the same id and year', async () => {
    const first = await h.call('criteriaSets:import', { fileName: 'a.json', text: smallSetText, confirmNewVersion: false });
    expect(first.alreadyInstalled).toBe(false);
    const reordered = JSON.stringify(JSON.parse(smallSetText), null, 4);
    const again = await h.call('criteriaSets:import', { fileName: 'b.json', text: reordered, confirmNewVersion: false });
    expect(again).toMatchObject({ alreadyInstalled: true, summary: { hash: first.summary.hash } });

    const changed = JSON.parse(smallSetText);
    changed.fields[0].children[0].title = 'Ban hành kế hoạch CCHC năm (sửa đổi)';
    const ask = await h.fail('criteriaSets:import', { fileName: 'c.json', text: JSON.stringify(changed), confirmNewVersion: false });
    expect(ask.code).toBe('NEEDS_CONFIRMATION');
    expect((await h.call('criteriaSets:list', {})).sets.filter((s) => s.id === 'thu-nghiem-nho')).toHaveLength(1);
    const confirmed = await h.call('criteriaSets:import', { fileName: 'c.json', text: JSON.stringify(changed), confirmNewVersion: true });
    expect(confirmed.summary.version).toBe(2);
  });

  it('rejects a malformed set with the JSON path and stores nothing', async () => {
    const broken = JSON.parse(smallSetText);
    broken.fields[1].children[1].rule.tiers[1].fromPercent = 40;
    const error = await h.fail('criteriaSets:import', { fileName: 'x.json', text: JSON.stringify(broken), confirmNewVersion: false });
    expect(error.code).toBe('INVALID_CRITERIA_SET');
    expect(error.path).toContain('Lĩnh vực 2 › Mục con 2 › Cách tính điểm › Ngưỡng');
    expect((await h.call('criteriaSets:list', {})).sets.some((s) => s.id === 'thu-nghiem-nho')).toBe(false);
    const notJson = await h.fail('criteriaSets:import', { fileName: 'x.json', text: '{"format": ', confirmNewVersion: false });
    expect(notJson.code).toBe('INVALID_CRITERIA_SET');
  });
});
