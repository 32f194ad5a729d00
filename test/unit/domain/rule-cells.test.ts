import { describe, expect, it } from 'vitest';
import type { ScoringRule } from '../../../shared/domain/criteria-set-schema';
import { ruleFromCells, ruleToCells, type RuleCells } from '../../../shared/domain/rule-cells';

const cellsOf = (rule: ScoringRule): RuleCells => {
  const cells = ruleToCells(rule);
  if (!cells.ok) throw new Error(cells.message);
  return cells.value;
};

const cases: [string, ScoringRule, RuleCells][] = [
  ['manual', { kind: 'manual', step: 0.25 }, { ruleWord: 'Tự chấm', step: 0.25 }],
  ['yes/no', { kind: 'yesNo' }, { ruleWord: 'Đạt/Không đạt' }],
  [
    'levels (ids from the labels)',
    { kind: 'levels', levels: [{ id: 'dung-han', label: 'Đúng hạn', points: 1 }, { id: 'cham', label: 'Chậm', points: 0.5 }, { id: 'khong-ban-hanh', label: 'Không ban hành', points: 0 }] },
    { ruleWord: 'Theo mức', levels: 'Đúng hạn = 1; Chậm = 0,5; Không ban hành = 0' },
  ],
  [
    'levels (own ids)',
    { kind: 'levels', levels: [{ id: 'dung-han', label: 'Ban hành đúng hạn', points: 1 }, { id: 'khong', label: 'Không ban hành', points: 0 }] },
    { ruleWord: 'Theo mức', levels: 'Ban hành đúng hạn = 1; Không ban hành = 0', levelIds: 'dung-han; khong' },
  ],
  [
    'rate, proportional',
    { kind: 'rate', numeratorLabel: 'Số hồ sơ đúng hạn', denominatorLabel: 'Tổng số hồ sơ', mode: 'proportional', noCases: 'full' },
    { ruleWord: 'Tỷ lệ thuận', numeratorLabel: 'Số hồ sơ đúng hạn', denominatorLabel: 'Tổng số hồ sơ', noCases: 'Đạt điểm tối đa' },
  ],
  [
    'rate, thresholds with the exactly-100 % tier',
    {
      kind: 'rate',
      numeratorLabel: 'Số hồ sơ đúng hạn',
      denominatorLabel: 'Tổng số hồ sơ',
      mode: 'thresholds',
      tiers: [{ fromPercent: 0, toPercent: 80, points: 0 }, { fromPercent: 80, toPercent: 100, points: 1 }, { fromPercent: 100, toPercent: 100, points: 2 }],
      noCases: 'notApplicable',
    },
    {
      ruleWord: 'Theo ngưỡng tỷ lệ',
      numeratorLabel: 'Số hồ sơ đúng hạn',
      denominatorLabel: 'Tổng số hồ sơ',
      tiers: '100% = 2; 80% - dưới 100% = 1; dưới 80% = 0',
      noCases: 'Không áp dụng',
    },
  ],
  [
    'deduction (floor below zero)',
    { kind: 'deduction', occurrenceLabel: 'Số báo cáo chậm', perOccurrence: 0.25, minPoints: -0.5 },
    { ruleWord: 'Trừ điểm', occurrenceLabel: 'Số báo cáo chậm', perOccurrence: 0.25, minPoints: -0.5 },
  ],
  ['survey', { kind: 'survey' }, { ruleWord: 'Điều tra xã hội học' }],
];

describe('a rule as the cells of a row, both ways', () => {
  it.each(cases)('%s', (_name, rule, cells) => {
    expect(cellsOf(rule)).toEqual(cells);
    expect(ruleFromCells(cells)).toEqual({ ok: true, rule });
  });

  it('reads numbers written as text with a decimal comma, and rule words without diacritics', () => {
    expect(ruleFromCells({ ruleWord: 'tu cham', step: '0,5' })).toEqual({ ok: true, rule: { kind: 'manual', step: 0.5 } });
    expect(ruleFromCells({ ruleWord: 'ĐẠT / KHÔNG ĐẠT' })).toEqual({ ok: true, rule: { kind: 'yesNo' } });
    expect(ruleFromCells({ ruleWord: 'Trừ điểm', occurrenceLabel: 'Lần chậm', perOccurrence: '0,25', minPoints: '-0,25' })).toEqual({
      ok: true,
      rule: { kind: 'deduction', occurrenceLabel: 'Lần chậm', perOccurrence: 0.25, minPoints: -0.25 },
    });
  });

  it('gives no rule for a row whose rule columns are all empty (a parent row)', () => {
    expect(ruleFromCells({ ruleWord: '  ' })).toEqual({ ok: true, rule: undefined });
  });
});

describe('problems in the rule cells, per column, in Vietnamese', () => {
  it('refuses an unknown rule word and lists the known ones', () => {
    expect(ruleFromCells({ ruleWord: 'Chấm tay' })).toEqual({
      ok: false,
      problems: [
        {
          column: 'ruleWord',
          message:
            'Không hiểu cách chấm "Chấm tay"; hãy ghi một trong: "Tự chấm", "Đạt/Không đạt", "Theo mức", "Tỷ lệ thuận", "Theo ngưỡng tỷ lệ", "Trừ điểm", "Điều tra xã hội học".',
        },
      ],
    });
  });
  it('asks for the rule word when only other rule columns are filled', () => {
    expect(ruleFromCells({ step: 0.25 })).toMatchObject({ ok: false, problems: [{ column: 'ruleWord' }] });
  });
  it('refuses "1.5" in a number cell written as text', () => {
    expect(ruleFromCells({ ruleWord: 'Tự chấm', step: '0.5' })).toEqual({
      ok: false,
      problems: [{ column: 'step', message: '"0.5" dùng dấu chấm; hãy dùng dấu phẩy cho phần thập phân, ví dụ 1,5 (không viết 1.5)' }],
    });
  });
  it('names every missing column of the kind, and every column the kind does not use', () => {
    expect(ruleFromCells({ ruleWord: 'Theo ngưỡng tỷ lệ', numeratorLabel: 'Số hồ sơ', step: 0.25 })).toEqual({
      ok: false,
      problems: [
        { column: 'step', message: 'Cách chấm "Theo ngưỡng tỷ lệ" không dùng cột "Bước điểm"; hãy để trống ô này.' },
        { column: 'denominatorLabel', message: 'Thiếu "Mẫu số (tỷ lệ)", ví dụ "Tổng số hồ sơ đã giải quyết".' },
        { column: 'noCases', message: 'Thiếu "Khi không phát sinh" ("Đạt điểm tối đa", "0 điểm", "Không áp dụng").' },
        { column: 'tiers', message: 'Thiếu "Ngưỡng tỷ lệ", ví dụ: 100% = 2; 80% - dưới 100% = 1; dưới 80% = 0.' },
      ],
    });
  });
  it('refuses an unknown "Khi không phát sinh" word, bad levels and bad level ids', () => {
    expect(ruleFromCells({ ruleWord: 'Tỷ lệ thuận', numeratorLabel: 'a', denominatorLabel: 'b', noCases: 'Tùy' })).toEqual({
      ok: false,
      problems: [{ column: 'noCases', message: 'Không hiểu "Tùy"; hãy ghi một trong: "Đạt điểm tối đa", "0 điểm", "Không áp dụng".' }],
    });
    expect(ruleFromCells({ ruleWord: 'Theo mức', levels: 'Đúng hạn 1' })).toMatchObject({ ok: false, problems: [{ column: 'levels' }] });
    expect(ruleFromCells({ ruleWord: 'Theo mức', levels: 'A = 1; B = 0', levelIds: 'a' })).toMatchObject({ ok: false, problems: [{ column: 'levelIds' }] });
  });
  it('refuses a negative step, and accepts a negative floor for a deduction only', () => {
    expect(ruleFromCells({ ruleWord: 'Tự chấm', step: -1 })).toEqual({ ok: false, problems: [{ column: 'step', message: 'Không được nhập số âm' }] });
  });
});
