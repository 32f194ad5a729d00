import { useState } from 'react';
import type { LifecycleView } from '../../../shared/api/channels/history';
import { submitSignedReport } from '../../api/signed-report';
import { DateField } from '../../components/DateField';
import { TextField } from '../../components/TextField';
import { useT } from '../../i18n/i18n';
import { FormError } from '../../components/FormError';

/** "Nộp báo cáo đã ký": date sent, document number and date, the signed PDF or scan. */
export function SubmitForm({ assessmentId, onDone }: { assessmentId: number; onDone: (view: LifecycleView) => void }) {
  const t = useT();
  const [sentOn, setSentOn] = useState<string | null>(null);
  const [docNumber, setDocNumber] = useState('');
  const [docDate, setDocDate] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    if (!sentOn || !docDate || docNumber.trim() === '' || !file) {
      setError(t('lifecycle.submitMissing'));
      return;
    }
    setBusy(true);
    setError(null);
    const result = await submitSignedReport(file, { assessmentId, sentOn, docNumber: docNumber.trim(), docDate }, { network: t('lifecycle.network'), cancelled: t('lifecycle.cancelled') }).promise;
    setBusy(false);
    if (result.ok) onDone(result.value);
    else setError(result.error.message);
  };

  return (
    <form
      className="lifecycle-form"
      aria-label={t('lifecycle.submitTitle')}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3>{t('lifecycle.submitTitle')}</h3>
      <p className="field-hint">{t('lifecycle.needs.submit')}</p>
      <div className="lifecycle-fields">
        <DateField label={t('lifecycle.sentOn')} value={sentOn} onChange={setSentOn} />
        <TextField label={t('lifecycle.docNumber')} value={docNumber} onChange={setDocNumber} maxLength={60} />
        <DateField label={t('lifecycle.docDate')} value={docDate} onChange={setDocDate} />
        <div className="field">
          <label htmlFor={`signed-file-${assessmentId}`}>{t('lifecycle.signedFile')}</label>
          <input id={`signed-file-${assessmentId}`} type="file" accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
      </div>
      <FormError message={error} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('lifecycle.submitting') : t('lifecycle.submit')}
        </button>
      </div>
    </form>
  );
}
