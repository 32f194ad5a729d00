import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { EVIDENCE_DOC_TYPES, evidenceDraftSchema, type EvidenceDocType, type EvidenceDraft } from '../../../shared/api/evidence-entities';
import { DateField } from '../../components/DateField';
import { TextField } from '../../components/TextField';
import { useT } from '../../i18n/i18n';
import { DOC_TYPE_KEYS, formatFileSize } from './evidence-format';
import { FormError } from '../../components/FormError';

interface EvidenceFormProps {
  /** Set when editing an item. */
  initial: EvidenceDraft | null;
  /** Files dropped before the item existed: attached once it is saved. */
  pendingFiles: readonly File[];
  /** A summary to start from (the name of a dropped file). */
  suggestedSummary?: string;
  onSubmit: (draft: EvidenceDraft) => Promise<string | null>;
  onCancel: () => void;
}

const EMPTY: EvidenceDraft = { docNumber: '', issuedOn: null, issuer: '', docType: 'plan', summary: '' };

/** Number/symbol, date of issue, issuer, type and summary of one evidence document. */
export function EvidenceForm({ initial, pendingFiles, suggestedSummary = '', onSubmit, onCancel }: EvidenceFormProps) {
  const t = useT();
  const id = useId();
  const [draft, setDraft] = useState<EvidenceDraft>(initial ?? { ...EMPTY, summary: suggestedSummary });
  const [error, setError] = useState<string | null>(null);
  /** A document saved without a date says so explicitly ("Chưa có ngày"); an impossible date blocks saving. */
  const [noDate, setNoDate] = useState(initial !== null && initial.issuedOn === null);
  const [dateValid, setDateValid] = useState(true);
  const [dateError, setDateError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const firstRef = useRef<HTMLFieldSetElement>(null);

  useEffect(() => {
    firstRef.current?.querySelector('input')?.focus();
  }, []);

  const set = (patch: Partial<EvidenceDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (draft.docNumber.trim() === '' && draft.summary.trim() === '') {
      setError(t('evidence.form.needNumberOrSummary'));
      return;
    }
    if (!dateValid) {
      setError(t('evidence.form.badDate'));
      return;
    }
    if (draft.issuedOn === null && !noDate) {
      setDateError(t('evidence.form.needDate'));
      setError(t('evidence.form.needDate'));
      return;
    }
    const parsed = evidenceDraftSchema.safeParse(draft);
    if (!parsed.success) {
      setError(parsed.error.issues.map((i) => i.message).join(' '));
      return;
    }
    setBusy(true);
    setError(null);
    const message = await onSubmit(parsed.data);
    setBusy(false);
    if (message !== null) setError(message);
  };

  const legend = initial ? t('evidence.form.editTitle') : t('evidence.form.addTitle');
  return (
    <form className="evidence-form" onSubmit={(e) => void submit(e)} noValidate>
      <fieldset ref={firstRef}>
        <legend>{legend}</legend>
        <div className="evidence-form-grid">
          <TextField label={t('evidence.field.docNumber')} hint={t('evidence.field.docNumber.hint')} value={draft.docNumber} maxLength={100} onChange={(v) => set({ docNumber: v })} />
          <div className="date-with-none">
            <DateField
              label={t('evidence.field.issuedOn')}
              hint={t('date.hint')}
              value={draft.issuedOn}
              disabled={noDate}
              error={dateError}
              onValidity={setDateValid}
              onChange={(iso) => {
                setDateError(null);
                set({ issuedOn: iso });
              }}
            />
            <label className="checkbox">
              <input
                type="checkbox"
                checked={noDate}
                onChange={(e) => {
                  setNoDate(e.target.checked);
                  setDateError(null);
                  if (e.target.checked) set({ issuedOn: null });
                }}
              />
              {t('evidence.field.noDate')}
            </label>
          </div>
          <TextField label={t('evidence.field.issuer')} hint={t('evidence.field.issuer.hint')} value={draft.issuer} maxLength={300} onChange={(v) => set({ issuer: v })} />
          <div className="field">
            <label htmlFor={`${id}-type`}>{t('evidence.field.docType')}</label>
            <select id={`${id}-type`} value={draft.docType} onChange={(e) => set({ docType: e.target.value as EvidenceDocType })}>
              {EVIDENCE_DOC_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(DOC_TYPE_KEYS[type])}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${id}-summary`}>{t('evidence.field.summary')}</label>
          <textarea id={`${id}-summary`} rows={3} maxLength={2000} value={draft.summary} onChange={(e) => set({ summary: e.target.value })} />
        </div>
        {pendingFiles.length > 0 && (
          <div className="pending-files">
            <p>{t('evidence.form.pendingFiles', { count: pendingFiles.length })}</p>
            <ul>
              {pendingFiles.map((f, i) => (
                <li key={`${f.name}-${i}`}>
                  {f.name} <span className="muted">({formatFileSize(f.size)})</span>
                </li>
              ))}
            </ul>
          </div>
        )}
        <FormError message={error} />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('evidence.form.saving') : t('evidence.form.save')}
          </button>
          <button type="button" onClick={onCancel} disabled={busy}>
            {t('evidence.form.cancel')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
