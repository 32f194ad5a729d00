import { useCallback, useEffect, useRef, useState } from 'react';
import type { AssessmentView } from '../../../shared/api/contract';
import type { Result } from '../../../shared/api/result';
import { api } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { WorkspaceView } from './WorkspaceView';

interface WorkspaceProps {
  assessmentId: number;
  /** The assessments:open call the opening click already started; used for the first load only. */
  opening?: Promise<Result<AssessmentView>>;
  onBack: () => void;
  onHistory: (year: number) => void;
  onAppraisal: (year: number, agencyId: number) => void;
}

/** Opens an assessment (assessments:open) and shows its workspace. */
export function Workspace({ assessmentId, opening, onBack, onHistory, onAppraisal }: WorkspaceProps) {
  const t = useT();
  const [view, setView] = useState<AssessmentView | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** Bumped when the assessment changed outside the workspace's own saves (an accepted suggestion): the view starts again from the backend. */
  const [generation, setGeneration] = useState(0);

  const started = useRef(opening);

  const load = useCallback(async () => {
    setError(null);
    // A retry or a reload asks again.
    const pending = started.current;
    started.current = undefined;
    const result = await (pending ?? api['assessments:open']({ assessmentId }));
    if (result.ok) setView(result.value);
    else setError(result.error.message);
  }, [assessmentId]);

  useEffect(() => {
    // The backend is the external system this effect reads from.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load]);

  if (error) {
    return (
      <div className="panel">
        <p className="form-error" role="alert">
          {t('app.loadFailed', { message: error })}
        </p>
        <div className="form-actions">
          <button type="button" onClick={() => void load()}>
            {t('app.retry')}
          </button>
          <button type="button" onClick={onBack}>
            {t('ws.back')}
          </button>
        </div>
      </div>
    );
  }
  if (!view) return <p className="loading">{t('app.loading')}</p>;
  const reload = () =>
    void load().then(() => setGeneration((g) => g + 1));
  return <WorkspaceView key={generation} view={view} onBack={onBack} onHistory={() => onHistory(view.assessment.year)} onReload={reload} onAppraisal={() => onAppraisal(view.assessment.year, view.agency.id)} />;
}
