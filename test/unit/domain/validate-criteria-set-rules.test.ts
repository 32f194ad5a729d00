import { describe, expect, it } from 'vitest';
import { makeMinimalSet, nodeAt, ruleAt } from '../../helpers/criteria-set-fixture';
import { validateCriteriaSet } from '../../../shared/domain/validate-criteria-set';
import { issuesOf, onlyIssue } from '../../helpers/criteria-set-validation';

describe('validateCriteriaSet: rules and leaves', () => {
  it('rejects a leaf without a rule', () => {
    const set = makeMinimalSet();
    delete nodeAt(set, '1.1.3').rule;
    expect(onlyIssue(issuesOf(set))).toEqual({
      path: 'fields[0].children[0].children[2].rule',
      message: 'Mục 1.1.3 không có mục con nên phải có quy tắc chấm điểm (rule).',
    });
  });

  it('rejects a parent with a rule, or with notApplicableAllowed', () => {
    const set = makeMinimalSet();
    nodeAt(set, '1.2').rule = { kind: 'yesNo' };
    nodeAt(set, '2.1.2').notApplicableAllowed = false;
    expect(issuesOf(set).map((issue) => issue.path)).toEqual(['fields[0].children[1].rule', 'fields[1].children[0].children[1].notApplicableAllowed']);
  });

  it('rejects a manual step that does not divide the maximum (0.3 into 1)', () => {
    const set = makeMinimalSet();
    ruleAt(set, '1.3.3', 'manual').step = 0.3;
    const issue = onlyIssue(issuesOf(set));
    expect(issue.path).toBe('fields[0].children[2].children[2].rule.step');
    expect(issue.message).toContain('Bước chấm 0,3 không chia hết điểm tối đa 1');
  });

  it('rejects a manual step above the maximum', () => {
    const set = makeMinimalSet();
    ruleAt(set, '1.3.3', 'manual').step = 2;
    expect(onlyIssue(issuesOf(set)).message).toBe('Bước chấm 2 lớn hơn điểm tối đa 1 của mục 1.3.3.');
  });

  it('rejects levels that never give the maximum, exceed it, or repeat an id', () => {
    const set = makeMinimalSet();
    const levels = ruleAt(set, '1.1.1', 'levels').levels;
    levels[0]!.points = 0.75;
    levels[2]!.id = 'cham';
    levels[1]!.points = 1.5;
    expect(issuesOf(set)).toEqual([
      { path: 'fields[0].children[0].children[0].rule.levels[1].points', message: 'Mức "Ban hành chậm so với thời hạn" cho 1,5 điểm, vượt điểm tối đa 1 của mục 1.1.1.' },
      { path: 'fields[0].children[0].children[0].rule.levels[2].id', message: 'Mã mức "cham" bị trùng trong mục 1.1.1.' },
      { path: 'fields[0].children[0].children[0].rule.levels', message: 'Không có mức nào cho đủ điểm tối đa 1 của mục 1.1.1.' },
    ]);
  });

  it('rejects overlapping tiers', () => {
    const set = makeMinimalSet();
    ruleAt(set, '1.1.2', 'rate').tiers![1]!.fromPercent = 60;
    const issue = onlyIssue(issuesOf(set));
    expect(issue.path).toBe('fields[0].children[0].children[1].rule.tiers[1].fromPercent');
    expect(issue.message).toContain('Các mức chồng lấn');
  });

  it('rejects tiers with a gap', () => {
    const set = makeMinimalSet();
    ruleAt(set, '1.1.2', 'rate').tiers![1]!.fromPercent = 75;
    expect(onlyIssue(issuesOf(set))).toEqual({
      path: 'fields[0].children[0].children[1].rule.tiers[1].fromPercent',
      message: 'Các mức có khoảng trống: tỷ lệ từ 70% đến 75% không thuộc mức nào.',
    });
  });

  it('rejects tiers that do not reach 100 % or do not start at 0 %', () => {
    const set = makeMinimalSet();
    const tiers = ruleAt(set, '2.2.1', 'rate').tiers!;
    tiers[2]!.toPercent = 99.5;
    tiers[0]!.fromPercent = 10;
    expect(issuesOf(set)).toEqual([
      { path: 'fields[1].children[1].children[0].rule.tiers[0].fromPercent', message: 'Mức đầu tiên phải bắt đầu từ 0% (hiện là 10%).' },
      { path: 'fields[1].children[1].children[0].rule.tiers[2].toPercent', message: 'Mức cuối phải kết thúc ở 100% (hiện là 99,5%).' },
    ]);
  });

  it('rejects unsorted tiers, a tier ending where it starts, and tier points above the maximum', () => {
    const set = makeMinimalSet();
    const tiers = ruleAt(set, '1.3.2', 'rate').tiers!;
    tiers.reverse();
    tiers[0]!.points = 2;
    tiers[1]!.toPercent = 50;
    expect(issuesOf(set).map((issue) => issue.path)).toEqual([
      'fields[0].children[2].children[1].rule.tiers[0].points',
      'fields[0].children[2].children[1].rule.tiers[1].toPercent',
      'fields[0].children[2].children[1].rule.tiers',
    ]);
  });

  it('accepts an "exactly 100 %" tier after a tier that ends below 100 %', () => {
    const set = makeMinimalSet();
    ruleAt(set, '1.1.2', 'rate').tiers = [
      { fromPercent: 0, toPercent: 80, points: 0 },
      { fromPercent: 80, toPercent: 100, points: 0.5 },
      { fromPercent: 100, toPercent: 100, points: 1 },
    ];
    expect(validateCriteriaSet(set).ok).toBe(true);
  });

  it('rejects an "exactly 100 %" tier that is not the last, or that leaves a gap before it', () => {
    const set = makeMinimalSet();
    ruleAt(set, '1.1.2', 'rate').tiers = [
      { fromPercent: 0, toPercent: 100, points: 0 },
      { fromPercent: 100, toPercent: 100, points: 1 },
      { fromPercent: 100, toPercent: 100, points: 1 },
    ];
    ruleAt(set, '1.3.2', 'rate').tiers = [
      { fromPercent: 0, toPercent: 99.99, points: 0 },
      { fromPercent: 100, toPercent: 100, points: 1 },
    ];
    expect(issuesOf(set)).toEqual([
      { path: 'fields[0].children[0].children[1].rule.tiers[1]', message: 'Mức 2 là mức "đúng 100%" (từ 100% đến 100%) nên phải là mức cuối cùng.' },
      { path: 'fields[0].children[2].children[1].rule.tiers[1].fromPercent', message: 'Các mức có khoảng trống: tỷ lệ từ 99,99% đến 100% không thuộc mức nào.' },
    ]);
  });

  it('requires tiers for thresholds and forbids them for proportional', () => {
    const set = makeMinimalSet();
    delete ruleAt(set, '1.1.2', 'rate').tiers;
    ruleAt(set, '2.1.1', 'rate').tiers = [{ fromPercent: 0, toPercent: 100, points: 2 }];
    expect(issuesOf(set).map((issue) => issue.path)).toEqual(['fields[0].children[0].children[1].rule.tiers', 'fields[1].children[0].children[0].rule.tiers']);
  });

  it('rejects a deduction per occurrence above the maximum', () => {
    const set = makeMinimalSet();
    ruleAt(set, '1.2.1', 'deduction').perOccurrence = 1.25;
    expect(onlyIssue(issuesOf(set)).path).toBe('fields[0].children[1].children[0].rule.perOccurrence');
  });

  it('rejects "not applicable" on a survey-scored criterion, saying why', () => {
    const set = makeMinimalSet();
    nodeAt(set, '2.3.1').notApplicableAllowed = true;
    const issue = onlyIssue(issuesOf(set));
    expect(issue.path).toBe('fields[1].children[2].children[0].notApplicableAllowed');
    expect(issue.message).toContain('điều tra xã hội học');
  });

  it('rejects adjustments with neither bonus nor penalty', () => {
    const set = makeMinimalSet();
    delete set.adjustments!.bonus;
    delete set.adjustments!.penalty;
    expect(onlyIssue(issuesOf(set)).path).toBe('adjustments');
  });
});

describe('validateCriteriaSet: classes', () => {
  it('rejects classes not sorted from high to low', () => {
    const set = makeMinimalSet();
    set.classes = [set.classes[0]!, set.classes[2]!, set.classes[1]!, set.classes[3]!, set.classes[4]!];
    const issue = onlyIssue(issuesOf(set));
    expect(issue.path).toBe('classes[2].minPercent');
    expect(issue.message).toContain('từ cao xuống thấp');
  });

  it('rejects two classes with the same threshold or name, and a lowest class above 0 %', () => {
    const set = makeMinimalSet();
    set.classes = [
      { name: 'Tốt', minPercent: 80 },
      { name: 'tốt', minPercent: 80 },
      { name: 'Yếu', minPercent: 10 },
    ];
    expect(issuesOf(set).map((issue) => issue.path)).toEqual(['classes[1].minPercent', 'classes[1].name', 'classes[2].minPercent']);
  });
});
