/** The appraisal format par-appraisal/v1: its JSON Schema in seeds/ is current, the example in
 *  seeds/ is valid against the zod schema and the sample set, and the checks against a set
 *  refuse what the council cannot have meant (unknown, duplicate, above maximum, wrong part). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildAppraisalJsonSchema } from '../../../shared/domain/appraisal/appraisal-json-schema';
import { appraisalFileSchema, type AppraisalFile } from '../../../shared/domain/appraisal/appraisal-schema';
import { checkAppraisal } from '../../../shared/domain/appraisal/check-appraisal';
import { computeAppraisedTotals } from '../../../shared/domain/appraisal/appraised-totals';
import { criteriaSetSchema } from '../../../shared/domain/criteria-set-schema';
import { computeTotals } from '../../../shared/domain/scoring-totals';
import type { AnswerInput } from '../../../shared/domain/answer';

const seed = (name: string) => readFileSync(fileURLToPath(new URL(`../../../seeds/${name}`, import.meta.url)), 'utf8');
const set = criteriaSetSchema.parse(JSON.parse(seed('sample-department-2026.json')));
const example = (): AppraisalFile => appraisalFileSchema.parse(JSON.parse(seed('appraisal-example.json')));

describe('seeds/appraisal.schema.json and seeds/appraisal-example.json', () => {
  it('the schema file is the JSON Schema generated from the zod schema', () => {
    expect(seed('appraisal.schema.json'), 'seeds/appraisal.schema.json is stale: run `npm run schema:export`').toBe(buildAppraisalJsonSchema());
    const schema = JSON.parse(buildAppraisalJsonSchema()) as { $id: string; required: string[] };
    expect(schema.$id).toBe('par-appraisal/v1');
    expect(schema.required).toEqual(expect.arrayContaining(['format', 'agency', 'year', 'setHash', 'round', 'criteria']));
  });

  it('the example parses and checks against the department sample set', () => {
    const check = checkAppraisal(set, example());
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    const byCode = new Map(check.entries.map((e) => [e.code, e]));
    expect(byCode.get('1.1.1')).toMatchObject({ pointsMilli: 500, request: 'explain', deadline: '2027-02-05' });
    expect(byCode.get('1.1.2')).toMatchObject({ pointsMilli: 500, inputJson: expect.stringContaining('"numerator":17') }); // 85 % → 0,5
    expect(byCode.get('1.4.2')).toMatchObject({ pointsMilli: null, request: 'add-evidence' });
    expect(byCode.get('8.1.1')).toMatchObject({ pointsMilli: 2000, survey: true });
  });
});

describe('the file schema', () => {
  it('wants a deadline with a request, and points or input, not both', () => {
    const bad = { ...JSON.parse(seed('appraisal-example.json')), criteria: [{ code: '1.1.1', request: 'explain' }, { code: '1.2.2', points: 0.5, input: { kind: 'yesNo', achieved: true } }] };
    const r = appraisalFileSchema.safeParse(bad);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toEqual(expect.arrayContaining(['Đề nghị giải trình, bổ sung cần có hạn (deadline).', 'Chỉ ghi "points" hoặc "input", không ghi cả hai.']));
  });

  it('refuses unknown keys and another format', () => {
    expect(appraisalFileSchema.safeParse({ ...JSON.parse(seed('appraisal-example.json')), extra: 1 }).success).toBe(false);
    expect(appraisalFileSchema.safeParse({ ...JSON.parse(seed('appraisal-example.json')), format: 'par-appraisal/v2' }).success).toBe(false);
  });
});

describe('checking against the set', () => {
  const messages = (file: AppraisalFile) => {
    const c = checkAppraisal(set, file);
    return c.ok ? [] : c.problems.map((p) => `${p.path}: ${p.message}`);
  };

  it('refuses an unknown code, a group code, a duplicate, points above the maximum or below zero', () => {
    const f = example();
    f.criteria = [
      { code: '99.1', comment: '', request: 'none', deadline: null },
      { code: '1.1', points: 1, comment: '', request: 'none', deadline: null },
      { code: '1.2.2', points: 0.5, comment: '', request: 'none', deadline: null },
      { code: '1.2.2', points: 0, comment: '', request: 'none', deadline: null },
      { code: '1.4.2', points: 1.25, comment: '', request: 'none', deadline: null },
      { code: '1.6', points: -0.25, comment: '', request: 'none', deadline: null },
    ];
    expect(messages(f)).toEqual([
      'criteria[0].code: Mã tiêu chí 99.1 không có trong bộ chỉ số của kỳ đánh giá (hoặc là nhóm, không phải tiêu chí chấm điểm).',
      'criteria[1].code: Mã tiêu chí 1.1 không có trong bộ chỉ số của kỳ đánh giá (hoặc là nhóm, không phải tiêu chí chấm điểm).',
      'criteria[3].code: Mã tiêu chí 1.2.2 xuất hiện hai lần (đã có ở criteria[2].code).',
      'criteria[4].points: Tiêu chí 1.4.2: điểm 1,25 vượt điểm tối đa 1.',
      'criteria[5].points: Tiêu chí 1.6: điểm -0,25 thấp hơn mức thấp nhất 0.',
    ]);
  });

  it('allows a deduction below zero where the rule does (1.5 goes down to -0,25)', () => {
    const f = example();
    f.criteria = [{ code: '1.5', points: -0.25, comment: '', request: 'none', deadline: null }];
    expect(messages(f)).toEqual([]);
  });

  it('keeps survey points apart from self-scored points, and scores a rule input by the rule', () => {
    const f = example();
    f.criteria = [
      { code: '2.4', points: 1, comment: '', request: 'none', deadline: null },
      { code: '1.1.2', input: { kind: 'rate', numerator: 21, denominator: 20 }, comment: '', request: 'none', deadline: null },
    ];
    f.survey = [{ code: '1.2.2', points: 0.5 }, { code: '8.1.1', points: 3 }];
    const m = messages(f);
    expect(m[0]).toBe('criteria[0].points: Tiêu chí 2.4 chấm qua điều tra xã hội học: ghi điểm ở phần "survey".');
    expect(m[1]).toMatch(/^criteria\[1\]\.input: Tiêu chí 1\.1\.2: /);
    expect(m[2]).toBe('survey[0].code: Tiêu chí 1.2.2 không chấm qua điều tra xã hội học: ghi điểm ở phần "criteria".');
    expect(m[3]).toBe('survey[1].points: Tiêu chí 8.1.1: điểm 3 vượt điểm tối đa 2,5.');
  });
});

describe('appraised totals', () => {
  const surveyCodes = ['2.4', '8.1.1', '8.1.2', '8.1.3', '8.1.4', '8.2.1', '8.2.2', '8.2.3', '8.2.4', '8.2.5'];
  const answers = new Map<string, AnswerInput>([['1.2.2', { input: { kind: 'yesNo', achieved: true }, notApplicable: false, explanation: '' }]]);

  it('keep the self score where the council gave none, and take the council score where it did', () => {
    const t = computeAppraisedTotals(set, answers, new Map([['1.6', 1000]]));
    expect(t.leaves['1.2.2']).toMatchObject({ selfMilli: 500, appraisedMilli: 500, fromCouncil: false });
    expect(t.leaves['1.6']).toMatchObject({ selfMilli: null, appraisedMilli: 1000, fromCouncil: true });
    expect(t.pointsMilli).toBe(1500);
    expect(t.nodeMilli['1']).toBe(1500);
  });

  it('survey points complete the index: their maxima join the applicable maximum only once scored', () => {
    const self = computeTotals(set, answers);
    const before = computeAppraisedTotals(set, answers, new Map());
    expect(before.surveyMissing).toBe(surveyCodes.length);
    expect(before.applicableMaxMilli).toBe(self.applicableMaxMilli);
    const all = new Map(surveyCodes.map((c) => [c, 1000]));
    const after = computeAppraisedTotals(set, answers, all);
    expect(after.surveyMissing).toBe(0);
    expect(after.applicableMaxMilli).toBe(self.applicableMaxMilli + self.surveyMaxMilli);
    expect(after.pointsMilli).toBe(500 + 1000 * surveyCodes.length);
    expect(after.percent).toBeCloseTo(((500 + 10_000) / (after.applicableMaxMilli / 1000)) / 10, 2);
  });
});
