import { useId, useState } from 'react';
import type { AssessmentStatus } from '../../../shared/api/entities';
import type { Totals } from '../../../shared/domain/scoring-types';
import { Dialog } from '../../components/Dialog';
import { LockIcon } from '../../components/LockIcon';
import { useT, type TFunction } from '../../i18n/i18n';
import { ReasonDialog } from '../lifecycle/ReasonDialog';

interface LockControlProps {
  status: AssessmentStatus;
  totals: Totals;
  /** Sends the new status (after pending answers are saved); the error message, or null. */
  onChange: (status: 'draft' | 'final', reason?: string) => Promise<string | null>;
}

/** What keeps the assessment from being locked, e.g. "Chưa khóa được: còn 2 tiêu chí chưa chấm." (null when complete). */
export function lockBlocker(totals: Totals, t: TFunction): string | null {
  const missing = [
    totals.unansweredCount > 0 ? t('lock.missingUnanswered', { count: totals.unansweredCount }) : null,
    totals.needsExplanationCount > 0 ? t('lock.missingExplanation', { count: totals.needsExplanationCount }) : null,
  ].filter((m): m is string => m !== null);
  return missing.length > 0 ? t('lock.incomplete', { missing: missing.join('; ') }) : null;
}

/**
 * Draft: "Khóa kỳ đánh giá" (disabled, with the reason, while something is missing) behind a
 * confirmation. Final: the read-only banner with "Mở khóa", behind a dialog that warns the signed
 * report may no longer match after edits and asks for the reason the history keeps.
 */
export function LockControl({ status, totals, onChange }: LockControlProps) {
  const t = useT();
  const id = useId();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const locking = status === 'draft';
  const blocker = locking ? lockBlocker(totals, t) : null;

  const confirm = async () => {
    setBusy(true);
    setError(null);
    const message = await onChange(locking ? 'final' : 'draft');
    setBusy(false);
    setAsking(false);
    if (message !== null) setError(message);
  };

  const errorLine = error && (
    <p className="form-error" role="alert">
      {error}
    </p>
  );

  const dialog = asking && (
    <Dialog title={t(locking ? 'lock.dialogTitle' : 'unlock.dialogTitle')} onClose={() => !busy && setAsking(false)} className="dialog--confirm">
      <p>{t(locking ? 'lock.dialogText' : 'unlock.dialogText')}</p>
      <div className="form-actions">
        <button type="button" className="primary" onClick={() => void confirm()} disabled={busy}>
          {busy ? t('lock.working') : t(locking ? 'lock.confirm' : 'unlock.confirm')}
        </button>
        <button type="button" onClick={() => setAsking(false)} disabled={busy} data-autofocus>
          {t('lock.cancel')}
        </button>
      </div>
    </Dialog>
  );

  if (!locking) {
    return (
      <div className="lock-banner" role="region" aria-label={t('lock.banner')}>
        <LockIcon />
        <p className="lock-banner-text">{t('lock.banner')}</p>
        <button type="button" onClick={() => setAsking(true)}>
          {t('lock.unlock')}
        </button>
        {asking && (
          <ReasonDialog
            title={t('unlock.dialogTitle')}
            text={t('unlock.dialogText')}
            label={t('unlock.reason')}
            confirmLabel={t('unlock.confirm')}
            onClose={() => setAsking(false)}
            onConfirm={(reason) => onChange('draft', reason)}
          />
        )}
      </div>
    );
  }

  return (
    <div className="lock-control">
      <button type="button" className="lock-button" onClick={() => setAsking(true)} disabled={blocker !== null} aria-describedby={blocker ? `${id}-why` : undefined}>
        {t('lock.button')}
      </button>
      {blocker && (
        <span className="lock-why" id={`${id}-why`}>
          {blocker}
        </span>
      )}
      {errorLine}
      {dialog}
    </div>
  );
}
