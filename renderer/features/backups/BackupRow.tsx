import { ASSESSMENT_STATUSES, type AssessmentStatus } from '../../../shared/api/entities';
import { useState } from 'react';
import type { BackupAssessment, KeptBackup } from '../../../shared/api/channels/backups';
import { formatBytesVi, formatPercentVi } from '../../../shared/format/numbers';
import { ConfirmInline } from '../../components/ConfirmInline';
import { formatDateTime } from '../../components/format';
import { useT } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/vi';

interface BackupRowProps {
  backup: KeptBackup;
  newestGood: boolean;
  busy: boolean;
  onRestore: (backup: KeptBackup) => void;
  onView: (backup: KeptBackup, assessmentId: number) => void;
}

function ContentsLine({ a, onView }: { a: BackupAssessment; onView: (() => void) | null }) {
  const t = useT();
  const later = (ASSESSMENT_STATUSES as readonly string[]).includes(a.status) && a.status !== 'draft' && a.status !== 'final';
  const status = a.status === 'draft' ? t('backups.status.draft') : later ? t(`status.${a.status as AssessmentStatus}`).toLowerCase() : t('backups.status.final');
  return (
    <li>
      {t('backups.contents.line', {
        agency: a.agencyName,
        year: a.year,
        status,
        percent: formatPercentVi(a.percent),
        className: a.className,
        answered: a.answeredCount,
        leaves: a.leafCount,
      })}{' '}
      {onView && (
        <button type="button" className="link-button" onClick={onView} aria-label={t('backups.view.open.label', { agency: a.agencyName, year: a.year })}>
          {t('backups.view.open')}
        </button>
      )}
    </li>
  );
}

/** One kept backup: when, why, how large, what it holds, and "Khôi phục bản này" behind a confirmation. */
export function BackupRow({ backup, newestGood, busy, onRestore, onView }: BackupRowProps) {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  const time = formatDateTime(backup.createdAt);
  return (
    <tr className={newestGood ? 'backup-row backup-row--newest' : 'backup-row'}>
      <td>
        {time}
        {newestGood && <span className="badge badge--ok">{t('backups.newestGood')}</span>}
      </td>
      <td>{t(`backups.reason.${backup.reason}` as MessageKey)}</td>
      <td>{formatBytesVi(backup.size)}</td>
      <td>
        {backup.assessments === null ? (
          <span className="muted">{backup.problem ?? t('backups.contents.unreadable')}</span>
        ) : backup.assessments.length === 0 ? (
          <span className="muted">{t('backups.contents.none')}</span>
        ) : (
          <ul className="backup-contents">
            {backup.assessments.map((a, i) => (
              <ContentsLine key={i} a={a} onView={backup.restorable ? () => onView(backup, a.assessmentId) : null} />
            ))}
          </ul>
        )}
      </td>
      <td>
        {!backup.restorable ? (
          <span className="muted">{t('backups.notRestorable', { problem: backup.problem ?? '' })}</span>
        ) : confirming ? (
          <ConfirmInline
            question={t('backups.restore.confirm', { time })}
            confirmLabel={t('backups.restore.yes')}
            cancelLabel={t('backups.restore.no')}
            busy={busy}
            onConfirm={() => {
              setConfirming(false);
              onRestore(backup);
            }}
            onCancel={() => setConfirming(false)}
          />
        ) : (
          <button type="button" onClick={() => setConfirming(true)} disabled={busy} aria-label={`${t('backups.restore')} ${time}`}>
            {t('backups.restore')}
          </button>
        )}
      </td>
    </tr>
  );
}
