import { useCallback, useEffect, useId, useState } from 'react';
import type { DataFolderInfo, FolderMoved } from '../../../shared/api/channels/data-folder';
import { api } from '../../api/client';
import { TextField } from '../../components/TextField';
import { useT } from '../../i18n/i18n';
import { formatFileSize } from '../evidence/evidence-format';
import { FolderJobProgress } from './FolderJobProgress';
import { FolderPickButton } from './FolderPickButton';
import { FormError } from '../../components/FormError';

interface DataFolderPanelProps {
  disabled: boolean;
  /** The app now runs on the new folder (the same data): the screens that show the folder read again. */
  onMoved: () => void;
}

/** "Chọn thư mục dữ liệu": the current folder and its size; a new folder (typed, or picked on the
 *  desktop); the move with its progress; afterwards the new folder and where the old one is kept. */
export function DataFolderPanel({ disabled, onMoved }: DataFolderPanelProps) {
  const t = useT();
  const id = useId();
  const [info, setInfo] = useState<DataFolderInfo | null>(null);
  const [target, setTarget] = useState('');
  const [moving, setMoving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [moved, setMoved] = useState<FolderMoved | null>(null);

  const load = useCallback(async () => {
    const r = await api['dataFolder:info']({});
    if (r.ok) setInfo(r.value);
    else setError(r.error.message);
  }, []);

  useEffect(() => {
    // The backend is the external system this effect reads from.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load]);

  const move = async () => {
    setError(null);
    setMoved(null);
    setMoving(true);
    const r = await api['dataFolder:move']({ target });
    setMoving(false);
    if (!r.ok) {
      setError(t('folder.failed', { message: r.error.message }));
      return;
    }
    setMoved(r.value);
    setTarget('');
    await load();
    onMoved();
  };

  const busy = disabled || moving;
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('folder.title')}</h2>
      {info && <p className="folder-current">{t('folder.current', { dir: info.dataDir, size: formatFileSize(info.sizeBytes) })}</p>}
      <p className="hint">{t('folder.intro')}</p>
      <div className="folder-choice">
        <TextField
          label={t('folder.target')}
          hint={t('folder.targetHint', { example: info?.suggestedTarget ?? 'D:\\PAR-du-lieu' })}
          value={target}
          onChange={setTarget}
          disabled={busy}
          spellCheck={false}
        />
        {info?.canPickFolder && <FolderPickButton disabled={busy} onPicked={setTarget} />}
      </div>
      <div className="form-actions">
        <button type="button" className="primary" onClick={() => void move()} disabled={busy || target.trim() === ''}>
          {t('folder.move')}
        </button>
      </div>
      <div aria-live="polite">
        {moving && <FolderJobProgress />}
        <FormError message={error} />
        {moved && (
          <div className="success" role="status">
            <p>{t('folder.done', { dir: moved.dataDir, count: moved.files, size: formatFileSize(moved.bytes), settings: moved.settingsFile })}</p>
            <p>{t('folder.oldKept', { dir: moved.previousDir })}</p>
            {moved.envOverride && <p>{t('folder.envOverride', { dir: moved.envOverride })}</p>}
          </div>
        )}
      </div>
    </section>
  );
}
