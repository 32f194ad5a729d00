/** The example table in the README's "Criteria sets in Excel" section reads as a valid set. */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SheetGrid } from '../../../shared/domain/criteria-sheet/layout';
import { sheetsToSet } from '../../../shared/domain/criteria-sheet/sheets-to-set';

function readmeTable(): string[][] {
  const readme = fs.readFileSync('README.md', 'utf8');
  const section = readme.slice(readme.indexOf('## Criteria sets in Excel'));
  const lines = section.split('\n').filter((line) => line.startsWith('|'));
  return lines
    .filter((line) => !/^\|(-+\|)+$/.test(line))
    .map((line) => line.slice(1, -1).split('|').map((cell) => cell.trim()));
}

const INFO: SheetGrid = {
  name: 'Thông tin',
  rows: [
    ['Thông tin', 'Giá trị', 'Từ tỷ lệ (%)'],
    ['Mã bộ chỉ số', 'vi-du-readme-2026'],
    ['Tên bộ chỉ số', 'Ví dụ trong README'],
    ['Cấp', 'Xã, phường'],
    ['Năm', 2026],
    ['Cơ quan ban hành', 'Sở Nội vụ'],
    ['Trạng thái', 'Dự thảo'],
    ['Số chữ số thập phân khi làm tròn', 2],
    ['Cách làm tròn', 'Làm tròn nửa lên'],
    ['Tổng điểm tối đa', '4'],
    ['Xếp loại', 'Tốt', 80],
    ['Xếp loại', 'Chưa tốt', 0],
  ].map((cells, i) => ({ row: i + 1, cells })),
};

describe('the README example of the .xlsx template', () => {
  it('reads as a valid set with every documented column in use', () => {
    const rows = readmeTable();
    expect(rows[0]?.slice(0, 3)).toEqual(['STT', 'Lĩnh vực/Tiêu chí/Tiêu chí thành phần', 'Điểm tối đa']);
    const nodes: SheetGrid = { name: 'Bộ chỉ số', rows: rows.map((cells, i) => ({ row: i + 1, cells: cells.map((cell) => (cell === '' ? undefined : cell)) })) };
    const read = sheetsToSet([nodes, INFO]);
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(read.stats).toMatchObject({ fields: 1, leaves: 4, ruleKinds: ['deduction', 'levels', 'manual', 'rate'] });
    expect(read.set.fields[0]!.children![1]!.rule).toMatchObject({ tiers: [{ fromPercent: 0, toPercent: 80 }, { fromPercent: 80, toPercent: 100 }, { fromPercent: 100, toPercent: 100, points: 2 }] });
  });
});
