import { describe, expect, it } from 'vitest';
import type { CriteriaNode } from '../../../shared/domain/criteria-set-schema';
import { leavesOf } from '../../../shared/domain/criteria-tree';
import { checkCorrections, mapLeaves, mappingOf, sourcesByNewCode, type LeafMappingRow } from '../../../shared/domain/leaf-mapping';
import { makeMinimalSet, nodeAt } from '../../helpers/criteria-set-fixture';

const yesNo = (code: string, title: string, maxPoints: number): CriteriaNode => ({ code, title, maxPoints, rule: { kind: 'yesNo' } });
const codes = (refs: { code: string }[]) => refs.map((ref) => ref.code);
const rowOf = (rows: LeafMappingRow[], newCode: string) => rows.find((row) => codes(row.to).includes(newCode));

describe('mapLeaves (last year set → next year set, one row per leaf)', () => {
  it('the same set maps every leaf to itself as "same", by code', () => {
    const rows = mapLeaves(makeMinimalSet(), makeMinimalSet());
    expect(rows).toHaveLength(leavesOf(makeMinimalSet()).length);
    expect(rows.every((row) => row.kind === 'same' && row.by === 'code' && row.from[0]!.code === row.to[0]!.code)).toBe(true);
  });

  it('renumbered: 1.3.1 and 1.3.2 swap places and are matched by title', () => {
    const next = makeMinimalSet();
    const group = nodeAt(next, '1.3');
    const [first, second] = group.children!;
    group.children = [{ ...second!, code: '1.3.1' }, { ...first!, code: '1.3.2' }, group.children![2]!];
    const rows = mapLeaves(makeMinimalSet(), next);
    expect(rowOf(rows, '1.3.2')).toMatchObject({ kind: 'renumbered', by: 'title', similarity: 1, corrected: false });
    expect(codes(rowOf(rows, '1.3.2')!.from)).toEqual(['1.3.1']);
    expect(codes(rowOf(rows, '1.3.1')!.from)).toEqual(['1.3.2']);
    expect(rows.some((row) => row.kind === 'new' || row.kind === 'removed')).toBe(false);
  });

  it('split: one leaf becomes two whose maxima add up; both new leaves are offered the old one', () => {
    const next = makeMinimalSet();
    nodeAt(next, '1.2').children = [
      yesNo('1.2.1', 'Thực hiện chế độ báo cáo cải cách hành chính định kỳ quý', 0.5),
      yesNo('1.2.2', 'Thực hiện chế độ báo cáo cải cách hành chính định kỳ năm', 0.5),
      { ...nodeAt(next, '1.2.2'), code: '1.2.3' },
    ];
    const rows = mapLeaves(makeMinimalSet(), next);
    const split = rowOf(rows, '1.2.1')!;
    expect(split).toMatchObject({ kind: 'split', by: 'split' });
    expect(codes(split.from)).toEqual(['1.2.1']);
    expect(codes(split.to)).toEqual(['1.2.1', '1.2.2']);
    expect(rows.filter((row) => row === split)).toHaveLength(1);
    expect(rowOf(rows, '1.2.3')).toMatchObject({ kind: 'renumbered' });
    expect(sourcesByNewCode(rows).get('1.2.2')).toEqual(['1.2.1']);
    expect(rows.some((row) => row.kind === 'removed')).toBe(false);
  });

  it('merged: two leaves become one whose maximum is their sum; the new leaf is offered both', () => {
    const next = makeMinimalSet();
    nodeAt(next, '2.1').children = [nodeAt(next, '2.1.1'), yesNo('2.1.2', 'Niêm yết đầy đủ thủ tục hành chính và công khai địa chỉ tiếp nhận phản ánh, kiến nghị', 2)];
    const rows = mapLeaves(makeMinimalSet(), next);
    const merged = rowOf(rows, '2.1.2')!;
    expect(merged).toMatchObject({ kind: 'merged', by: 'merged' });
    expect(codes(merged.from)).toEqual(['2.1.2.1', '2.1.2.2']);
    expect(sourcesByNewCode(rows).get('2.1.2')).toEqual(['2.1.2.1', '2.1.2.2']);
  });

  it('changed and new/removed, and the officer corrections win (a pair, or no counterpart)', () => {
    const next = makeMinimalSet();
    nodeAt(next, '1.1').children![2] = yesNo('1.1.3', 'Ứng dụng trí tuệ nhân tạo trong chỉ đạo điều hành', 1);
    const rows = mapLeaves(makeMinimalSet(), next);
    expect(rowOf(rows, '1.1.3')).toMatchObject({ kind: 'changed', by: 'code', details: expect.arrayContaining(['retitled']) });

    const cut = mapLeaves(makeMinimalSet(), next, { '1.1.3': null });
    expect(rowOf(cut, '1.1.3')).toMatchObject({ kind: 'new', from: [] });
    expect(cut.find((row) => row.kind === 'removed')).toMatchObject({ from: [expect.objectContaining({ code: '1.1.3' })], corrected: true });
    expect(mappingOf(cut)['1.1.3']).toBeNull();

    const swapped = mapLeaves(makeMinimalSet(), makeMinimalSet(), { '1.3.1': '1.3.2', '1.3.2': '1.3.1' });
    expect(rowOf(swapped, '1.3.2')).toMatchObject({ kind: 'renumbered', by: 'mapping', corrected: true });
    expect(codes(rowOf(swapped, '1.3.2')!.from)).toEqual(['1.3.1']);
  });

  it('checkCorrections refuses codes that are not leaves and two old leaves on one new leaf', () => {
    const set = makeMinimalSet();
    expect(checkCorrections(set, set, { '1.3.1': '1.3.2' })).toBeNull();
    expect(checkCorrections(set, set, { '9.9': null })).toContain('9.9');
    expect(checkCorrections(set, set, { '1.3.1': '1.3' })).toContain('1.3');
    expect(checkCorrections(set, set, { '1.3.1': '1.3.2', '1.3.3': '1.3.2' })).toContain('hai tiêu chí');
  });
});
