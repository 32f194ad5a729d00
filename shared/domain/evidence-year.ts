/**
 * Is a document dated outside the assessed year? ("Ngoài năm đánh giá": so nobody submits last
 * year's plan as this year's.) The rule, for an assessment of year Y:
 * - a document issued from 1 January to 31 December of Y counts;
 * - a plan or a decision issued from 1 October of Y−1 counts too: the year's plan (and the
 *   decisions that go with it) is usually issued in the last quarter before the year starts;
 * - a report issued in January of Y+1 counts too: the year's report may be signed early January;
 * - a document without a date is not marked (there is nothing to check; the form asks for it).
 * Anything else is marked. Marking never blocks: the officer decides.
 */

const ISO = /^(\d{4})-(\d{2})-\d{2}$/;

export function outsideAssessedYear(issuedOn: string | null, docType: string, year: number): boolean {
  if (issuedOn === null) return false;
  const m = ISO.exec(issuedOn);
  if (!m) return false;
  const [y, month] = [Number(m[1]), Number(m[2])];
  if (y === year) return false;
  if (y === year - 1 && month >= 10 && (docType === 'plan' || docType === 'decision')) return false;
  if (y === year + 1 && month === 1 && docType === 'report') return false;
  return true;
}
