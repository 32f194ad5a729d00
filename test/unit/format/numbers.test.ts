import { describe, expect, it } from 'vitest';
import { formatDecimalVi, formatPercentVi, formatPointsVi, parseCountVi, parseDecimalVi } from '../../../shared/format/numbers';

describe('parseDecimalVi', () => {
  it.each([
    ['8,5', 8.5],
    ['8.5', 8.5],
    [' 8,50 ', 8.5],
    ['0', 0],
    ['0,25', 0.25],
    ['10', 10],
    ['08,125', 8.125],
    ['2,5000', 2.5], // trailing zeros do not count as decimals
    ['\u00a07,75\t', 7.75],
  ])('accepts %j as %s', (text, value) => {
    expect(parseDecimalVi(text)).toEqual({ ok: true, value });
  });
  it.each([
    ['', 'Chưa nhập số'],
    ['   ', 'Chưa nhập số'],
    ['abc', 'Số không hợp lệ; nhập ví dụ 8,5'],
    ['8,5,1', 'Số không hợp lệ; nhập ví dụ 8,5'],
    ['8,', 'Số không hợp lệ; nhập ví dụ 8,5'],
    [',5', 'Số không hợp lệ; nhập ví dụ 8,5'],
    ['1e3', 'Số không hợp lệ; nhập ví dụ 8,5'],
    ['+1', 'Số không hợp lệ; nhập ví dụ 8,5'],
    ['1.000,5', 'Không dùng dấu phân cách hàng nghìn; chỉ dùng một dấu phẩy cho phần thập phân, ví dụ 8,5'],
    ['1,000.5', 'Không dùng dấu phân cách hàng nghìn; chỉ dùng một dấu phẩy cho phần thập phân, ví dụ 8,5'],
    ['0,1234', 'Chỉ được nhập tối đa 3 chữ số thập phân'],
    ['-1', 'Không được nhập số âm'],
    ['1234567890123', 'Số quá lớn'],
  ])('refuses %j with a Vietnamese message', (text, message) => {
    expect(parseDecimalVi(text)).toEqual({ ok: false, message });
  });
  it('accepts negatives only when allowed', () => {
    expect(parseDecimalVi('-0,25', { allowNegative: true })).toEqual({ ok: true, value: -0.25 });
    expect(parseDecimalVi('\u22121,5', { allowNegative: true })).toEqual({ ok: true, value: -1.5 });
    expect(parseDecimalVi('-0', { allowNegative: true })).toEqual({ ok: true, value: 0 });
    expect(Object.is((parseDecimalVi('-0', { allowNegative: true }) as { value: number }).value, -0)).toBe(false);
  });
  it('honours a smaller number of decimals', () => {
    expect(parseDecimalVi('8,125', { maxDecimals: 2 })).toEqual({ ok: false, message: 'Chỉ được nhập tối đa 2 chữ số thập phân' });
    expect(parseDecimalVi('8,12', { maxDecimals: 2 })).toEqual({ ok: true, value: 8.12 });
  });
});

describe('parseCountVi', () => {
  it.each([
    ['0', 0],
    [' 125 ', 125],
    ['007', 7],
  ])('accepts %j', (text, value) => {
    expect(parseCountVi(text)).toEqual({ ok: true, value });
  });
  it.each([
    ['-1', 'Số lượng phải là số nguyên không âm'],
    ['1,5', 'Số lượng phải là số nguyên không âm'],
    ['1.250', 'Số lượng phải là số nguyên không âm'],
    ['abc', 'Số lượng phải là số nguyên không âm'],
    ['', 'Chưa nhập số lượng'],
    ['99999999999999999', 'Số quá lớn'],
  ])('refuses %j', (text, message) => {
    expect(parseCountVi(text)).toEqual({ ok: false, message });
  });
});

describe('formatPointsVi', () => {
  it.each([
    [8750, '8,75'],
    [0, '0'],
    [-0, '0'],
    [2000, '2'],
    [125, '0,125'],
    [100_000, '100'],
    [-250, '-0,25'],
    [68_320, '68,32'],
  ])('%i milli → %j', (milli, text) => {
    expect(formatPointsVi(milli)).toBe(text);
  });
  it('shows exactly the given decimals (rounded half-up)', () => {
    expect(formatPointsVi(8750, 2)).toBe('8,75');
    expect(formatPointsVi(8000, 2)).toBe('8,00');
    expect(formatPointsVi(8125, 2)).toBe('8,13');
    expect(formatPointsVi(8500, 0)).toBe('9');
    expect(formatPointsVi(-1250, 1)).toBe('-1,3');
    expect(formatPointsVi(0, 2)).toBe('0,00');
  });
  it('formats set decimals', () => {
    expect(formatDecimalVi(0.25)).toBe('0,25');
    expect(formatDecimalVi(62.5)).toBe('62,5');
  });
});

describe('formatPercentVi', () => {
  it.each([
    [81.33, '81,33'],
    [100, '100,00'],
    [0, '0,00'],
    [92.8, '92,80'],
    [-5.5, '-5,50'],
  ])('%s → %j', (p, text) => {
    expect(formatPercentVi(p)).toBe(text);
  });
});

describe('parseDecimalVi with commaOnly (written files)', () => {
  it('accepts a decimal comma and refuses a dot, saying to use a comma', () => {
    expect(parseDecimalVi('1,5', { commaOnly: true })).toEqual({ ok: true, value: 1.5 });
    expect(parseDecimalVi('1.5', { commaOnly: true })).toEqual({ ok: false, message: '"1.5" dùng dấu chấm; hãy dùng dấu phẩy cho phần thập phân, ví dụ 1,5 (không viết 1.5)' });
    expect(parseDecimalVi('1.5')).toEqual({ ok: true, value: 1.5 });
  });
});
