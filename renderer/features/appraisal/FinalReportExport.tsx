import { useState } from 'react';
import type { ReportExport } from '../../../shared/api/report-entities';
import { api } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { ExportedFile } from '../report/ExportedFile';

/** "Báo cáo kết quả cuối năm (tự đánh giá và thẩm định)": the report with both scores side by side. */
export function FinalReportExport({ assessmentId }: { assessmentId: number }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [exported, setExported] = useState<ReportExport | null>(null);

  const run = async () => {
    setBusy(true);
    setError(null);
    const r = await api['report:export']({ assessmentId, final: false, format: 'docx', withAppraisal: true });
    setBusy(false);
    if (r.ok) setExported(r.value);
    else setError(r.error.message);
  };

  return (
    <section className="appraisal-final-report" aria-label={t('appraisal.finalReportTitle')}>
      <h2>{t('appraisal.finalReportTitle')}</h2>
      <button type="button" disabled={busy} onClick={() => void run()}>
        {t('appraisal.exportFinalReport')}
      </button>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {exported && <ExportedFile fileName={exported.fileName} size={exported.size} downloadPath={exported.downloadPath} />}
    </section>
  );
}
