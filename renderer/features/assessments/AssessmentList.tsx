import type { AssessmentSummary } from '../../../shared/api/entities';
import { formatDateTime } from '../../components/format';
import { SetStatusBadge } from '../../components/SetStatusBadge';
import { LockIcon } from '../../components/LockIcon';
import { useT } from '../../i18n/i18n';

/** The agency's assessments, newest year first, each with a button to open it. */
export function AssessmentList({ assessments, onOpen, onNextYear }: { assessments: AssessmentSummary[]; onOpen: (id: number) => void; onNextYear?: (source: AssessmentSummary) => void }) {
  const t = useT();
  if (assessments.length === 0) return <p className="empty">{t('assessments.empty')}</p>;
  const sorted = [...assessments].sort((a, b) => b.year - a.year || b.id - a.id);
  return (
    <table className="data-table">
      <thead>
        <tr>
          <th scope="col">{t('assessments.col.year')}</th>
          <th scope="col">{t('assessments.col.set')}</th>
          <th scope="col">{t('assessments.col.status')}</th>
          <th scope="col">{t('assessments.col.updated')}</th>
          <th scope="col">{t('assessments.col.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((a) => (
          <tr key={a.id}>
            <td className="num">{a.year}</td>
            <td>
              {a.setTitle} <SetStatusBadge status={a.setStatus} />
            </td>
            <td>
              {a.status === 'draft' ? (
                t('assessments.status.draft')
              ) : (
                <span className="badge badge--locked" title={t('assessments.lockedHint')}>
                  <LockIcon /> {t(`status.${a.status}`)}
                </span>
              )}
            </td>
            <td>{formatDateTime(a.updatedAt)}</td>
            <td>
              <button type="button" className="primary" onClick={() => onOpen(a.id)} aria-label={t('assessments.openLabel', { year: a.year, title: a.setTitle })}>
                {t('assessments.open')}
              </button>{' '}
              {onNextYear && (
                <button type="button" onClick={() => onNextYear(a)} aria-label={t('next.openLabel', { year: a.year })}>
                  {t('next.open')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
