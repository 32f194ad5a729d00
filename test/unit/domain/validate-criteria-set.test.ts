import { describe, expect, it } from 'vitest';
import { validateCriteriaSet, validateCriteriaSetText } from '../../../shared/domain/validate-criteria-set';
import { makeMinimalSet, nodeAt, ruleAt } from '../../helpers/criteria-set-fixture';
import { issuesOf, onlyIssue } from '../../helpers/criteria-set-validation';

describe('validateCriteriaSet: a valid set', () => {
  it('accepts the fixture and counts it', () => {
    const result = validateCriteriaSet(makeMinimalSet());
    expect(result).toMatchObject({
      ok: true,
      stats: { fields: 2, nodes: 28, leaves: 19, ruleKinds: ['deduction', 'levels', 'manual', 'rate', 'survey', 'yesNo'] },
    });
  });

  it('accepts the same set as JSON text, and returns trimmed strings', () => {
    const set = makeMinimalSet();
    set.title = `  ${set.title}  `;
    const result = validateCriteriaSetText(JSON.stringify(set, null, 2));
    expect(result.ok && result.set.title).toBe(makeMinimalSet().title);
  });

  it('lets bonus items add up to more than the cap, and lets a part go 2 levels deeper', () => {
    const set = makeMinimalSet();
    nodeAt(set, '9.1.2').rule = undefined;
    nodeAt(set, '9.1.2').children = [{ code: '9.1.2.1', title: 'Mô hình được nhân rộng', maxPoints: 1, rule: { kind: 'yesNo' } }];
    expect(validateCriteriaSet(set).ok).toBe(true);
  });
});

describe('validateCriteriaSet: points and sums', () => {
  it("rejects a criterion whose maximum is not the sum of its children's", () => {
    const set = makeMinimalSet();
    nodeAt(set, '1.3.3').maxPoints = 1.5;
    ruleAt(set, '1.3.3', 'manual').step = 0.5;
    expect(onlyIssue(issuesOf(set))).toEqual({
      path: 'fields[0].children[2].maxPoints',
      message: 'Điểm tối đa của mục 1.3 là 3 nhưng tổng điểm tối đa của các mục con là 3,5.',
    });
  });

  it("rejects a field whose maximum is not the sum of its criteria's (and the total then differs too)", () => {
    const set = makeMinimalSet();
    set.fields[0]!.maxPoints = 9;
    expect(issuesOf(set)).toEqual([
      { path: 'fields[0].maxPoints', message: 'Điểm tối đa của mục 1 là 9 nhưng tổng điểm tối đa của các mục con là 8.' },
      { path: 'totalMaxPoints', message: 'Tổng điểm tối đa của bộ chỉ số là 20 nhưng tổng điểm tối đa của các lĩnh vực là 21.' },
    ]);
  });

  it('rejects totalMaxPoints that is not the sum of the fields', () => {
    const set = makeMinimalSet();
    set.totalMaxPoints = 100;
    expect(onlyIssue(issuesOf(set))).toEqual({
      path: 'totalMaxPoints',
      message: 'Tổng điểm tối đa của bộ chỉ số là 100 nhưng tổng điểm tối đa của các lĩnh vực là 20.',
    });
  });

  it('sums exactly: 0.1 + 0.2 equals 0.3', () => {
    const set = makeMinimalSet();
    const group = nodeAt(set, '2.1.2');
    group.children![0]!.maxPoints = 0.1;
    group.children![1]!.maxPoints = 0.2;
    group.maxPoints = 0.3;
    nodeAt(set, '2.1.1').maxPoints = 3.7;
    expect(validateCriteriaSet(set).ok).toBe(true);
  });

  it('rejects points with more than 3 decimals, wherever they are, without a sum error on top', () => {
    const set = makeMinimalSet();
    ruleAt(set, '1.1.1', 'levels').levels[1]!.points = 0.1234;
    nodeAt(set, '2.3.1').maxPoints = 2.4995;
    nodeAt(set, '2.3.2').maxPoints = 1.5005;
    const issues = issuesOf(set);
    expect(issues.map((issue) => issue.path)).toEqual([
      'fields[0].children[0].children[0].rule.levels[1].points',
      'fields[1].children[2].children[0].maxPoints',
      'fields[1].children[2].children[1].maxPoints',
    ]);
    expect(issues[0]!.message).toBe('Số điểm 0,1234 có quá 3 chữ số thập phân: điểm chỉ được ghi tới phần nghìn (ví dụ 0,125).');
  });

  it('rejects a bonus item above the cap of its part', () => {
    const set = makeMinimalSet();
    nodeAt(set, '9.1.1').maxPoints = 2.5;
    const issue = onlyIssue(issuesOf(set));
    expect(issue.path).toBe('adjustments.bonus.children[0].maxPoints');
    expect(issue.message).toContain('vượt mức trần 2');
  });
});

describe('validateCriteriaSet: codes and depth', () => {
  it('rejects a duplicate code, naming where the first one is', () => {
    const set = makeMinimalSet();
    nodeAt(set, '1.2.2').code = '1.2.1';
    expect(onlyIssue(issuesOf(set))).toEqual({
      path: 'fields[0].children[1].children[1].code',
      message: 'Mã "1.2.1" bị trùng với mục ở fields[0].children[1].children[0].',
    });
  });

  it('rejects a duplicate code inside the adjustments', () => {
    const set = makeMinimalSet();
    nodeAt(set, '9.2.2').code = '9.2.1';
    expect(onlyIssue(issuesOf(set)).path).toBe('adjustments.penalty.children[1].code');
  });

  it('rejects a field code that is also the adjustments code', () => {
    const set = makeMinimalSet();
    set.adjustments!.code = '2';
    const paths = issuesOf(set).map((issue) => issue.path);
    expect(paths).toContain('adjustments.code');
    expect(paths).toContain('adjustments.bonus.code');
  });

  it.each(['1.a', '1.01', '1.1.0', '1..1', ' 1.1.1'])('rejects the malformed code %j', (code) => {
    const set = makeMinimalSet();
    nodeAt(set, '1.1.1').code = code;
    const issue = onlyIssue(issuesOf(set));
    expect(issue.path).toBe('fields[0].children[0].children[0].code');
    expect(issue.message).toContain('không đúng dạng');
  });

  it('rejects a code that does not start with its parent code ("2" under field 1)', () => {
    const set = makeMinimalSet();
    nodeAt(set, '1.1.3').code = '2';
    expect(issuesOf(set)).toEqual([
      { path: 'fields[0].children[0].children[2].code', message: 'Mã "2" phải có dạng "1.1.<số>" vì nằm trong mục 1.1.' },
      { path: 'fields[1].code', message: 'Mã "2" bị trùng với mục ở fields[0].children[0].children[2].' },
    ]);
  });

  it('rejects a criterion code two levels below its field, and its children with it', () => {
    const set = makeMinimalSet();
    nodeAt(set, '2.2').code = '2.1.5';
    expect(issuesOf(set).map((issue) => issue.path)).toEqual([
      'fields[1].children[1].code',
      'fields[1].children[1].children[0].code',
      'fields[1].children[1].children[1].code',
    ]);
  });

  it('rejects a malformed adjustments code without blaming the parts below it', () => {
    const set = makeMinimalSet();
    set.adjustments!.code = '9.0';
    expect(onlyIssue(issuesOf(set))).toEqual({
      path: 'adjustments.code',
      message: 'Mã "9.0" không đúng dạng: cần các số nguyên dương nối bằng dấu chấm, ví dụ 1, 1.2, 1.2.3.',
    });
  });

  it('rejects a top-level code with a dot', () => {
    const set = makeMinimalSet();
    set.adjustments!.code = '9.9';
    expect(issuesOf(set)[0]).toEqual({ path: 'adjustments.code', message: 'Mã ở cấp cao nhất phải là một số (1, 2, …), không phải "9.9".' });
  });

  it('rejects bonus and penalty codes that are not under the adjustments code', () => {
    const set = makeMinimalSet();
    set.adjustments!.penalty!.code = '8.2';
    const issues = issuesOf(set);
    expect(issues[0]).toEqual({ path: 'adjustments.penalty.code', message: 'Mã "8.2" phải có dạng "9.<số>" vì nằm trong mục 9.' });
    expect(issues.map((issue) => issue.path)).toEqual([
      'adjustments.penalty.code',
      'adjustments.penalty.children[0].code',
      'adjustments.penalty.children[1].code',
    ]);
  });

  it('rejects a fifth level', () => {
    const set = makeMinimalSet();
    const level4 = nodeAt(set, '2.1.2.1');
    level4.rule = undefined;
    level4.children = [{ code: '2.1.2.1.1', title: 'Cấp thứ năm', maxPoints: 1, rule: { kind: 'yesNo' } }];
    const issue = onlyIssue(issuesOf(set));
    expect(issue.path).toBe('fields[1].children[0].children[1].children[0].children[0]');
    expect(issue.message).toContain('cấp 5');
  });

  it('counts the adjustments content and its parts as levels 1 and 2', () => {
    const set = makeMinimalSet();
    const item = nodeAt(set, '9.2.1');
    item.rule = undefined;
    item.children = [
      { code: '9.2.1.1', title: 'Cấp bốn', maxPoints: 1, children: [{ code: '9.2.1.1.1', title: 'Cấp năm', maxPoints: 1, rule: { kind: 'yesNo' } }] },
    ];
    expect(onlyIssue(issuesOf(set)).path).toBe('adjustments.penalty.children[0].children[0].children[0]');
  });
});
