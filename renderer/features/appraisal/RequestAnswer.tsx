import { useState } from 'react';
import type { AppraisalCriterionView, AppraisalView } from '../../../shared/api/channels/appraisal';
import type { EvidenceItem } from '../../../shared/api/evidence-entities';
import { formatDateVi } from '../../../shared/format/dates';
import { api } from '../../api/client';
import { uploadEvidenceFile } from '../../api/upload';
import { DateField } from '../../components/DateField';
import { TextField } from '../../components/TextField';
import { useT } from '../../i18n/i18n';

interface RequestAnswerProps {
  assessmentId: number;
  row: AppraisalCriterionView;
  /** The agency's documents, for "Gắn tài liệu đã có". */
  documents: readonly EvidenceItem[];
  onChange: (view: AppraisalView) => void;
}

/** One request answered: the explanation, the documents attached, an existing one linked or a new one added (with its file). */
export function RequestAnswer({ assessmentId, row, documents, onChange }: RequestAnswerProps) {
  const t = useT();
  const target = { assessmentId, round: row.round ?? 1, code: row.code };
  const [explanation, setExplanation] = useState(row.explanation);
  const [chosen, setChosen] = useState('');
  const [docNumber, setDocNumber] = useState('');
  const [issuedOn, setIssuedOn] = useState<string | null>(null);
  const [summary, setSummary] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  const run = async (work: () => Promise<string | null>) => {
    setBusy(true);
    setMessage(null);
    const error = await work();
    setBusy(false);
    setMessage(error ? { error: true, text: error } : { error: false, text: t('appraisal.saved') });
  };

  const save = () =>
    run(async () => {
      const r = await api['appraisal:respond']({ ...target, explanation });
      if (r.ok) onChange(r.value);
      return r.ok ? null : r.error.message;
    });

  const link = (itemId: number) =>
    run(async () => {
      const r = await api['appraisal:linkDocument']({ ...target, itemId });
      if (r.ok) onChange(r.value);
      return r.ok ? null : r.error.message;
    });

  const unlink = (itemId: number) =>
    run(async () => {
      const r = await api['appraisal:unlinkDocument']({ ...target, itemId });
      if (r.ok) onChange(r.value);
      return r.ok ? null : r.error.message;
    });

  const addNew = () =>
    run(async () => {
      if (summary.trim() === '' && docNumber.trim() === '') return t('appraisal.addMissing');
      const r = await api['appraisal:addDocument']({ ...target, draft: { docNumber, issuedOn, issuer: '', docType: 'other', summary } });
      if (!r.ok) return r.error.message;
      if (file) {
        const stored = await uploadEvidenceFile(file, { assessmentId, itemId: r.value.itemId }).promise;
        if (!stored.ok) return stored.error.message;
      }
      const fresh = await api['appraisal:get']({ assessmentId });
      onChange(fresh.ok ? fresh.value : r.value.appraisal);
      setDocNumber('');
      setIssuedOn(null);
      setSummary('');
      setFile(null);
      return null;
    });

  const linkable = documents.filter((d) => !row.documents.some((x) => x.itemId === d.id));
  return (
    <div className="appraisal-answer" role="group" aria-label={t('appraisal.answer')}>
      <div className="field">
        <label htmlFor={`explain-${row.code}`}>{t('appraisal.explanation', { code: row.code })}</label>
        <textarea id={`explain-${row.code}`} rows={3} value={explanation} maxLength={20_000} onChange={(e) => setExplanation(e.target.value)} />
      </div>
      <button type="button" onClick={() => void save()} disabled={busy}>
        {t('appraisal.saveExplanation')}
      </button>
      <h4>{t('appraisal.documents')}</h4>
      {row.documents.length === 0 ? (
        <p className="field-hint">{t('appraisal.noDocuments')}</p>
      ) : (
        <ul className="appraisal-docs">
          {row.documents.map((d) => (
            <li key={d.itemId}>
              {[d.docNumber, d.issuedOn ? formatDateVi(d.issuedOn) : '', d.summary].filter(Boolean).join(' · ')}
              {d.fileNames.length > 0 && <span className="file-name"> ({d.fileNames.join(', ')})</span>}{' '}
              <button type="button" onClick={() => void unlink(d.itemId)} disabled={busy} aria-label={`${t('appraisal.unlink')}: ${d.summary || d.docNumber}`}>
                {t('appraisal.unlink')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {linkable.length > 0 && (
        <div className="appraisal-link">
          <div className="field">
            <label htmlFor={`link-${row.code}`}>{t('appraisal.chooseDocument')}</label>
            <select id={`link-${row.code}`} value={chosen} onChange={(e) => setChosen(e.target.value)}>
              <option value="">—</option>
              {linkable.map((d) => (
                <option key={d.id} value={d.id}>
                  {[d.docNumber, d.summary].filter(Boolean).join(' · ')}
                </option>
              ))}
            </select>
          </div>
          <button type="button" disabled={busy || chosen === ''} onClick={() => void link(Number(chosen))}>
            {t('appraisal.link')}
          </button>
        </div>
      )}
      <fieldset className="appraisal-new">
        <legend>{t('appraisal.addNew')}</legend>
        <TextField label={t('appraisal.newNumber')} value={docNumber} onChange={setDocNumber} maxLength={100} />
        <DateField label={t('appraisal.newDate')} value={issuedOn} onChange={setIssuedOn} />
        <TextField label={t('appraisal.newSummary')} value={summary} onChange={setSummary} maxLength={2000} />
        <div className="field">
          <label htmlFor={`new-file-${row.code}`}>{t('appraisal.newFile')}</label>
          <input id={`new-file-${row.code}`} type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
        <button type="button" onClick={() => void addNew()} disabled={busy}>
          {t('appraisal.addDocument')}
        </button>
      </fieldset>
      {message && (
        <p className={message.error ? 'form-error' : 'field-hint'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </div>
  );
}
