import { useRef, useState } from 'react';
import { api } from '../api/client';
import { formatTime } from '../components/format';
import { useT } from '../i18n/i18n';

const SHOWN_MS = 15_000;

/** "Sao lưu ngay": a backup point of the database now; files no item uses any more are removed
 *  after it. The outcome shows in a notice at the corner of the window (it does not push the header). */
export function BackupButton() {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const show = (next: { text: string; error: boolean } | null) => {
    if (timer.current) clearTimeout(timer.current);
    setMessage(next);
    if (next && !next.error) timer.current = setTimeout(() => setMessage(null), SHOWN_MS);
  };

  const backup = async () => {
    setBusy(true);
    show(null);
    const result = await api['backups:create']({});
    setBusy(false);
    if (!result.ok) {
      show({ text: t('backup.failed', { message: result.error.message }), error: true });
      return;
    }
    const at = new Date(result.value.createdAt);
    const time = Number.isNaN(at.getTime()) ? result.value.createdAt : formatTime(at);
    show({ text: t('backup.done', { time, removed: result.value.removedBlobs }), error: false });
  };

  return (
    <div className="backup">
      <button type="button" onClick={() => void backup()} disabled={busy} title={t('backup.hint')}>
        {busy ? t('backup.running') : t('backup.now')}
      </button>
      <div className={`toast${message ? ' toast--shown' : ''}${message?.error ? ' toast--error' : ''}`}>
        <span role="status">{message?.text ?? ''}</span>
        {message && (
          <button type="button" className="toast-close" onClick={() => show(null)} aria-label={t('backup.dismiss')}>
            ×
          </button>
        )}
      </div>
    </div>
  );
}
