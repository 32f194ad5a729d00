/** Dates typed the Vietnamese way (dd/mm/yyyy), independent of the browser's or the OS's locale. */
import { describe, expect, it } from 'vitest';
import { maskDateVi, parseDateVi } from '../../../shared/format/dates';

describe('parseDateVi', () => {
  it('reads day first: 10/01/2026 is the 10th of January, never 1 October', () => {
    expect(parseDateVi('10/01/2026')).toEqual({ ok: true, iso: '2026-01-10' });
    expect(parseDateVi('5/1/2026')).toEqual({ ok: true, iso: '2026-01-05' });
    expect(parseDateVi(' 29.02.2028 ')).toEqual({ ok: true, iso: '2028-02-29' });
    expect(parseDateVi('')).toEqual({ ok: true, iso: null });
  });

  it('refuses an impossible date and says why, in Vietnamese', () => {
    expect(parseDateVi('31/02/2026')).toEqual({ ok: false, message: 'Ngày 31/02/2026 không có thật: tháng 2 năm 2026 chỉ có 28 ngày.' });
    expect(parseDateVi('10/13/2026')).toEqual({ ok: false, message: 'Không có tháng 13: tháng phải từ 1 đến 12.' });
    expect(parseDateVi('2026-01-10')).toEqual({ ok: false, message: 'Ngày phải viết theo dạng ngày/tháng/năm, ví dụ 05/01/2026.' });
    expect(parseDateVi('00/01/2026').ok).toBe(false);
  });

  it('puts the slashes in while typing', () => {
    expect(['1', '10', '100', '1001', '10012', '10012026', '100120261'].map(maskDateVi)).toEqual(['1', '10', '10/0', '10/01', '10/01/2', '10/01/2026', '10/01/2026']);
    expect(maskDateVi('5/1/2026')).toBe('5/1/2026');
    expect(maskDateVi('05-01-2026')).toBe('05/01/2026');
    expect(maskDateVi('ab12')).toBe('12');
  });
});
