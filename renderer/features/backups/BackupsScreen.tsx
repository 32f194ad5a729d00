import { useCallback, useEffect, useState } from 'react';
import type { KeptBackup, RecoveryNoticeView } from '../../../shared/api/channels/backups';
import { api } from '../../api/client';
import { formatDateTime } from '../../components/format';
import { useT } from '../../i18n/i18n';
import { BackupRow } from './BackupRow';
import { BackupViewer } from './BackupViewer';
import { DataArchivePanel } from './DataArchivePanel';
import { DataFolderPanel } from './DataFolderPanel';
import { RestoreFromFilePanel } from './RestoreFromFilePanel';
import './backups.css';

interface BackupsScreenProps {
  /** Back to where the officer came from; absent while a recovery is pending. */
  onBack: (() => void) | null;
  /** After a restore or "go on with empty data": the app reads everything again. */
  onDataReplaced: () => void;
}

type Listing = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; backups: KeptBackup[]; recovery: RecoveryNoticeView | null; dataDir: string };

/** "Sao lưu và khôi phục": every kept backup with what it holds, restore behind a confirmation, and
 *  after a damaged start the notice of what happened with the newest good backup marked. */
export function BackupsScreen({ onBack, onDataReplaced }: BackupsScreenProps) {
  const t = useT();
  const [listing, setListing] = useState<Listing>({ state: 'loading' });
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [viewing, setViewing] = useState<{ backup: KeptBackup; assessmentId: number } | null>(null);
  /** Bumped when a restore from file switched the folder: the folder panel reads it again. */
  const [folderVersion, setFolderVersion] = useState(0);

  const load = useCallback(async () => {
    const result = await api['backups:list']({});
    setListing(result.ok ? { state: 'ready', ...result.value } : { state: 'error', message: result.error.message });
  }, []);

  useEffect(() => {
    // The backend is the external system this effect reads from.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load]);

  const restore = async (backup: KeptBackup) => {
    setBusy(true);
    setMessage({ text: t('backups.restore.running'), error: false });
    const result = await api['backups:restore']({ folder: backup.folder, fileName: backup.fileName });
    setBusy(false);
    if (!result.ok) {
      setMessage({ text: t('backups.restore.failed', { message: result.error.message }), error: true });
      return;
    }
    setMessage({ text: t('backups.restore.done', { time: formatDateTime(backup.createdAt), safety: result.value.safetyBackup }), error: false });
    await load();
    onDataReplaced();
  };

  const continueEmpty = async () => {
    const result = await api['backups:dismissRecovery']({});
    if (result.ok) {
      setMessage({ text: t('backups.recovery.continued'), error: false });
      await load();
      onDataReplaced();
    }
  };

  const newestGood = listing.state === 'ready' ? listing.backups.find((b) => b.restorable && b.folder === 'backups') : undefined;

  return (
    <section className="screen backups-screen" aria-labelledby="backups-title">
      <div className="screen-head">
        {onBack && (
          <button type="button" onClick={onBack}>
            {t('backups.back')}
          </button>
        )}
        <h1 id="backups-title">{t('backups.title')}</h1>
      </div>
      {listing.state === 'ready' && listing.recovery && (
        <div className="recovery-notice" role="alert">
          <h2>{t('backups.recovery.title')}</h2>
          <p>{listing.recovery.message}</p>
          <button type="button" onClick={() => void continueEmpty()} disabled={busy}>
            {t('backups.recovery.continue')}
          </button>
        </div>
      )}
      <p className="hint">{t('backups.intro')}</p>
      {message && (
        <p className={message.error ? 'form-error' : 'success'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      {listing.state === 'loading' && <p className="loading">{t('backups.loading')}</p>}
      {listing.state === 'error' && (
        <p className="form-error" role="alert">
          {t('backups.loadFailed', { message: listing.message })}
        </p>
      )}
      {viewing && <BackupViewer backup={viewing.backup} assessmentId={viewing.assessmentId} onClose={() => setViewing(null)} />}
      {listing.state === 'ready' && !viewing && (
        <>
          <p className="hint">{t('backups.folder', { dir: listing.dataDir })}</p>
          {listing.backups.length === 0 ? (
            <p>{t('backups.empty')}</p>
          ) : (
            <table className="backups-table">
              <thead>
                <tr>
                  <th scope="col">{t('backups.col.time')}</th>
                  <th scope="col">{t('backups.col.reason')}</th>
                  <th scope="col">{t('backups.col.size')}</th>
                  <th scope="col">{t('backups.col.contents')}</th>
                  <th scope="col">{t('backups.col.action')}</th>
                </tr>
              </thead>
              <tbody>
                {listing.backups.map((b) => (
                  <BackupRow key={`${b.folder}/${b.fileName}`} backup={b} newestGood={b === newestGood} busy={busy} onRestore={(x) => void restore(x)} onView={(backup, assessmentId) => setViewing({ backup, assessmentId })} />
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      <DataArchivePanel disabled={busy} />
      <RestoreFromFilePanel
        disabled={busy}
        onRestored={() => {
          setFolderVersion((v) => v + 1);
          void load();
          onDataReplaced();
        }}
      />
      <DataFolderPanel key={folderVersion} disabled={busy} onMoved={() => void load()} />
    </section>
  );
}
