import { describe, expect, it } from 'vitest';
import type { CriteriaSet } from '../../../shared/domain/criteria-set-schema';
import { MAX_CRITERIA_SET_BYTES } from '../../../shared/domain/validate-criteria-set';
import { makeMinimalSet, nodeAt } from '../../helpers/criteria-set-fixture';
import { issuesOf, issuesOfText, onlyIssue } from '../../helpers/criteria-set-validation';

describe('validateCriteriaSet: schema errors in Vietnamese', () => {
  it('names an unknown key in the path', () => {
    const set = makeMinimalSet();
    Object.assign(nodeAt(set, '2.1'), { foo: 1, 'ghi chú': 'x' });
    expect(issuesOf(set)).toEqual([
      { path: 'fields[1].children[0].foo', message: 'Khóa không được phép: "foo".' },
      { path: 'fields[1].children[0]["ghi chú"]', message: 'Khóa không được phép: "ghi chú".' },
    ]);
  });

  it('rejects a number too large to be finite (1e400 in the file)', () => {
    const text = JSON.stringify(makeMinimalSet()).replace('"maxPoints":2.5', '"maxPoints":1e400');
    expect(text).toContain('1e400');
    const issue = onlyIssue(issuesOfText(text));
    expect(issue.path).toBe('fields[1].children[2].children[0].maxPoints');
    expect(issue.message).toContain('số hữu hạn');
  });

  it('reports missing fields, wrong types, wrong enum values and an unknown rule kind', () => {
    const set = makeMinimalSet() as unknown as Record<string, unknown>;
    delete set.title;
    set.year = '2026';
    set.format = 'par-criteria-set/v2';
    set.rounding = { decimals: 1.5, mode: 'half-up' };
    Object.assign(nodeAt(set as unknown as CriteriaSet, '1.1.3'), { rule: { kind: 'tuDanhGia' } });
    expect(issuesOf(set)).toEqual([
      { path: 'format', message: 'Giá trị phải là "par-criteria-set/v1".' },
      { path: 'title', message: 'Thiếu trường bắt buộc.' },
      { path: 'year', message: 'Sai kiểu dữ liệu: cần một số, nhưng tệp ghi một chuỗi văn bản.' },
      { path: 'rounding.decimals', message: 'Phải là số nguyên.' },
      {
        path: 'fields[0].children[0].children[2].rule.kind',
        message: 'Giá trị phải là một trong: "manual", "yesNo", "levels", "rate", "deduction", "survey".',
      },
    ]);
  });

  it('keeps messages written in the schema and says when a text is blank', () => {
    const set = makeMinimalSet();
    set.id = 'Bộ Chỉ Số';
    nodeAt(set, '1.1').title = '   ';
    expect(issuesOf(set)).toEqual([
      { path: 'id', message: 'mã bộ chỉ số chỉ gồm chữ thường, số và dấu gạch ngang' },
      { path: 'fields[0].children[0].title', message: 'Không được để trống.' },
    ]);
  });

  it('lists at most 200 issues, the last one counting the rest', () => {
    const set = makeMinimalSet() as unknown as Record<string, unknown>;
    for (let i = 0; i < 250; i++) set[`extra${i}`] = i;
    const issues = issuesOf(set);
    expect(issues).toHaveLength(200);
    expect(issues[198]!.path).toBe('extra198');
    expect(issues[199]).toEqual({ path: '', message: 'Còn 51 lỗi khác chưa liệt kê; hãy sửa các lỗi trên rồi kiểm tra lại.' });
  });
});

describe('validateCriteriaSetText: the file itself', () => {
  it('rejects a file over 2 MiB, counting UTF-8 bytes', () => {
    const set = makeMinimalSet();
    set.fields[0]!.guidance = 'ệ'.repeat(700_000); // 700,000 characters but 2,100,000 bytes
    const text = JSON.stringify(set);
    expect(text.length).toBeLessThan(MAX_CRITERIA_SET_BYTES);
    expect(onlyIssue(issuesOfText(text))).toEqual({ path: '', message: 'Tệp quá lớn: giới hạn là 2 MB.' });
  });

  it('rejects a duplicate key in the file with its path', () => {
    const text = JSON.stringify(makeMinimalSet()).replace('"code":"1.1.1",', '"code":"1.1.1","code":"1.1.9",');
    const issue = onlyIssue(issuesOfText(text));
    expect(issue.path).toBe('fields[0].children[0].children[0].code');
    expect(issue.message).toContain('bị lặp lại');
  });

  it('rejects text that is not JSON, and JSON nested too deep', () => {
    expect(onlyIssue(issuesOfText('{"format": "par-criteria-set/v1",}')).message).toContain('dòng 1, cột 34');
    expect(onlyIssue(issuesOfText('['.repeat(100_000))).message).toContain('quá sâu');
  });
});
