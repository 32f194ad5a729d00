import { describe, expect, it } from 'vitest';
import type { CriteriaNode, CriteriaSet } from '../../../shared/domain/criteria-set-schema';
import { diffCriteriaSets, titleSimilarity } from '../../../shared/domain/criteria-diff';
import { diffTextVi } from '../../../shared/domain/criteria-diff-text';
import { makeMinimalSet, nodeAt } from '../../helpers/criteria-set-fixture';

const yesNo = (code: string, title: string, maxPoints: number): CriteriaNode => ({ code, title, maxPoints, rule: { kind: 'yesNo' } });
const kinds = (set: CriteriaSet, other: CriteriaSet) => diffCriteriaSets(set, other).changes.map((change) => change.kind);

describe('titleSimilarity (Vietnamese folding)', () => {
  it('ignores case, diacritics and đ, and scores shared words', () => {
    expect(titleSimilarity('Kế hoạch CCHC năm', 'ke hoach cchc NAM')).toBe(1);
    expect(titleSimilarity('Đào tạo công chức', 'Dao tao vien chuc')).toBe(0.75);
    expect(titleSimilarity('Ngân sách', 'Ký số')).toBe(0);
  });
});

describe('diffCriteriaSets', () => {
  it('finds nothing between a set and itself', () => {
    const diff = diffCriteriaSets(makeMinimalSet(), makeMinimalSet());
    expect(diff.changes).toEqual([]);
    expect(diff.matches.every((match) => match.by === 'code')).toBe(true);
  });

  it('renumbered: 1.3.1 and 1.3.2 swap places, matched by title', () => {
    const next = makeMinimalSet();
    const group = nodeAt(next, '1.3');
    const [first, second] = group.children!;
    group.children = [{ ...second!, code: '1.3.1' }, { ...first!, code: '1.3.2' }, group.children![2]!];
    const diff = diffCriteriaSets(makeMinimalSet(), next);
    expect(diff.changes).toEqual([
      { kind: 'renumbered', from: expect.objectContaining({ code: '1.3.1' }), to: expect.objectContaining({ code: '1.3.2' }) },
      { kind: 'renumbered', from: expect.objectContaining({ code: '1.3.2' }), to: expect.objectContaining({ code: '1.3.1' }) },
    ]);
    expect(diff.matches.filter((match) => match.by === 'title').map((match) => `${match.from.code}→${match.to.code}`)).toEqual(['1.3.1→1.3.2', '1.3.2→1.3.1']);
  });

  it('moved: 1.1.3 goes to criterion 1.2 as 1.2.3 (and the maxima follow)', () => {
    const next = makeMinimalSet();
    const moving = nodeAt(next, '1.1.3');
    nodeAt(next, '1.1').children!.pop();
    nodeAt(next, '1.1').maxPoints = 2;
    nodeAt(next, '1.2').children!.push({ ...moving, code: '1.2.3' });
    nodeAt(next, '1.2').maxPoints = 3;
    const diff = diffCriteriaSets(makeMinimalSet(), next);
    expect(diff.changes).toContainEqual({ kind: 'moved', from: expect.objectContaining({ code: '1.1.3' }), to: expect.objectContaining({ code: '1.2.3' }), fromParent: '1.1', toParent: '1.2' });
    expect(diff.changes.filter((change) => change.kind === 'maxChanged').map((change) => (change.kind === 'maxChanged' ? change.to.code : ''))).toEqual(['1.1', '1.2']);
  });

  it('retitled: same code, new wording; and a changed rule and maximum are named', () => {
    const next = makeMinimalSet();
    nodeAt(next, '1.1.3').title = 'Bảo đảm kinh phí cho công tác cải cách hành chính';
    nodeAt(next, '1.3.3').rule = { kind: 'manual', step: 0.5 };
    const diff = diffCriteriaSets(makeMinimalSet(), next);
    expect(diff.changes).toEqual([
      { kind: 'retitled', from: expect.objectContaining({ code: '1.1.3', title: 'Bố trí kinh phí thực hiện Kế hoạch cải cách hành chính' }), to: expect.objectContaining({ code: '1.1.3' }) },
      { kind: 'ruleChanged', from: expect.objectContaining({ code: '1.3.3' }), to: expect.objectContaining({ code: '1.3.3' }), fromRule: expect.stringContaining('bước 0,25'), toRule: expect.stringContaining('bước 0,5') },
    ]);
  });

  it('split: one criterion becomes two whose maxima add up to it', () => {
    const next = makeMinimalSet();
    nodeAt(next, '1.2').children = [
      yesNo('1.2.1', 'Thực hiện chế độ báo cáo cải cách hành chính định kỳ quý', 0.5),
      yesNo('1.2.2', 'Thực hiện chế độ báo cáo cải cách hành chính định kỳ năm', 0.5),
      { ...nodeAt(next, '1.2.2'), code: '1.2.3' },
    ];
    const diff = diffCriteriaSets(makeMinimalSet(), next);
    expect(diff.changes).toContainEqual({
      kind: 'split',
      from: expect.objectContaining({ code: '1.2.1' }),
      into: [expect.objectContaining({ code: '1.2.1' }), expect.objectContaining({ code: '1.2.2' })],
    });
    expect(kinds(makeMinimalSet(), next)).not.toContain('removed');
  });

  it('merged: two criteria become one whose maximum is their sum', () => {
    const next = makeMinimalSet();
    nodeAt(next, '2.1').children = [nodeAt(next, '2.1.1'), yesNo('2.1.2', 'Niêm yết đầy đủ thủ tục hành chính và công khai địa chỉ tiếp nhận phản ánh, kiến nghị', 2)];
    const diff = diffCriteriaSets(makeMinimalSet(), next);
    expect(diff.changes).toContainEqual({
      kind: 'merged',
      from: [expect.objectContaining({ code: '2.1.2.1' }), expect.objectContaining({ code: '2.1.2.2' })],
      into: expect.objectContaining({ code: '2.1.2' }),
    });
  });

  it('added and removed, and an explicit mapping overrides the matching', () => {
    const next = makeMinimalSet();
    nodeAt(next, '1.1').children![2] = yesNo('1.1.3', 'Ứng dụng trí tuệ nhân tạo trong chỉ đạo điều hành', 1);
    expect(kinds(makeMinimalSet(), next)).toEqual(['retitled']);
    const forced = diffCriteriaSets(makeMinimalSet(), next, { '1.1.3': null });
    expect(forced.changes.map((change) => change.kind)).toEqual(['removed', 'added']);
    expect(diffTextVi(forced, 'a.json', 'b.json')).toContain('+ Thêm 1.1.3 "Ứng dụng trí tuệ nhân tạo trong chỉ đạo điều hành" (1 điểm)');

    const renamed = makeMinimalSet();
    nodeAt(renamed, '1.3').children!.reverse();
    const mapped = diffCriteriaSets(makeMinimalSet(), renamed, { '1.3.1': '1.3.1' });
    expect(mapped.matches).toContainEqual(expect.objectContaining({ from: expect.objectContaining({ code: '1.3.1' }), by: 'mapping' }));
  });
});
