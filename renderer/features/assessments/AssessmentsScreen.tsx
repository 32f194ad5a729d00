import { useCallback, useEffect, useState } from 'react';
import type { Agency, AssessmentSummary, CriteriaSetSummary } from '../../../shared/api/entities';
import { api } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { warmUpWorkspace } from '../workspace/warm-up';
import { AssessmentList } from './AssessmentList';
import { CompareCriteriaSets } from './CompareCriteriaSets';
import { CreateAssessment } from './CreateAssessment';
import { ExportCriteriaSet } from './ExportCriteriaSet';
import { ImportCriteriaSet } from './ImportCriteriaSet';

/** The agency's assessments, creating a new one, and importing criteria sets. */
interface AssessmentsScreenProps {
  agency: Agency;
  version?: number;
  onOpen: (assessmentId: number) => void;
  onNextYear: (source: AssessmentSummary) => void;
  onCompareYears: () => void;
  /** Opens "Soạn bộ chỉ số" (absent where the editor is not offered). */
  onOpenEditor?: () => void;
}

export function AssessmentsScreen({ agency, version = 0, onOpen, onNextYear, onCompareYears, onOpenEditor }: AssessmentsScreenProps) {
  const t = useT();
  const [assessments, setAssessments] = useState<AssessmentSummary[] | null>(null);
  const [sets, setSets] = useState<CriteriaSetSummary[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [preferredHash, setPreferredHash] = useState<string | null>(null);

  const load = useCallback(async () => {
    const [list, installed] = await Promise.all([api['assessments:list']({ agencyId: agency.id }), api['criteriaSets:list']({})]);
    if (list.ok) setAssessments(list.value.assessments);
    if (installed.ok) setSets(installed.value.sets);
    const failure = !list.ok ? list.error : !installed.ok ? installed.error : null;
    setError(failure ? failure.message : null);
  }, [agency.id]);

  useEffect(() => {
    // Loading from the backend is the external system this effect synchronises with.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
    // `version` changes when a package import may have added an assessment.
  }, [load, version]);

  // While the list waits for a click, the workspace of the first assessment is drawn once off the
  // page, so that the first open does not run its code for the first time (workspace/warm-up.tsx).
  const firstId = assessments?.[0]?.id;
  useEffect(() => (firstId === undefined ? undefined : warmUpWorkspace(firstId)), [firstId]);

  const onImported = (summary: CriteriaSetSummary) => {
    setPreferredHash(summary.hash);
    void load();
  };

  return (
    <div className="screen">
      <section className="panel" aria-labelledby="assessments-heading">
        <h1 id="assessments-heading">{t('assessments.title')}</h1>
        {error && (
          <p className="form-error" role="alert">
            {t('app.loadFailed', { message: error })}{' '}
            <button type="button" onClick={() => void load()}>
              {t('app.retry')}
            </button>
          </p>
        )}
        {assessments === null && !error ? <p>{t('app.loading')}</p> : <AssessmentList assessments={assessments ?? []} onOpen={onOpen} onNextYear={onNextYear} />}
        {assessments !== null && assessments.length > 0 && (
          <div className="form-actions">
            <button type="button" onClick={onCompareYears}>
              {t('yoy.open')}
            </button>
          </div>
        )}
      </section>
      <CreateAssessment key={agency.id} agency={agency} sets={sets} preferredHash={preferredHash} onCreated={(a) => onOpen(a.id)} />
      {onOpenEditor && (
        <section className="panel" aria-label={t('editor.title')}>
          <button type="button" className="button" onClick={onOpenEditor}>
            {t('editor.open')}
          </button>
        </section>
      )}
      <ImportCriteriaSet onImported={onImported} />
      <ExportCriteriaSet sets={sets} />
      <CompareCriteriaSets sets={sets} />
    </div>
  );
}
