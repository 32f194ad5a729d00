import { useT } from '../i18n/i18n';

/** A visible badge for sample and draft criteria sets ("Bộ chỉ số mẫu"). Official sets get none. */
export function SetStatusBadge({ status }: { status: 'official' | 'draft' | 'sample' }) {
  const t = useT();
  if (status === 'official') return null;
  return <span className={`badge badge--${status}`}>{t(status === 'sample' ? 'badge.sample' : 'badge.draft')}</span>;
}
