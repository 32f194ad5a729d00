import { useCallback, useEffect, useState } from 'react';
import type { LifecycleView } from '../../../shared/api/channels/history';
import type { AssessmentStatus } from '../../../shared/api/entities';
import { formatDateVi } from '../../../shared/format/dates';
import { formatDecimalVi } from '../../../shared/format/numbers';
import { api } from '../../api/client';
import { formatDateTime } from '../../components/format';
import { useT } from '../../i18n/i18n';
import { ExportedFile } from '../report/ExportedFile';
import { CloseForm } from './CloseForm';
import { ReasonDialog } from './ReasonDialog';
import { SubmitForm } from './SubmitForm';
import './lifecycle.css';
import { FormError } from '../../components/FormError';

interface LifecyclePanelProps {
  assessmentId: number;
  status: AssessmentStatus;
  /** The status after a step here (the workspace stays read only after draft). */
  onStatus: (status: AssessmentStatus) => void;
  /** Opens "Kết quả thẩm định" (once the report is submitted). */
  onAppraisal: () => void;
}

/** After the lock: each step with who/when, what the next one needs, the step's form, going back. */
export function LifecyclePanel({ assessmentId, status, onStatus, onAppraisal }: LifecyclePanelProps) {
  const t = useT();
  const [view, setView] = useState<LifecycleView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reopening, setReopening] = useState(false);
  const [exported, setExported] = useState<{ fileName: string; size: number; downloadPath: string } | null>(null);

  const load = useCallback(async () => {
    const result = await api['lifecycle:get']({ assessmentId });
    if (result.ok) setView(result.value);
    else setError(result.error.message);
  }, [assessmentId]);

  useEffect(() => {
    // The backend is the external system this effect reads from (and the status may change here or in the lock banner).
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load, status]);

  const changed = (next: LifecycleView) => {
    setView(next);
    setExported(null);
    onStatus(next.status);
  };

  const exportSent = async () => {
    const result = await api['lifecycle:exportSentPackage']({ assessmentId });
    if (result.ok) setExported(result.value);
    else setError(result.error.message);
  };

  if (!view) return error ? <p className="form-error" role="alert">{error}</p> : null;
  const s = view.submission;
  const p = view.published;
  return (
    <section className="lifecycle" aria-label={t('lifecycle.title')}>
      {view.status !== 'final' && <p className="lifecycle-readonly">{t('lifecycle.readOnly', { status: t(`status.${view.status}`) })}</p>}
      <ol className="lifecycle-steps">
        {view.steps.map((step) => (
          <li key={step.status} className={`lifecycle-step${step.status === view.status ? ' lifecycle-step--current' : ''}`} aria-current={step.status === view.status ? 'step' : undefined}>
            <span className="lifecycle-step-name">{t(`status.${step.status}`)}</span>
            <span className="lifecycle-step-when">
              {step.at
                ? step.officer
                  ? t('lifecycle.stepDone', { when: formatDateTime(step.at), who: step.officer })
                  : t('lifecycle.stepDoneNoOfficer', { when: formatDateTime(step.at) })
                : t('lifecycle.stepPending')}
            </span>
          </li>
        ))}
      </ol>
      {s && (
        <p className="lifecycle-submission">
          {t('lifecycle.submission', { sentOn: formatDateVi(s.sentOn), docNumber: s.docNumber, docDate: formatDateVi(s.docDate), file: s.signedName })}{' '}
          <button type="button" onClick={() => void exportSent()}>
            {t('lifecycle.exportSent')}
          </button>
        </p>
      )}
      {exported && <ExportedFile {...exported} />}
      {p && <p className="lifecycle-published">{t('lifecycle.published', { score: formatDecimalVi(p.finalScore), index: formatDecimalVi(p.indexPercent), className: p.className, rank: String(p.rankOf ? `${p.rank}/${p.rankOf}` : p.rank) })}</p>}
      {view.status === 'final' && <SubmitForm assessmentId={assessmentId} onDone={changed} />}
      {view.status === 'submitted' && <p className="field-hint">{t('lifecycle.needs.appraised')}</p>}
      {(view.status === 'submitted' || view.status === 'appraised' || view.status === 'closed') && (
        <button type="button" className="primary" onClick={onAppraisal}>
          {t('appraisal.open')}
        </button>
      )}
      {(view.status === 'appraised' || view.status === 'closed') && <CloseForm key={p?.enteredAt ?? 'new'} assessmentId={assessmentId} published={p} onDone={changed} />}
      {view.status !== 'final' && (
        <button type="button" onClick={() => setReopening(true)}>
          {t('lifecycle.reopen')}
        </button>
      )}
      <FormError message={error} />
      {reopening && (
        <ReasonDialog
          title={t('lifecycle.reopenTitle')}
          text={t('lifecycle.reopenText')}
          label={t('lifecycle.reason')}
          confirmLabel={t('lifecycle.confirmReopen')}
          onClose={() => setReopening(false)}
          onConfirm={async (reason) => {
            const result = await api['lifecycle:reopen']({ assessmentId, reason });
            if (!result.ok) return result.error.message;
            changed(result.value);
            return null;
          }}
        />
      )}
    </section>
  );
}
