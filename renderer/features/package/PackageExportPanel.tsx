import { useId, useState } from 'react';
import type { PackageExport, VerifyReport } from '../../../shared/api/channels/package';
import { api } from '../../api/client';
import { BusyIndicator } from '../../components/BusyIndicator';
import { useT } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/vi';
import { formatFileSize } from '../evidence/evidence-format';
import { ExportedFile } from '../report/ExportedFile';
import { VerifyReportView } from './VerifyReportView';

interface PackageExportPanelProps {
  assessmentId: number;
  beforeExport: () => Promise<boolean>;
  otherBusy: boolean;
  onBusy: (busy: boolean) => void;
}

/** "Tạo gói hồ sơ (.zip)": the package for Sở Nội vụ, its link, and "Kiểm tra gói vừa tạo". */
export function PackageExportPanel({ assessmentId, beforeExport, otherBusy, onBusy }: PackageExportPanelProps) {
  const t = useT();
  const id = useId();
  const [busy, setBusy] = useState<'export' | 'verify' | null>(null);
  const [result, setResult] = useState<PackageExport | null>(null);
  const [report, setReport] = useState<VerifyReport | null>(null);
  const [error, setError] = useState<{ key: MessageKey; message: string } | null>(null);

  const work = async (kind: 'export' | 'verify', task: () => Promise<void>) => {
    setBusy(kind);
    onBusy(true);
    setError(null);
    setReport(null);
    try {
      await task();
    } finally {
      setBusy(null);
      onBusy(false);
    }
  };

  const create = () =>
    work('export', async () => {
      setResult(null);
      if (!(await beforeExport())) {
        setError({ key: 'package.export.failed', message: t('report.export.settingsFailed') });
        return;
      }
      const outcome = await api['package:export']({ assessmentId });
      if (outcome.ok) setResult(outcome.value);
      else setError({ key: 'package.export.failed', message: outcome.error.message });
    });

  const verify = (fileName: string) =>
    work('verify', async () => {
      const outcome = await api['package:verifyExport']({ fileName });
      if (outcome.ok) setReport(outcome.value);
      else setError({ key: 'package.export.verifyFailed', message: outcome.error.message });
    });

  const disabled = busy !== null || otherBusy;
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('package.export.title')}</h3>
      <p className="intro">{t('package.export.intro')}</p>
      <div className="form-actions">
        <button type="button" className="primary" onClick={() => void create()} disabled={disabled}>
          {t('package.export.create')}
        </button>
        {result && (
          <button type="button" onClick={() => void verify(result.fileName)} disabled={disabled}>
            {t('package.export.verify')}
          </button>
        )}
      </div>
      <div aria-live="polite">
        {busy && <BusyIndicator label={t(busy === 'export' ? 'package.export.running' : 'package.export.verifying')} />}
        {result && (
          <div className="export-result">
            <p className="export-result-title">{t('package.export.done')}</p>
            {result.reportDraft && <p className="completeness-warning">{t('package.export.reportDraft')}</p>}
            <ExportedFile fileName={result.fileName} size={result.size} downloadPath={result.downloadPath}>
              <div>
                <dt>{t('package.export.evidence')}</dt>
                <dd>{t('package.export.evidenceValue', { files: result.evidenceFiles, size: formatFileSize(result.evidenceBytes) })}</dd>
              </div>
            </ExportedFile>
          </div>
        )}
      </div>
      {report && <VerifyReportView report={report} />}
      {error && (
        <p className="form-error" role="alert">
          {t(error.key, { message: error.message })}
        </p>
      )}
    </section>
  );
}
