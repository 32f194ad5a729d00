import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppraisalTotalsView, AppraisalView } from '../../../shared/api/channels/appraisal';
import type { ExportedFileView } from '../../../shared/api/channels/history';
import type { EvidenceItem } from '../../../shared/api/evidence-entities';
import { formatDateVi } from '../../../shared/format/dates';
import { formatDecimalVi } from '../../../shared/format/numbers';
import { importAppraisalFile } from '../../api/appraisal-upload';
import { api } from '../../api/client';
import { BackButton } from '../../components/BackButton';
import { formatDateTime } from '../../components/format';
import { useT } from '../../i18n/i18n';
import { ExportedFile } from '../report/ExportedFile';
import { AppraisalTable } from './AppraisalTable';
import { FinalReportExport } from './FinalReportExport';
import { ResponseExport } from './ResponseExport';
import './appraisal.css';
import { FormError } from '../../components/FormError';

interface AppraisalScreenProps {
  assessmentId: number;
  agencyId: number;
  year: number;
  onBack: () => void;
}

/** "Kết quả thẩm định": import the council's file, see it beside the self scores, answer its requests, export the response. */
export function AppraisalScreen({ assessmentId, agencyId, year, onBack }: AppraisalScreenProps) {
  const t = useT();
  const [view, setView] = useState<AppraisalView | null>(null);
  const [documents, setDocuments] = useState<EvidenceItem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form, setForm] = useState<ExportedFileView | null>(null);

  // Every view shown gets a number: a read that was asked before a newer view arrived (the screen's
  // first read still in flight when an import answers) must not put the older view back.
  const viewNumber = useRef(0);
  const showView = useCallback((next: AppraisalView) => {
    viewNumber.current += 1;
    setView(next);
  }, []);

  const load = useCallback(async () => {
    const asked = viewNumber.current;
    const [v, docs] = await Promise.all([api['appraisal:get']({ assessmentId }), api['evidence:listForAgency']({ agencyId })]);
    if (!v.ok) setError(v.error.message);
    else if (viewNumber.current === asked) showView(v.value);
    if (docs.ok) setDocuments(docs.value.items);
  }, [assessmentId, agencyId, showView]);

  useEffect(() => {
    // The backend is the external system this effect reads from.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load]);

  const importFile = async (file: File) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    const r = await importAppraisalFile(file, assessmentId, { network: t('appraisal.network'), cancelled: t('appraisal.cancelled') }).promise;
    setBusy(false);
    if (!r.ok) {
      setError(r.error.message);
      return;
    }
    showView(r.value.appraisal);
    setNotice(r.value.changed ? t('appraisal.imported', { round: r.value.round }) : t('appraisal.importedSame', { round: r.value.round }));
  };

  const exportForm = async () => {
    const r = await api['appraisal:exportForm']({ assessmentId });
    if (r.ok) setForm(r.value);
    else setError(r.error.message);
  };

  const changed = (next: AppraisalView) => {
    showView(next);
    void api['evidence:listForAgency']({ agencyId }).then((docs) => docs.ok && setDocuments(docs.value.items));
  };

  const totalsLine = (x: AppraisalTotalsView) => t('appraisal.totalsRow', { total: formatDecimalVi(x.total), max: formatDecimalVi(x.applicableMax), percent: formatDecimalVi(x.percent), className: x.className });

  return (
    <div className="screen appraisal-screen">
      <BackButton label={t('appraisal.back')} onBack={onBack} />
      <h1>{t('appraisal.title', { year })}</h1>
      <div className="appraisal-tools">
        <div className="field">
          <label htmlFor="appraisal-file">{t('appraisal.importLabel')}</label>
          <input
            id="appraisal-file"
            type="file"
            accept=".json,.xlsx,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            disabled={busy}
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void importFile(f);
            }}
          />
        </div>
        <button type="button" onClick={() => void exportForm()}>
          {t('appraisal.exportForm')}
        </button>
      </div>
      {form && <ExportedFile {...form} />}
      {busy && <p role="status">{t('appraisal.importing')}</p>}
      {notice && <p role="status" className="appraisal-notice">{notice}</p>}
      <FormError message={error} />
      {view && view.rounds.length === 0 && <p className="field-hint">{t('appraisal.none')}</p>}
      {view && view.rounds.length > 0 && (
        <>
          <section aria-label={t('appraisal.rounds')}>
            <h2>{t('appraisal.rounds')}</h2>
            <ul className="appraisal-rounds">
              {view.rounds.map((r) => (
                <li key={r.round}>
                  {t('appraisal.round', { round: r.round, file: r.fileName, when: formatDateTime(r.importedAt) })}
                  {r.appraisedOn && t('appraisal.roundDate', { date: formatDateVi(r.appraisedOn) })}
                  {r.statedTotal !== null && t('appraisal.roundStated', { total: formatDecimalVi(r.statedTotal), percent: formatDecimalVi(r.statedPercent ?? 0) })}
                </li>
              ))}
            </ul>
          </section>
          <section className="appraisal-totals" aria-label={t('appraisal.totals')}>
            <dl>
              <div>
                <dt>{t('appraisal.totalsSelf')}</dt>
                <dd>{totalsLine(view.self)}</dd>
              </div>
              <div>
                <dt>{t('appraisal.totalsAppraised')}</dt>
                <dd>{totalsLine(view.appraised)}</dd>
              </div>
            </dl>
            {view.surveyMissing > 0 && <p className="field-hint">{t('appraisal.surveyMissing', { count: view.surveyMissing })}</p>}
            {view.requestCount > 0 && (
              <p className="appraisal-progress" role="status">
                {view.openRequests > 0 ? t('appraisal.openRequests', { open: view.openRequests, count: view.requestCount }) : t('appraisal.allAnswered', { count: view.requestCount })}
              </p>
            )}
            {!view.canRespond && view.requestCount > 0 && <p className="field-hint">{t('appraisal.readOnly')}</p>}
          </section>
          <AppraisalTable view={view} documents={documents} onChange={changed} />
          {view.requestCount > 0 && <ResponseExport assessmentId={assessmentId} requestRounds={view.requestRounds} />}
          <FinalReportExport assessmentId={assessmentId} />
        </>
      )}
    </div>
  );
}
