import { useId, useRef, useState, type ChangeEvent } from 'react';
import { MAX_CRITERIA_SET_BYTES } from '../../../shared/api/contract';
import type { CriteriaSetSummary } from '../../../shared/api/entities';
import type { AppError } from '../../../shared/api/result';
import { api } from '../../api/client';
import { IssueList } from '../../components/IssueList';
import { useT } from '../../i18n/i18n';

type ImportState =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; message: string }
  | { kind: 'failed'; error: AppError }
  | { kind: 'confirm'; fileName: string; text: string };

/** "Nhập bộ chỉ số từ tệp": reads a .json file and installs it (asking before a new version). */
export function ImportCriteriaSet({ onImported }: { onImported: (summary: CriteriaSetSummary) => void }) {
  const t = useT();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<ImportState>({ kind: 'idle' });

  const send = async (fileName: string, text: string, confirmNewVersion: boolean) => {
    setState({ kind: 'busy' });
    const result = await api['criteriaSets:import']({ fileName, text, confirmNewVersion });
    if (result.ok) {
      const { summary, alreadyInstalled } = result.value;
      setState({ kind: 'done', message: t(alreadyInstalled ? 'import.already' : 'import.done', { title: summary.title }) });
      onImported(summary);
    } else if (!confirmNewVersion && (result.error.code === 'NEEDS_CONFIRMATION' || result.error.code === 'CONFLICT')) {
      setState({ kind: 'confirm', fileName, text });
    } else {
      setState({ kind: 'failed', error: result.error });
    }
  };

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    if (file.size > MAX_CRITERIA_SET_BYTES) {
      setState({ kind: 'failed', error: { code: 'INVALID_INPUT', message: t('import.tooBig', { max: MAX_CRITERIA_SET_BYTES / 1024 / 1024 }) } });
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      setState({ kind: 'failed', error: { code: 'INVALID_INPUT', message: t('import.readFailed') } });
      return;
    }
    await send(file.name, text, false);
  };

  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('import.title')}</h2>
      <div className="field">
        {/* The app's own button (not the browser's bare "Choose File"); the input inside keeps focus and its name. */}
        <label className="button primary file-button">
          {t('import.chooseButton')}
          <input
            className="sr-only"
            ref={inputRef}
            type="file"
            accept=".json,application/json"
            onChange={onFile}
            disabled={state.kind === 'busy'}
            aria-label={t('import.fileLabel')}
            aria-describedby={`${id}-hint`}
          />
        </label>
        <p className="field-hint" id={`${id}-hint`}>
          {t('import.hint')}
        </p>
      </div>
      <div aria-live="polite">
        {state.kind === 'busy' && <p role="status">{t('import.reading')}</p>}
        {state.kind === 'done' && (
          <p className="success" role="status">
            {state.message}
          </p>
        )}
      </div>
      {state.kind === 'failed' &&
        (state.error.issues && state.error.issues.length > 0 ? (
          <IssueList title={`${state.error.message} ${t('import.issuesTitle')}`} issues={state.error.issues} />
        ) : (
          <p className="form-error" role="alert">
            {state.error.message}
          </p>
        ))}
      {state.kind === 'confirm' && (
        <div className="confirm" role="alertdialog" aria-labelledby={`${id}-confirm`} aria-modal="false">
          <p id={`${id}-confirm`}>{t('import.confirmQuestion')}</p>
          <div className="form-actions">
            <button type="button" className="primary" autoFocus onClick={() => void send(state.fileName, state.text, true)}>
              {t('import.confirmYes')}
            </button>
            <button
              type="button"
              onClick={() => {
                setState({ kind: 'done', message: t('import.cancelled') });
                inputRef.current?.focus();
              }}
            >
              {t('import.confirmNo')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
