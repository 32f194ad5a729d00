import { useState } from 'react';
import type { ResponsePackageExport } from '../../../shared/api/channels/appraisal';
import type { ExportedFileView } from '../../../shared/api/channels/history';
import { api } from '../../api/client';
import { DateField } from '../../components/DateField';
import { TextField } from '../../components/TextField';
import { useT } from '../../i18n/i18n';
import { ExportedFile } from '../report/ExportedFile';
import { FormError } from '../../components/FormError';

/** "Báo cáo giải trình, bổ sung tài liệu kiểm chứng": number, date, recipients, then the .docx, or
 *  the response package (the round's answers, their documents and the .docx, for `par verify`).
 *  When several rounds asked something, "Vòng thẩm định" chooses the round both are made for
 *  (the newest by default); with one such round nothing is asked. */
export function ResponseExport({ assessmentId, requestRounds }: { assessmentId: number; requestRounds: readonly number[] }) {
  const t = useT();
  const [chosenRound, setChosenRound] = useState<number | null>(null);
  const [docNumber, setDocNumber] = useState('');
  const [docDate, setDocDate] = useState<string | null>(null);
  const [recipients, setRecipients] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [exported, setExported] = useState<ExportedFileView | null>(null);
  const [pkg, setPkg] = useState<ResponsePackageExport | null>(null);

  const newest = requestRounds.at(-1);
  const round = requestRounds.length > 1 ? (chosenRound !== null && requestRounds.includes(chosenRound) ? chosenRound : newest) : undefined;
  const input = () => ({ assessmentId, docNumber, docDate, recipients: recipients.split('\n').map((l) => l.trim()).filter(Boolean), ...(round === undefined ? {} : { round }) });
  const run = async () => {
    setBusy(true);
    setError(null);
    const r = await api['appraisal:exportResponse'](input());
    setBusy(false);
    if (r.ok) setExported(r.value);
    else setError(r.error.issues?.[0]?.message ?? r.error.message);
  };
  const runPackage = async () => {
    setBusy(true);
    setError(null);
    setPkg(null);
    const r = await api['appraisal:exportResponsePackage'](input());
    setBusy(false);
    if (r.ok) setPkg(r.value);
    else setError(t('appraisal.responsePackageFailed', { reason: r.error.issues?.[0]?.message ?? r.error.message }));
  };

  return (
    <form
      className="appraisal-response"
      aria-label={t('appraisal.responseTitle')}
      onSubmit={(e) => {
        e.preventDefault();
        void run();
      }}
    >
      <h2>{t('appraisal.responseTitle')}</h2>
      {round !== undefined && (
        <div className="field">
          <label htmlFor={`response-round-${assessmentId}`}>{t('appraisal.responseRound')}</label>
          <select id={`response-round-${assessmentId}`} value={round} onChange={(e) => setChosenRound(Number(e.target.value))}>
            {requestRounds.map((r) => (
              <option key={r} value={r}>
                {t('appraisal.responseRoundOption', { round: r })}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="lifecycle-fields">
        <TextField label={t('appraisal.responseNumber')} value={docNumber} onChange={setDocNumber} maxLength={60} />
        <DateField label={t('appraisal.responseDate')} value={docDate} onChange={setDocDate} />
      </div>
      <div className="field">
        <label htmlFor={`response-recipients-${assessmentId}`}>{t('appraisal.responseRecipients')}</label>
        <textarea id={`response-recipients-${assessmentId}`} rows={3} value={recipients} onChange={(e) => setRecipients(e.target.value)} />
      </div>
      <FormError message={error} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('appraisal.exportResponse')}
        </button>
        <button type="button" disabled={busy} onClick={() => void runPackage()}>
          {t('appraisal.exportResponsePackage')}
        </button>
      </div>
      {exported && <ExportedFile {...exported} />}
      {pkg && (
        <>
          <p className="success" role="status">
            {t('appraisal.responsePackageDone', { round: pkg.round, requests: pkg.requests, files: pkg.evidenceFiles })}
          </p>
          <ExportedFile fileName={pkg.fileName} size={pkg.size} downloadPath={pkg.downloadPath} />
        </>
      )}
    </form>
  );
}
