import { useId, useState } from 'react';
import type { ReportExport } from '../../../shared/api/report-entities';
import type { AppError } from '../../../shared/api/result';
import { api } from '../../api/client';
import { BusyIndicator } from '../../components/BusyIndicator';
import { useT } from '../../i18n/i18n';
import { ExportedFile } from './ExportedFile';

type Kind = 'draft' | 'final' | 'pdf';

interface ReportExportPanelProps {
  assessmentId: number;
  unanswered: number;
  needsExplanation: number;
  /** Saves what is still on its way (answers, report settings); false stops the export. */
  beforeExport: () => Promise<boolean>;
  /** Another long task (the package) is running: the buttons wait. */
  otherBusy: boolean;
  onBusy: (busy: boolean) => void;
}

/** "Xuất bản dự thảo", "Xuất bản chính thức" (only when complete) and "Xuất PDF"; then the file and its link. */
export function ReportExportPanel({ assessmentId, unanswered, needsExplanation, beforeExport, otherBusy, onBusy }: ReportExportPanelProps) {
  const t = useT();
  const id = useId();
  const [busy, setBusy] = useState<Kind | null>(null);
  const [result, setResult] = useState<ReportExport | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const complete = unanswered === 0 && needsExplanation === 0;

  const run = async (kind: Kind) => {
    setBusy(kind);
    onBusy(true);
    setError(null);
    setResult(null);
    try {
      if (!(await beforeExport())) {
        setError({ code: 'INVALID_INPUT', message: t('report.export.settingsFailed') });
        return;
      }
      const final = kind === 'final' || (kind === 'pdf' && complete);
      const outcome = await api['report:export']({ assessmentId, final, format: kind === 'pdf' ? 'pdf' : 'docx' });
      if (outcome.ok) setResult(outcome.value);
      else setError(outcome.error);
    } finally {
      setBusy(null);
      onBusy(false);
    }
  };

  const disabled = busy !== null || otherBusy;
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('report.export.title')}</h3>
      <div className="form-actions">
        <button type="button" onClick={() => void run('draft')} disabled={disabled}>
          {t('report.export.draft')}
        </button>
        <button type="button" className="primary" onClick={() => void run('final')} disabled={disabled || !complete} aria-describedby={complete ? undefined : `${id}-blocked`}>
          {t('report.export.final')}
        </button>
        <button type="button" onClick={() => void run('pdf')} disabled={disabled} aria-describedby={`${id}-pdf`}>
          {t('report.export.pdf')}
        </button>
      </div>
      {!complete && (
        <p className="field-hint" id={`${id}-blocked`}>
          {t('report.export.finalBlocked', { unanswered, needs: needsExplanation })}
        </p>
      )}
      <p className="field-hint" id={`${id}-pdf`}>
        {t('report.export.pdfHint')}
      </p>
      <div aria-live="polite">
        {busy && <BusyIndicator label={t(busy === 'pdf' ? 'report.export.runningPdf' : 'report.export.running')} />}
        {result && (
          <div className={`export-result${result.draft ? ' export-result--draft' : ''}`}>
            <p className="export-result-title">
              {t('report.export.done')}{' '}
              {result.draft ? <span className="badge badge--draft-mark">{t('report.result.draftMark')}</span> : <span className="badge badge--final">{t('report.result.final')}</span>}
            </p>
            {result.draft && result.missing.length > 0 && (
              <div className="missing">
                <p>{t('report.result.draft')}</p>
                <ul aria-label={t('report.result.missingList')}>
                  {result.missing.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </div>
            )}
            <ExportedFile fileName={result.fileName} size={result.size} downloadPath={result.downloadPath} />
          </div>
        )}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {t('report.export.failed', { message: error.message })}
        </p>
      )}
    </section>
  );
}
