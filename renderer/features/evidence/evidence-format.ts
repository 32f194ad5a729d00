/** Display helpers for evidence: sizes with a decimal comma, dates dd/mm/yyyy, type words, search filter. */
import type { EvidenceDocType, EvidenceItem } from '../../../shared/api/evidence-entities';
import { isRealIsoDate } from '../../../shared/api/evidence-entities';
import { formatDateVi } from '../../../shared/format/dates';
import { formatBytesVi } from '../../../shared/format/numbers';
import type { MessageKey } from '../../i18n/vi';

/** 512 → "512 byte", 12_345 → "12,1 KB", 5_242_880 → "5 MB" (1 KB = 1024 byte). */
export const formatFileSize = (bytes: number): string => formatBytesVi(bytes, 'byte');

/** "2026-01-15" → "15/01/2026"; null or a malformed value → ''. */
export function formatIssuedOn(iso: string | null): string {
  return iso !== null && isRealIsoDate(iso) ? formatDateVi(iso) : '';
}

export const DOC_TYPE_KEYS: Readonly<Record<EvidenceDocType, MessageKey>> = {
  plan: 'evidence.type.plan',
  report: 'evidence.type.report',
  decision: 'evidence.type.decision',
  letter: 'evidence.type.letter',
  notice: 'evidence.type.notice',
  other: 'evidence.type.other',
};

/** The item's title line: its number/symbol, else its summary. */
export function itemLabel(item: Pick<EvidenceItem, 'docNumber' | 'summary'>): string {
  return item.docNumber.trim() || item.summary.trim();
}

/** "a.b.pdf" → "a.b" (a summary suggested from a dropped file's name). */
export function baseName(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return (dot > 0 ? fileName.slice(0, dot) : fileName).replace(/[_]+/g, ' ').trim();
}
