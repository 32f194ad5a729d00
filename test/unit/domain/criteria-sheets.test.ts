import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../shared/domain/canonical-json';
import { setToSheets } from '../../../shared/domain/criteria-sheet/set-to-sheets';
import { sheetsToSet } from '../../../shared/domain/criteria-sheet/sheets-to-set';
import { validateCriteriaSet } from '../../../shared/domain/validate-criteria-set';

function sample(name: string) {
  const checked = validateCriteriaSet(JSON.parse(readFileSync(`seeds/${name}`, 'utf8')));
  if (!checked.ok) throw new Error('sample invalid');
  return checked.set;
}

describe('criteria set ↔ template sheets (pure)', () => {
  it.each(['sample-commune-2026.json', 'sample-department-2026.json'])('%s reads back to the same canonical set', (name) => {
    const set = sample(name);
    const sheets = setToSheets(set);
    if (!sheets.ok) throw new Error(sheets.message);
    const back = sheetsToSet([sheets.value.nodes, sheets.value.info]);
    if (!back.ok) throw new Error(JSON.stringify(back.problems.slice(0, 5)));
    expect(canonicalJson(back.set)).toBe(canonicalJson(set));
  });
});

describe('problems found by the same validation as JSON come back at their cell', () => {
  const sheetsOf = () => {
    const sheets = setToSheets(sample('sample-commune-2026.json'));
    if (!sheets.ok) throw new Error(sheets.message);
    return sheets.value;
  };
  const rowIndexOf = (grid: ReturnType<typeof sheetsOf>['nodes'], code: string) => grid.rows.findIndex((row) => row.cells[0] === code);

  it('maps a levels rule that never reaches the maximum to the "Các mức" cell of its row', () => {
    const { nodes, info } = sheetsOf();
    const i = rowIndexOf(nodes, '1.1.1');
    nodes.rows[i]!.cells[7] = 'Ban hành đúng hạn = 0,5; Ban hành chậm = 0,25; Không ban hành = 0';
    expect(sheetsToSet([nodes, info])).toEqual({
      ok: false,
      problems: [{ cell: `Bộ chỉ số!H${nodes.rows[i]!.row}`, message: 'Không có mức nào cho đủ điểm tối đa 1 của mục 1.1.1.' }],
    });
  });

  it('finds the header below a title row, reports an unknown column and a code typed as a decimal number', () => {
    const { nodes, info } = sheetsOf();
    const shifted = { name: nodes.name, rows: [{ row: 1, cells: ['BỘ CHỈ SỐ CCHC'] }, ...nodes.rows.map((row) => ({ row: row.row + 1, cells: [...row.cells] }))] };
    shifted.rows[1]!.cells[17] = 'Ghi chú';
    const i = rowIndexOf(shifted, '1.1');
    shifted.rows[i]!.cells[0] = 1.1;
    const read = sheetsToSet([shifted, info]);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems).toContainEqual({ cell: 'Bộ chỉ số!R2', message: expect.stringContaining('Cột "Ghi chú" không thuộc mẫu') });
    expect(read.problems).toContainEqual({ cell: `Bộ chỉ số!A${shifted.rows[i]!.row}`, message: expect.stringContaining('STT 1.1 đang là số thập phân') });
  });

  it('maps a class threshold problem to its cell on "Thông tin"', () => {
    const { nodes, info } = sheetsOf();
    const classRow = info.rows.find((row) => row.cells[1] === 'Yếu')!;
    classRow.cells[2] = 10;
    const read = sheetsToSet([nodes, info]);
    expect(read).toMatchObject({ ok: false, problems: [{ cell: `Thông tin!C${classRow.row}` }] });
  });
});
