import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import type { ArchiveInspection, ArchiveRestored } from '../../../shared/api/channels/data-folder';
import { api, hasDesktopBridge } from '../../api/client';
import { uploadDataArchive } from '../../api/data-archive-upload';
import type { UploadHandle } from '../../api/upload';
import { formatDateTime } from '../../components/format';
import { TextField } from '../../components/TextField';
import { useT } from '../../i18n/i18n';
import { formatFileSize } from '../evidence/evidence-format';
import { ArchiveSummary } from './ArchiveSummary';
import { FolderJobProgress } from './FolderJobProgress';
import { FolderPickButton } from './FolderPickButton';
import { FormError } from '../../components/FormError';

type State =
  | { kind: 'idle' }
  | { kind: 'checking'; percent: number | null }
  | { kind: 'inspected'; archive: ArchiveInspection }
  | { kind: 'restoring'; archive: ArchiveInspection }
  | { kind: 'restored'; result: ArchiveRestored }
  | { kind: 'refused'; message: string };

interface RestoreFromFilePanelProps {
  disabled: boolean;
  /** The app now runs on the restored folder: everything is read again. */
  onRestored: () => void;
}

/** "Khôi phục từ tệp": pick (desktop) or upload (browser) a whole-folder archive, see what it holds,
 *  restore it into a new folder; the app then uses that folder. */
export function RestoreFromFilePanel({ disabled, onRestored }: RestoreFromFilePanelProps) {
  const t = useT();
  const id = useId();
  const desktop = hasDesktopBridge();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [target, setTarget] = useState('');
  const [error, setError] = useState<string | null>(null);
  const upload = useRef<UploadHandle<unknown> | null>(null);

  useEffect(() => () => upload.current?.abort(), []);

  const inspected = (archive: ArchiveInspection) => {
    setTarget(archive.suggestedTarget);
    setState({ kind: 'inspected', archive });
  };

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setError(null);
    setState({ kind: 'checking', percent: 0 });
    const handle = uploadDataArchive(file, { network: t('restoreFile.network'), cancelled: t('restoreFile.cancelled') }, {
      onProgress: ({ loaded, total }) => setState({ kind: 'checking', percent: total > 0 ? Math.floor((loaded / total) * 100) : null }),
      onSent: () => setState({ kind: 'checking', percent: null }),
    });
    upload.current = handle;
    const r = await handle.promise;
    upload.current = null;
    if (r.ok) inspected(r.value);
    else setState({ kind: 'refused', message: r.error.message });
  };

  const pick = async () => {
    setError(null);
    setState({ kind: 'checking', percent: null });
    const r = await api['dataArchive:pick']({});
    if (!r.ok) setState({ kind: 'refused', message: r.error.message });
    else if (r.value.archive) inspected(r.value.archive);
    else setState({ kind: 'idle' });
  };

  const restore = async (archive: ArchiveInspection) => {
    setError(null);
    setState({ kind: 'restoring', archive });
    const r = await api['dataArchive:restore']({ archiveId: archive.archiveId, target });
    if (r.ok) {
      setState({ kind: 'restored', result: r.value });
      onRestored();
    } else {
      setError(t('restoreFile.failed', { message: r.error.message }));
      setState({ kind: 'inspected', archive });
    }
  };

  const discard = async (archive: ArchiveInspection) => {
    await api['dataArchive:discard']({ archiveId: archive.archiveId });
    setState({ kind: 'idle' });
  };

  const busy = disabled || state.kind === 'checking' || state.kind === 'restoring';
  const archive = state.kind === 'inspected' || state.kind === 'restoring' ? state.archive : null;
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('restoreFile.title')}</h2>
      <p className="hint">{t('restoreFile.intro')}</p>
      {desktop ? (
        <button type="button" onClick={() => void pick()} disabled={busy}>
          {t('restoreFile.pick')}
        </button>
      ) : (
        <div className="attach">
          <label className="file-button" htmlFor={`${id}-file`}>
            {t('restoreFile.upload')}
          </label>
          <input id={`${id}-file`} className="file-input" type="file" accept=".zip,application/zip" onChange={(e) => void onFile(e)} disabled={busy} />
        </div>
      )}
      <div aria-live="polite">
        {state.kind === 'checking' && (
          <div className="package-progress">
            {state.percent === null ? <progress className="progress" aria-label={t('job.progress')} /> : <progress className="progress" max={100} value={state.percent} aria-label={t('job.progress')} />}
            <p role="status">{state.percent === null ? t('restoreFile.checking') : t('restoreFile.uploading', { percent: state.percent })}</p>
          </div>
        )}
        {state.kind === 'refused' && (
          <p className="form-error" role="alert">
            {t('restoreFile.refused', { message: state.message })}
          </p>
        )}
        {state.kind === 'restored' && (
          <div className="success" role="status">
            <p>
              {t('restoreFile.done', {
                time: formatDateTime(state.result.createdAt),
                dir: state.result.dataDir,
                count: state.result.evidenceFiles,
                settings: state.result.settingsFile,
                previous: state.result.previousDir,
              })}
            </p>
            {state.result.envOverride && <p>{t('folder.envOverride', { dir: state.result.envOverride })}</p>}
          </div>
        )}
      </div>
      {archive && (
        <div className="export-result">
          <p className="export-result-title">{t('restoreFile.checked', { name: `${archive.fileName} (${formatFileSize(archive.size)})` })}</p>
          <ArchiveSummary archive={archive} />
          <div className="folder-choice">
            <TextField label={t('restoreFile.target')} hint={t('restoreFile.targetHint')} value={target} onChange={setTarget} disabled={busy} spellCheck={false} />
            {desktop && <FolderPickButton disabled={busy} onPicked={setTarget} />}
          </div>
          <FormError message={error} />
          <div className="form-actions">
            <button type="button" className="primary" onClick={() => void restore(archive)} disabled={busy || target.trim() === ''}>
              {t('restoreFile.run')}
            </button>
            <button type="button" onClick={() => void discard(archive)} disabled={busy}>
              {t('restoreFile.discard')}
            </button>
          </div>
          {state.kind === 'restoring' && <FolderJobProgress />}
        </div>
      )}
    </section>
  );
}
