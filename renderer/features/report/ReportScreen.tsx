import { BackButton } from '../../components/BackButton';
import { useEffect, useState } from 'react';
import type { Agency } from '../../../shared/api/entities';
import type { Totals } from '../../../shared/domain/scoring-types';
import { api } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { PackageExportPanel } from '../package/PackageExportPanel';
import { CompletenessSummary } from './CompletenessSummary';
import { ReportExportPanel } from './ReportExportPanel';
import { ReportSettingsForm } from './ReportSettingsForm';
import { ReportSettingsStore } from './report-settings-store';

interface ReportScreenProps {
  assessmentId: number;
  agency: Agency;
  totals: Totals;
  /** Sends the answers still on their way, so the export reads them. */
  settleAnswers: () => Promise<void>;
  onBack: () => void;
  onShowGaps: () => void;
}

/** "Báo cáo và gói hồ sơ": what is missing, the report's own fields, the exports and the package. */
export function ReportScreen({ assessmentId, agency, totals, settleAnswers, onBack, onShowGaps }: ReportScreenProps) {
  const t = useT();
  const [store] = useState(() => new ReportSettingsStore(assessmentId, { get: api['report:getSettings'], save: api['report:saveSettings'] }));
  const [reportBusy, setReportBusy] = useState(false);
  const [packageBusy, setPackageBusy] = useState(false);

  useEffect(() => {
    void store.load();
    // Leaving the screen keeps what was typed.
    return () => void store.save();
  }, [store]);

  const beforeExport = async (): Promise<boolean> => {
    await settleAnswers();
    return store.save();
  };

  return (
    <div className="report-screen">
      <div className="report-inner">
        <div className="report-head">
          <BackButton label={t('report.back')} onBack={onBack} />
          <h2 className="report-title">{t('report.title')}</h2>
        </div>
        <p className="intro">{t('report.intro')}</p>
        <CompletenessSummary totals={totals} onShowGaps={onShowGaps} />
        <ReportSettingsForm store={store} agency={agency} />
        <ReportExportPanel
          assessmentId={assessmentId}
          unanswered={totals.unansweredCount}
          needsExplanation={totals.needsExplanationCount}
          beforeExport={beforeExport}
          otherBusy={packageBusy}
          onBusy={setReportBusy}
        />
        <PackageExportPanel assessmentId={assessmentId} beforeExport={beforeExport} otherBusy={reportBusy} onBusy={setPackageBusy} />
      </div>
    </div>
  );
}
