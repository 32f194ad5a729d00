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
