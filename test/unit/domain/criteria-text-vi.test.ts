import { describe, expect, it } from 'vitest';
import {
  levelIdsFromLabels,
  parseLevelIds,
  parseLevelsVi,
  parseNumberVi,
  parseTiersVi,
  parseYesNoVi,
  printLevelIds,
  printLevelsVi,
  printTiersVi,
} from '../../../shared/domain/criteria-text-vi';

describe('numbers with a decimal comma', () => {
  it('reads "1,5" and refuses "1.5" with a message that says to use a comma', () => {
    expect(parseNumberVi('1,5')).toEqual({ ok: true, value: 1.5 });
    expect(parseNumberVi(' 0,25 ')).toEqual({ ok: true, value: 0.25 });
    expect(parseNumberVi('1.5')).toEqual({ ok: false, message: '"1.5" dùng dấu chấm; hãy dùng dấu phẩy cho phần thập phân, ví dụ 1,5 (không viết 1.5)' });
    expect(parseNumberVi('-0,25')).toEqual({ ok: false, message: 'Không được nhập số âm' });
    expect(parseNumberVi('-0,25', true)).toEqual({ ok: true, value: -0.25 });
    expect(parseNumberVi('0,1234')).toEqual({ ok: false, message: 'Chỉ được nhập tối đa 3 chữ số thập phân' });
  });
});

describe('levels: "Đúng hạn = 1; Chậm = 0,5; Không ban hành = 0"', () => {
  const levels = [
    { label: 'Đúng hạn', points: 1 },
    { label: 'Chậm', points: 0.5 },
    { label: 'Không ban hành', points: 0 },
  ];
  it('parses and prints both ways', () => {
    expect(parseLevelsVi('Đúng hạn = 1; Chậm = 0,5; Không ban hành = 0')).toEqual({ ok: true, value: levels });
    expect(printLevelsVi(levels)).toEqual({ ok: true, value: 'Đúng hạn = 1; Chậm = 0,5; Không ban hành = 0' });
  });
  it('accepts one level per line, commas inside a label, and a trailing semicolon', () => {
    expect(parseLevelsVi('Có quy chế, cập nhật kịp thời = 1\nKhông có = 0;')).toEqual({
      ok: true,
      value: [
        { label: 'Có quy chế, cập nhật kịp thời', points: 1 },
        { label: 'Không có', points: 0 },
      ],
    });
  });
  it.each([
    ['Đúng hạn: 1; Chậm = 0', 'Mức "Đúng hạn: 1" chưa đúng dạng "tên mức = điểm"; ví dụ: Đúng hạn = 1; Chậm = 0,5; Không ban hành = 0'],
    ['= 1; Chậm = 0', 'Mức "= 1" chưa đúng dạng "tên mức = điểm"; ví dụ: Đúng hạn = 1; Chậm = 0,5; Không ban hành = 0'],
    ['Đúng hạn = 1; Chậm = 0.5', 'Mức "Chậm": "0.5" dùng dấu chấm; hãy dùng dấu phẩy cho phần thập phân, ví dụ 1,5 (không viết 1.5)'],
    ['Đúng hạn = một', 'Mức "Đúng hạn": Số không hợp lệ; nhập ví dụ 8,5'],
    [' ; ', 'Chưa ghi các mức; ví dụ: Đúng hạn = 1; Chậm = 0,5; Không ban hành = 0'],
  ])('refuses %j in Vietnamese', (text, message) => {
    expect(parseLevelsVi(text)).toEqual({ ok: false, message });
  });
  it('refuses to print a label with a semicolon (it would not read back)', () => {
    expect(printLevelsVi([{ label: 'A; B', points: 1 }]).ok).toBe(false);
  });
});

describe('level ids', () => {
  it('derives ids from labels, unique, and leaves the cell empty when they are the derived ones', () => {
    expect(levelIdsFromLabels(['Đúng hạn', 'Chậm', 'Chậm', '!!!'])).toEqual(['dung-han', 'cham', 'cham-2', 'muc']);
    expect(printLevelIds([{ id: 'dung-han', label: 'Đúng hạn' }, { id: 'cham', label: 'Chậm' }])).toBe('');
    expect(printLevelIds([{ id: 'dung-han', label: 'Ban hành đúng hạn' }, { id: 'cham', label: 'Ban hành chậm' }])).toBe('dung-han; cham');
  });
  it('reads given ids and checks their shape and count', () => {
    expect(parseLevelIds('dung-han; cham', 2)).toEqual({ ok: true, value: ['dung-han', 'cham'] });
    expect(parseLevelIds('Đúng hạn; cham', 2)).toEqual({ ok: false, message: 'Mã mức "Đúng hạn" chỉ được gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ dung-han.' });
    expect(parseLevelIds('a; b; c', 2)).toEqual({ ok: false, message: 'Có 3 mã mức nhưng 2 mức; hãy ghi mỗi mức một mã, cách nhau bằng dấu chấm phẩy.' });
  });
});

describe('tiers: "100% = 2; 80% - dưới 100% = 1; dưới 80% = 0"', () => {
  const exact = [
    { fromPercent: 0, toPercent: 80, points: 0 },
    { fromPercent: 80, toPercent: 100, points: 1 },
    { fromPercent: 100, toPercent: 100, points: 2 },
  ];
  it('parses the exactly-100 % form and prints it back the same', () => {
    expect(parseTiersVi('100% = 2; 80% - dưới 100% = 1; dưới 80% = 0')).toEqual({ ok: true, value: exact });
    expect(printTiersVi(exact)).toBe('100% = 2; 80% - dưới 100% = 1; dưới 80% = 0');
  });
  it('prints the top tier that holds 100 % as "từ X% trở lên" and reads it back', () => {
    const tiers = [
      { fromPercent: 0, toPercent: 33.333, points: 0 },
      { fromPercent: 33.333, toPercent: 90, points: 0.75 },
      { fromPercent: 90, toPercent: 100, points: 1.5 },
    ];
    const text = printTiersVi(tiers);
    expect(text).toBe('từ 90% trở lên = 1,5; 33,333% - dưới 90% = 0,75; dưới 33,333% = 0');
    expect(parseTiersVi(text)).toEqual({ ok: true, value: tiers });
    expect(printTiersVi([{ fromPercent: 0, toPercent: 100, points: 1 }])).toBe('0% - 100% = 1');
    expect(parseTiersVi('0% - 100% = 1')).toEqual({ ok: true, value: [{ fromPercent: 0, toPercent: 100, points: 1 }] });
  });
  it('accepts other common spellings, without diacritics or with an en dash', () => {
    expect(parseTiersVi('Từ 80% đến dưới 100% = 1\nduoi 80 % = 0\nĐạt 100% = 2')).toEqual({ ok: true, value: exact });
    expect(parseTiersVi('dưới 50% = 0; 50% – 100% = 1')).toEqual({
      ok: true,
      value: [
        { fromPercent: 0, toPercent: 50, points: 0 },
        { fromPercent: 50, toPercent: 100, points: 1 },
      ],
    });
  });
  it.each([
    ['90% = 2; dưới 90% = 0', 'Ngưỡng "90% = 2": chỉ mức 100% được ghi một giá trị; hãy ghi một khoảng, ví dụ "90% - dưới 100%"; ví dụ: 100% = 2; 80% - dưới 100% = 1; dưới 80% = 0'],
    ['70% - 90% = 1', 'Ngưỡng "70% - 90% = 1": không rõ 90% thuộc mức nào: hãy viết "70% - dưới 90%"; ví dụ: 100% = 2; 80% - dưới 100% = 1; dưới 80% = 0'],
    ['dưới 80.5% = 0', 'Ngưỡng "dưới 80.5% = 0": "80.5" dùng dấu chấm; hãy dùng dấu phẩy cho phần thập phân, ví dụ 1,5 (không viết 1.5); ví dụ: 100% = 2; 80% - dưới 100% = 1; dưới 80% = 0'],
    ['dưới 80% = 0.5', 'Ngưỡng "dưới 80% = 0.5": "0.5" dùng dấu chấm; hãy dùng dấu phẩy cho phần thập phân, ví dụ 1,5 (không viết 1.5)'],
    ['dưới 180% = 0', 'Ngưỡng "dưới 180% = 0": tỷ lệ 180% lớn hơn 100%; ví dụ: 100% = 2; 80% - dưới 100% = 1; dưới 80% = 0'],
    ['khoảng 80% = 1', 'Ngưỡng "khoảng 80% = 1": không đọc được khoảng tỷ lệ; ví dụ: 100% = 2; 80% - dưới 100% = 1; dưới 80% = 0'],
    ['dưới 80%', 'Ngưỡng "dưới 80%" chưa đúng dạng "khoảng tỷ lệ = điểm"; ví dụ: 100% = 2; 80% - dưới 100% = 1; dưới 80% = 0'],
  ])('refuses %j in Vietnamese', (text, message) => {
    expect(parseTiersVi(text)).toEqual({ ok: false, message });
  });
});

describe('Có / Không', () => {
  it('reads Có, Không, x, and refuses anything else', () => {
    expect(parseYesNoVi('Có')).toEqual({ ok: true, value: true });
    expect(parseYesNoVi(' khong ')).toEqual({ ok: true, value: false });
    expect(parseYesNoVi('x')).toEqual({ ok: true, value: true });
    expect(parseYesNoVi('Được')).toEqual({ ok: false, message: '"Được" không phải Có hoặc Không.' });
  });
});
