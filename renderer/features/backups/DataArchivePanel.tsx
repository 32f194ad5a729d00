import { useId, useState } from 'react';
import type { DataArchiveExport } from '../../../shared/api/channels/data-archive';
import { api } from '../../api/client';
import { BusyIndicator } from '../../components/BusyIndicator';
import { useT } from '../../i18n/i18n';
import { formatFileSize } from '../evidence/evidence-format';
import { ExportedFile } from '../report/ExportedFile';
import { FormError } from '../../components/FormError';

/** "Xuất toàn bộ dữ liệu": the whole-folder archive, then its link (a save dialog in the desktop
 *  app, a download in the browser), like a package export. */
export function DataArchivePanel({ disabled }: { disabled: boolean }) {
  const t = useT();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<DataArchiveExport | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async () => {
    setBusy(true);
    setError(null);
    setResult(null);
    const outcome = await api['dataArchive:export']({});
    setBusy(false);
    if (outcome.ok) setResult(outcome.value);
    else setError(t('archive.failed', { message: outcome.error.message }));
  };

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('archive.title')}</h2>
      <p className="hint">{t('archive.intro')}</p>
      <button type="button" className="primary" onClick={() => void run()} disabled={busy || disabled}>
        {t('archive.export')}
      </button>
      <div aria-live="polite">
        {busy && <BusyIndicator label={t('archive.running')} />}
        <FormError message={error} />
        {result && (
          <div className="export-result">
            <p className="export-result-title">{t('archive.done')}</p>
            <ExportedFile fileName={result.fileName} size={result.size} downloadPath={result.downloadPath}>
              <div>
                <dt>{t('archive.evidence')}</dt>
                <dd>{t('archive.evidenceValue', { count: result.evidenceFiles, size: formatFileSize(result.evidenceBytes) })}</dd>
              </div>
            </ExportedFile>
          </div>
        )}
      </div>
    </section>
  );
}
