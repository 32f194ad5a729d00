import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import type { PackageUploadImportResult } from '../../../shared/api/channels/package';
import type { AppError, Result } from '../../../shared/api/result';
import { importPackageUpload, verifyPackageUpload } from '../../api/transfer';
import type { UploadCallbacks, UploadHandle } from '../../api/upload';
import { ConfirmInline } from '../../components/ConfirmInline';
import { IssueList } from '../../components/IssueList';
import { useT } from '../../i18n/i18n';
import { formatFileSize } from '../evidence/evidence-format';
import { fileDropHandlers } from '../evidence/file-drop';
import { ImportResultView } from './ImportResultView';
import { ResponseImportResultView } from './ResponseImportResultView';
import { isBusy, percentOf, type PackageAction, type PanelState } from './package-upload-state';
import { VerifyReportView } from './VerifyReportView';

interface PackageToolsProps {
  /** An import went through: the agency and assessment lists are read again. */
  onImported: (result: PackageUploadImportResult) => void;
  onOpen: (agencyId: number, assessmentId: number) => void;
  /** An import was undone: the data behind every screen changed. */
  onDataReplaced: () => void;
}

/** "Kiểm tra gói" and "Nhập gói" for a package the officer picks (USB stick, e-mail attachment):
 *  a full package, or a response package ("gói giải trình") for an assessment already here. */
export function PackageTools({ onImported, onOpen, onDataReplaced }: PackageToolsProps) {
  const t = useT();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<PanelState>({ kind: 'idle' });
  const [over, setOver] = useState(false);
  const upload = useRef<UploadHandle<unknown> | null>(null);

  useEffect(() => () => upload.current?.abort(), []);

  const pick = (picked: File | null) => {
    if (!picked || isBusy(state)) return;
    setFile(picked);
    setState({ kind: 'idle' });
  };

  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const picked = e.target.files?.[0] ?? null;
    e.target.value = ''; // the same file can be picked again after it changed
    pick(picked);
  };

  const send = async <T,>(action: PackageAction, start: (callbacks: UploadCallbacks) => UploadHandle<T>): Promise<Result<T> | null> => {
    setState({ kind: 'sending', action, loaded: 0, total: file?.size ?? 0 });
    const handle = start({
      onProgress: ({ loaded, total }) => setState({ kind: 'sending', action, loaded, total }),
      onSent: () => setState({ kind: 'processing', action }),
    });
    upload.current = handle;
    const result = await handle.promise;
    upload.current = null;
    if (!result.ok && result.error.code === 'CANCELLED') {
      setState({ kind: 'cancelled' });
      return null;
    }
    return result;
  };

  const fail = (error: AppError) => setState({ kind: 'failed', error });
  const messages = { network: t('package.tools.network'), cancelled: t('package.tools.cancelled') };

  const verify = async () => {
    if (!file) return;
    const result = await send('verify', (callbacks) => verifyPackageUpload(file, messages, callbacks));
    if (!result) return;
    if (result.ok) setState({ kind: 'verified', report: result.value });
    else fail(result.error);
  };

  const importPackage = async (overwrite: boolean) => {
    if (!file) return;
    const result = await send('import', (callbacks) => importPackageUpload(file, overwrite, messages, callbacks));
    if (!result) return;
    if (result.ok) {
      setState({ kind: 'imported', result: result.value });
      onImported(result.value);
    } else if (result.error.code === 'NEEDS_CONFIRMATION' && !overwrite) setState({ kind: 'confirm', message: result.error.message });
    else fail(result.error);
  };

  const busy = isBusy(state);
  const progress = state.kind === 'sending' || state.kind === 'processing' ? state : null;
  return (
    <section className="panel package-tools" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('package.tools.title')}</h2>
      <p className="intro">{t('package.tools.intro')}</p>
      <div className={`attach package-pick${over ? ' attach--over' : ''}`} {...fileDropHandlers((files) => pick(files[0] ?? null), setOver)}>
        <label className="file-button" htmlFor={`${id}-file`}>
          {t('package.tools.file')}
        </label>
        <input
          id={`${id}-file`}
          className="file-input"
          type="file"
          accept=".zip,application/zip"
          onChange={onFile}
          disabled={busy}
          aria-describedby={`${id}-chosen`}
        />
        <span className={file ? 'package-chosen' : 'drop-hint'} id={`${id}-chosen`}>
          {file ? t('package.tools.chosen', { name: file.name, size: formatFileSize(file.size) }) : t('package.tools.none')}
        </span>
      </div>
      <div className="form-actions">
        <button type="button" onClick={() => void verify()} disabled={!file || busy}>
          {t('package.tools.verify')}
        </button>
        <button type="button" className="primary" onClick={() => void importPackage(false)} disabled={!file || busy}>
          {t('package.tools.import')}
        </button>
      </div>
      <div aria-live="polite">
        {progress && (
          <div className="package-progress">
            {progress.kind === 'sending' ? (
              <progress className="progress" max={100} value={percentOf(progress)} aria-label={t('package.tools.progressLabel')} />
            ) : (
              <progress className="progress" aria-label={t('package.tools.progressLabel')} />
            )}
            <div className="package-progress-line">
              <p role="status">
                {progress.kind === 'sending'
                  ? t('package.tools.sending', { percent: percentOf(progress) })
                  : t(progress.action === 'verify' ? 'package.tools.verifying' : 'package.tools.importing')}
              </p>
              {progress.kind === 'sending' && (
                <button type="button" className="small" onClick={() => upload.current?.abort()}>
                  {t('package.tools.cancel')}
                </button>
              )}
            </div>
          </div>
        )}
        {state.kind === 'cancelled' && <p role="status">{t('package.tools.cancelled')}</p>}
      </div>
      {state.kind === 'verified' && <VerifyReportView report={state.report} />}
      {state.kind === 'imported' &&
        (state.result.kind === 'response' ? (
          <ResponseImportResultView result={state.result} onOpen={() => onOpen(state.result.agencyId, state.result.assessmentId)} onUndone={onDataReplaced} />
        ) : (
          <ImportResultView result={state.result} onOpen={() => onOpen(state.result.agencyId, state.result.assessmentId)} onUndone={onDataReplaced} />
        ))}
      {state.kind === 'confirm' && (
        <>
          <ConfirmInline
            question={t('package.import.confirm')}
            confirmLabel={t('package.import.replace')}
            cancelLabel={t('package.import.keep')}
            onConfirm={() => void importPackage(true)}
            onCancel={() => setState({ kind: 'failed', error: { code: 'CANCELLED', message: t('package.import.kept') } })}
          />
          <p className="field-hint">{state.message}</p>
        </>
      )}
      {state.kind === 'failed' &&
        (state.error.issues && state.error.issues.length > 1 ? (
          <IssueList title={state.error.message} issues={state.error.issues} />
        ) : (
          <p className={state.error.code === 'CANCELLED' ? 'note' : 'form-error'} role={state.error.code === 'CANCELLED' ? 'status' : 'alert'}>
            {state.error.message}
          </p>
        ))}
    </section>
  );
}
