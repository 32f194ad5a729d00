import { useId, useRef, useState, type ChangeEvent } from 'react';
import { MAX_CRITERIA_SET_XLSX_BYTES } from '../../../shared/api/channels/criteria-sets';
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
  | { kind: 'confirm'; file: PickedSetFile };

/** What was read from the chosen file: the JSON text, or the .xlsx bytes in base64. */
type PickedSetFile = { fileName: string; text: string } | { fileName: string; dataBase64: string };

const isXlsx = (name: string): boolean => /\.xlsx$/i.test(name);

/** Base64 of the file's bytes, in chunks (String.fromCharCode takes a bounded number of arguments). */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** "Nhập bộ chỉ số từ tệp": reads a .json or .xlsx file and installs it (asking before a new version). */
export function ImportCriteriaSet({ onImported }: { onImported: (summary: CriteriaSetSummary) => void }) {
  const t = useT();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<ImportState>({ kind: 'idle' });

  const send = async (file: PickedSetFile, confirmNewVersion: boolean) => {
    setState({ kind: 'busy' });
    const result =
      'dataBase64' in file
        ? await api['criteriaSets:importXlsx']({ fileName: file.fileName, dataBase64: file.dataBase64, confirmNewVersion })
        : await api['criteriaSets:import']({ fileName: file.fileName, text: file.text, confirmNewVersion });
    if (result.ok) {
      const { summary, alreadyInstalled } = result.value;
      setState({ kind: 'done', message: t(alreadyInstalled ? 'import.already' : 'import.done', { title: summary.title }) });
      onImported(summary);
    } else if (!confirmNewVersion && (result.error.code === 'NEEDS_CONFIRMATION' || result.error.code === 'CONFLICT')) {
      setState({ kind: 'confirm', file });
    } else {
      setState({ kind: 'failed', error: result.error });
    }
  };

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    const max = isXlsx(file.name) ? MAX_CRITERIA_SET_XLSX_BYTES : MAX_CRITERIA_SET_BYTES;
    if (file.size > max) {
      setState({ kind: 'failed', error: { code: 'INVALID_INPUT', message: t('import.tooBig', { max: max / 1024 / 1024 }) } });
      return;
    }
    let picked: PickedSetFile;
    try {
      picked = isXlsx(file.name) ? { fileName: file.name, dataBase64: await base64Of(file) } : { fileName: file.name, text: await file.text() };
    } catch {
      setState({ kind: 'failed', error: { code: 'INVALID_INPUT', message: t('import.readFailed') } });
      return;
    }
    await send(picked, false);
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
            accept=".json,application/json,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
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
            <button type="button" className="primary" autoFocus onClick={() => void send(state.file, true)}>
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
