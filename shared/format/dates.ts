/**
 * Dates in Vietnamese administrative documents (Nghị định 30/2020/NĐ-CP, Phụ lục I):
 * "Đà Nẵng, ngày 05 tháng 01 năm 2026" — a day below 10 and the months 1 and 2 take a leading
 * zero; months 3 to 12 are written without one ("ngày 15 tháng 3 năm 2026").
 */

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses a calendar date "YYYY-MM-DD" (no time, no zone); throws RangeError otherwise. */
export function parseIsoDate(isoDate: string): CalendarDate {
  const match = ISO_DATE_RE.exec(isoDate);
  if (!match) throw new RangeError(`not a date YYYY-MM-DD: ${isoDate}`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`no such date: ${isoDate}`);
  }
  return { year, month, day };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** "ngày 05 tháng 01 năm 2026", "ngày 15 tháng 3 năm 2026". */
export function formatDocumentDayVi(isoDate: string): string {
  const { year, month, day } = parseIsoDate(isoDate);
  const monthText = month < 3 ? pad2(month) : String(month);
  return `ngày ${pad2(day)} tháng ${monthText} năm ${year}`;
}

/** The place-and-date line of a document: "Đà Nẵng, ngày 05 tháng 01 năm 2026". */
export function formatDocumentDateVi(place: string, isoDate: string): string {
  const day = formatDocumentDayVi(isoDate);
  const where = place.trim();
  return where ? `${where}, ${day}` : `N${day.slice(1)}`;
}

/** Short date for tables and lists: "05/01/2026". */
export function formatDateVi(isoDate: string): string {
  const { year, month, day } = parseIsoDate(isoDate);
  return `${pad2(day)}/${pad2(month)}/${year}`;
}

/**
 * Typing a date the Vietnamese way, whatever the language of the browser or of Windows: a text
 * field "dd/mm/yyyy" (a date input would follow the OS locale and read 10/01/2026 as 1 October).
 */
export const DATE_INPUT_PLACEHOLDER = 'dd/mm/yyyy';

export type DateParse = { ok: true; iso: string | null } | { ok: false; message: string };

const DATE_VI_RE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/** Keeps digits and separators and puts the slashes in while typing: "1001" → "10/01", "10012026" → "10/01/2026". */
export function maskDateVi(text: string): string {
  const cleaned = text.replace(/[.-]/g, '/').replace(/[^\d/]/g, '');
  if (cleaned.includes('/')) return cleaned.slice(0, 10);
  const d = cleaned.slice(0, 8);
  if (d.length <= 2) return d;
  if (d.length <= 4) return `${d.slice(0, 2)}/${d.slice(2)}`;
  return `${d.slice(0, 2)}/${d.slice(2, 4)}/${d.slice(4)}`;
}

/** "05/01/2026" (or 5/1/2026, 05.01.2026) → "2026-01-05"; "" → null; an impossible date is refused
 *  with a message that says why ("tháng 2 năm 2026 chỉ có 28 ngày"). */
export function parseDateVi(text: string): DateParse {
  const body = text.trim();
  if (body === '') return { ok: true, iso: null };
  const match = DATE_VI_RE.exec(body);
  if (!match) return { ok: false, message: 'Ngày phải viết theo dạng ngày/tháng/năm, ví dụ 05/01/2026.' };
  const day = Number(match[1]);
  const month = Number(match[2]);
  const year = Number(match[3]);
  if (year < 1900 || year > 2100) return { ok: false, message: `Năm ${year} không hợp lệ (từ 1900 đến 2100).` };
  if (month < 1 || month > 12) return { ok: false, message: `Không có tháng ${month}: tháng phải từ 1 đến 12.` };
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) return { ok: false, message: `Ngày ${pad2(day)}/${pad2(month)}/${year} không có thật: tháng ${month} năm ${year} chỉ có ${days} ngày.` };
  return { ok: true, iso: `${year}-${pad2(month)}-${pad2(day)}` };
}
