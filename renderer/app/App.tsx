import { useCallback, useEffect, useState } from 'react';
import type { PackageUploadImportResult } from '../../shared/api/channels/package';
import type { Agency, AssessmentSummary } from '../../shared/api/entities';
import { api, type ApiClient } from '../api/client';
import { AgencyForm } from '../features/agency/AgencyForm';
import { AssessmentsScreen } from '../features/assessments/AssessmentsScreen';
import { BackupsScreen } from '../features/backups/BackupsScreen';
import { CriteriaEditorScreen } from '../features/criteria-editor/CriteriaEditorScreen';
import { AppraisalScreen } from '../features/appraisal/AppraisalScreen';
import { HistoryScreen } from '../features/history/HistoryScreen';
import { PackageTools } from '../features/package/PackageTools';
import { Workspace } from '../features/workspace/Workspace';
import { NextYearScreen } from '../features/years/NextYearScreen';
import { YearsScreen } from '../features/years/YearsScreen';
import { useT } from '../i18n/i18n';
import { AppHeader } from './AppHeader';
import { remembered } from './remembered';

type View =
  | { kind: 'loading' }
  | { kind: 'loadError'; message: string }
  | { kind: 'agencyForm'; editing: Agency | null }
  | { kind: 'assessments' }
  /** `opening`: the assessments:open call already on its way (started by the click that opened it). */
  | { kind: 'workspace'; assessmentId: number; opening?: ReturnType<ApiClient['assessments:open']> }
  | { kind: 'history'; assessmentId: number; year: number }
  | { kind: 'criteriaEditor' }
  | { kind: 'appraisal'; assessmentId: number; year: number; agencyId: number }
  | { kind: 'backups'; from: View }
  | { kind: 'nextYear'; source: AssessmentSummary }
  | { kind: 'years' };

/** Top level: which agency is current and which screen shows. Reopens what was open last time. */
export function App() {
  const t = useT();
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const [agencyId, setAgencyId] = useState<number | null>(null);
  const [view, setView] = useState<View>({ kind: 'loading' });
  /** Bumped when an import may have added assessments: the list is read again. */
  const [listVersion, setListVersion] = useState(0);

  /** Set after a start on a damaged or missing database, until a backup is restored or the officer goes on. */
  const [recoveryPending, setRecoveryPending] = useState(false);

  const load = useCallback(async () => {
    const info = await api['app:info']({});
    if (info.ok && info.value.recovery) {
      setRecoveryPending(true);
      setView({ kind: 'backups', from: { kind: 'assessments' } });
      return;
    }
    const result = await api['agencies:list']({});
    if (!result.ok) {
      setView({ kind: 'loadError', message: result.error.message });
      return;
    }
    const list = result.value.agencies;
    setAgencies(list);
    const last = remembered.agencyId();
    const current = list.find((a) => a.id === last) ?? list[0] ?? null;
    setAgencyId(current?.id ?? null);
    if (!current) {
      setView({ kind: 'agencyForm', editing: null });
      return;
    }
    const lastAssessment = current.id === last ? remembered.assessmentId() : null;
    setView(lastAssessment ? { kind: 'workspace', assessmentId: lastAssessment } : { kind: 'assessments' });
  }, []);

  useEffect(() => {
    // The backend is the external system this effect reads from.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load]);

  const current = agencies.find((a) => a.id === agencyId) ?? null;

  const selectAgency = (id: number) => {
    setAgencyId(id);
    remembered.setAgencyId(id);
    remembered.setAssessmentId(null);
    setView({ kind: 'assessments' });
  };

  const onAgencySaved = (agency: Agency) => {
    setAgencies((list) => (list.some((a) => a.id === agency.id) ? list.map((a) => (a.id === agency.id ? agency : a)) : [...list, agency]));
    selectAgency(agency.id);
  };

  const openAssessment = (assessmentId: number) => {
    remembered.setAssessmentId(assessmentId);
    // Asked for at the click, before React draws the switch (~20 ms on a page that has not run it yet).
    setView({ kind: 'workspace', assessmentId, opening: api['assessments:open']({ assessmentId }) });
  };

  /** After "Nhập gói": the agency list again; a first run moves on to the imported agency. */
  const onPackageImported = async (result: PackageUploadImportResult) => {
    const listed = await api['agencies:list']({});
    if (!listed.ok) return;
    setAgencies(listed.value.agencies);
    setListVersion((v) => v + 1);
    if (!current) {
      setAgencyId(result.agencyId);
      remembered.setAgencyId(result.agencyId);
      setView({ kind: 'assessments' });
    }
  };

  const openImported = (importedAgencyId: number, assessmentId: number) => {
    setAgencyId(importedAgencyId);
    remembered.setAgencyId(importedAgencyId);
    openAssessment(assessmentId);
  };

  /** After a restore, an undone import or "go on with empty data": every screen reads again. */
  const onDataReplaced = async () => {
    setRecoveryPending(false);
    setListVersion((v) => v + 1);
    const listed = await api['agencies:list']({});
    if (!listed.ok) return;
    setAgencies(listed.value.agencies);
    const next = listed.value.agencies.find((a) => a.id === agencyId) ?? listed.value.agencies[0] ?? null;
    setAgencyId(next?.id ?? null);
    remembered.setAssessmentId(null);
  };

  const openBackups = () => setView((v) => (v.kind === 'backups' ? v : { kind: 'backups', from: v.kind === 'workspace' || v.kind === 'history' || v.kind === 'appraisal' ? { kind: 'assessments' } : v }));

  const backToList = () => {
    remembered.setAssessmentId(null);
    setView({ kind: 'assessments' });
  };

  let body;
  switch (view.kind) {
    case 'loading':
      body = <p className="loading">{t('app.loading')}</p>;
      break;
    case 'loadError':
      body = (
        <p className="form-error" role="alert">
          {t('app.loadFailed', { message: view.message })}{' '}
          <button type="button" onClick={() => void load()}>
            {t('app.retry')}
          </button>
        </p>
      );
      break;
    case 'agencyForm':
      body = (
        <AgencyForm
          key={view.editing?.id ?? 'new'}
          agency={view.editing}
          firstRun={agencies.length === 0}
          onSaved={onAgencySaved}
          onCancel={current ? () => setView({ kind: 'assessments' }) : null}
        />
      );
      break;
    case 'assessments':
      body = current && (
        <AssessmentsScreen
          agency={current}
          version={listVersion}
          onOpen={openAssessment}
          onNextYear={(source) => setView({ kind: 'nextYear', source })}
          onCompareYears={() => setView({ kind: 'years' })}
          onOpenEditor={() => setView({ kind: 'criteriaEditor' })}
        />
      );
      break;
    case 'nextYear':
      body = current && <NextYearScreen agency={current} source={view.source} onBack={() => setView({ kind: 'assessments' })} onCreated={openAssessment} />;
      break;
    case 'years':
      body = current && <YearsScreen agency={current} onBack={() => setView({ kind: 'assessments' })} />;
      break;
    case 'workspace':
      body = <Workspace key={view.assessmentId} assessmentId={view.assessmentId} opening={view.opening} onBack={backToList} onHistory={(year) => setView({ kind: 'history', assessmentId: view.assessmentId, year })} onAppraisal={(year, agencyId) => setView({ kind: 'appraisal', assessmentId: view.assessmentId, year, agencyId })} />;
      break;
    case 'history':
      body = <HistoryScreen assessmentId={view.assessmentId} year={view.year} onBack={() => setView({ kind: 'workspace', assessmentId: view.assessmentId })} />;
      break;
    case 'criteriaEditor':
      body = <CriteriaEditorScreen onBack={() => setView({ kind: 'assessments' })} />;
      break;
    case 'appraisal':
      body = <AppraisalScreen assessmentId={view.assessmentId} agencyId={view.agencyId} year={view.year} onBack={() => setView({ kind: 'workspace', assessmentId: view.assessmentId })} />;
      break;
    case 'backups':
      body = (
        <BackupsScreen
          onBack={recoveryPending ? null : () => setView(current || view.from.kind !== 'assessments' ? view.from : { kind: 'agencyForm', editing: null })}
          onDataReplaced={() => void onDataReplaced()}
        />
      );
      break;
  }

  return (
    <div className={`app app--${view.kind}`}>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <AppHeader
        agencies={agencies}
        current={current}
        onSelect={selectAgency}
        onAdd={() => setView({ kind: 'agencyForm', editing: null })}
        onEdit={() => current && setView({ kind: 'agencyForm', editing: current })}
        onBackups={view.kind === 'workspace' ? null : openBackups}
      />
      <main id="main" className="app-main">
        {body}
        {/* Beside the assessments (and on the first run, to bring in work from another computer);
            kept in one place so its result stays when the first import switches the screen. */}
        {(view.kind === 'assessments' || (view.kind === 'agencyForm' && agencies.length === 0)) && (
          <div className="screen screen--below">
            <PackageTools onImported={(result) => void onPackageImported(result)} onOpen={openImported} onDataReplaced={() => void onDataReplaced()} />
          </div>
        )}
      </main>
    </div>
  );
}
