import { useId, useState } from 'react';
import type { CriteriaSetFileExport, CriteriaSetFileFormat } from '../../../shared/api/channels/criteria-sets';
import type { CriteriaSetSummary } from '../../../shared/api/entities';
import { api } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { ExportedFile } from '../report/ExportedFile';
import { FormError } from '../../components/FormError';

/** "Tải bộ chỉ số": writes an installed set as the .xlsx template or the .docx appendix table and offers the download. */
export function ExportCriteriaSet({ sets }: { sets: CriteriaSetSummary[] }) {
  const t = useT();
  const id = useId();
  const [chosen, setChosen] = useState<string>('');
  const [busy, setBusy] = useState<CriteriaSetFileFormat | null>(null);
  const [result, setResult] = useState<CriteriaSetFileExport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const hash = chosen || sets[0]?.hash || '';

  const exportSet = async (format: CriteriaSetFileFormat) => {
    if (!hash) return;
    setBusy(format);
    setError(null);
    setResult(null);
    const exported = await api['criteriaSets:export']({ hash, format });
    setBusy(null);
    if (exported.ok) setResult(exported.value);
    else setError(exported.error.message);
  };

  if (sets.length === 0) return null;
  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('setXlsx.title')}</h2>
      <p className="field-hint">{t('setXlsx.hint')}</p>
      <div className="field">
        <label htmlFor={id}>{t('setXlsx.choose')}</label>
        <select id={id} value={hash} onChange={(e) => setChosen(e.target.value)}>
          {sets.map((s) => (
            <option key={s.hash} value={s.hash}>
              {s.version > 1 ? `${s.title} (${t('create.version', { version: s.version })})` : s.title}
            </option>
          ))}
        </select>
      </div>
      <div className="form-actions">
        <button type="button" onClick={() => void exportSet('xlsx')} disabled={busy !== null}>
          {busy === 'xlsx' ? t('setXlsx.busy') : t('setXlsx.export')}
        </button>
        <button type="button" onClick={() => void exportSet('docx')} disabled={busy !== null}>
          {busy === 'docx' ? t('setXlsx.busy') : t('setXlsx.exportDocx')}
        </button>
      </div>
      <FormError message={error} />
      {result && <ExportedFile fileName={result.fileName} size={result.size} downloadPath={result.downloadPath} />}
    </section>
  );
}
