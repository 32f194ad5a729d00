import { describe, expect, it } from 'vitest';
import { formatDateVi, formatDocumentDateVi, parseIsoDate } from '../../../shared/format/dates';

describe('formatDocumentDateVi (Nghị định 30/2020)', () => {
  it.each([
    ['2026-01-05', 'Đà Nẵng, ngày 05 tháng 01 năm 2026'],
    ['2026-02-28', 'Đà Nẵng, ngày 28 tháng 02 năm 2026'],
    ['2026-03-15', 'Đà Nẵng, ngày 15 tháng 3 năm 2026'],
    ['2026-03-09', 'Đà Nẵng, ngày 09 tháng 3 năm 2026'],
    ['2025-12-31', 'Đà Nẵng, ngày 31 tháng 12 năm 2025'],
    ['2025-10-10', 'Đà Nẵng, ngày 10 tháng 10 năm 2025'],
    ['2024-02-29', 'Đà Nẵng, ngày 29 tháng 02 năm 2024'],
  ])('%s → %j', (iso, text) => {
    expect(formatDocumentDateVi('Đà Nẵng', iso)).toBe(text);
  });
  it('trims the place and writes only the date without one', () => {
    expect(formatDocumentDateVi('  Hòa Vang ', '2026-01-05')).toBe('Hòa Vang, ngày 05 tháng 01 năm 2026');
    expect(formatDocumentDateVi('', '2026-01-05')).toBe('Ngày 05 tháng 01 năm 2026');
  });
  it.each(['2026-1-5', '2026-13-01', '2026-02-29', '2026-04-31', '05/01/2026', '2026-01-05T00:00:00Z', ''])('refuses %j', (bad) => {
    expect(() => formatDocumentDateVi('Đà Nẵng', bad)).toThrow(RangeError);
  });
});

describe('formatDateVi', () => {
  it('writes dd/mm/yyyy', () => {
    expect(formatDateVi('2026-01-05')).toBe('05/01/2026');
    expect(formatDateVi('2025-12-31')).toBe('31/12/2025');
    expect(formatDateVi('2026-03-15')).toBe('15/03/2026');
  });
  it('parses calendar dates only', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(() => formatDateVi('2025-02-29')).toThrow(RangeError);
  });
});
