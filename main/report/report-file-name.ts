/** Readable, ASCII-only names for exported reports: bao-cao-tu-danh-gia-cchc-2026-snv-du-thao.docx. */
import { foldVi } from '../../shared/format/search-fold';

export type ReportFormat = 'docx' | 'pdf';

/** "SNV" → "snv", "Sở Nội vụ" → "so-noi-vu"; at most 40 characters; "co-quan" when nothing is left. */
export function asciiSlug(text: string): string {
  const slug = foldVi(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
  return slug || 'co-quan';
}

export function reportFileName(opts: { year: number; agencyAbbreviation: string; agencyName: string; draft: boolean; format: ReportFormat; withAppraisal?: boolean }): string {
  const who = asciiSlug(opts.agencyAbbreviation.trim() || opts.agencyName);
  return `bao-cao-${opts.withAppraisal ? 'cuoi-nam-tu-danh-gia-va-tham-dinh' : 'tu-danh-gia'}-cchc-${opts.year}-${who}${opts.draft ? '-du-thao' : ''}.${opts.format}`;
}
