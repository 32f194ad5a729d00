import { useState } from 'react';
import type { EvidenceFile } from '../../../shared/api/evidence-entities';
import { api, hasDesktopBridge } from '../../api/client';
import { evidenceFileUrl } from '../../api/upload';
import { ConfirmInline } from '../../components/ConfirmInline';
import { useT } from '../../i18n/i18n';
import { formatFileSize } from './evidence-format';

interface EvidenceFileRowProps {
  file: EvidenceFile;
  /** The assessment is locked: preview and open only. */
  readOnly?: boolean;
  onPreview: (file: EvidenceFile) => void;
  onRemove: (file: EvidenceFile) => Promise<string | null>;
}

/** One attached file: name and size, preview in the app, open with the system application, remove. */
export function EvidenceFileRow({ file, readOnly = false, onPreview, onRemove }: EvidenceFileRowProps) {
  const t = useT();
  const [message, setMessage] = useState<{ text: string; download: boolean } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  const openWithSystem = async () => {
    setMessage(null);
    const result = await api['evidence:openWithSystem']({ fileId: file.id });
    if (result.ok) setMessage({ text: t('evidence.file.opened'), download: false });
    else setMessage({ text: result.error.message, download: result.error.code === 'UNAVAILABLE' });
  };

  const remove = async () => {
    setBusy(true);
    const error = await onRemove(file);
    setBusy(false);
    if (error !== null) {
      setConfirming(false);
      setMessage({ text: error, download: false });
    }
  };

  return (
    <li className="file-row">
      <div className="file-line">
        <span className="file-name">{file.displayName}</span>
        <span className="file-size">{formatFileSize(file.size)}</span>
        <span className="file-actions">
          {file.previewable && (
            <button type="button" className="small" onClick={() => onPreview(file)} aria-label={`${t('evidence.file.preview')} ${file.displayName}`}>
              {t('evidence.file.preview')}
            </button>
          )}
          {/* Only the desktop app can hand a file to another program; the browser downloads it instead. */}
          {hasDesktopBridge() ? (
            <button type="button" className="small" onClick={() => void openWithSystem()} aria-label={`${t('evidence.file.openWithSystem')}: ${file.displayName}`}>
              {t('evidence.file.openWithSystem')}
            </button>
          ) : (
            <a className="button small" href={evidenceFileUrl(file.id, true)} download={file.displayName}>
              {t('evidence.file.download', { name: file.displayName })}
            </a>
          )}
          <button type="button" className="small link-button" onClick={() => setConfirming(true)} disabled={readOnly} aria-label={`${t('evidence.file.remove')} ${file.displayName}`}>
            {t('evidence.file.remove')}
          </button>
        </span>
      </div>
      {message && (
        <p className={message.download ? 'note' : 'field-hint'} role="status">
          {message.text}{' '}
          {message.download && (
            <a href={evidenceFileUrl(file.id, true)} download={file.displayName}>
              {t('evidence.file.download', { name: file.displayName })}
            </a>
          )}
        </p>
      )}
      {confirming && !readOnly && (
        <ConfirmInline
          question={t('evidence.file.removeQuestion', { name: file.displayName })}
          confirmLabel={t('evidence.file.removeYes')}
          cancelLabel={t('evidence.no')}
          busy={busy}
          onConfirm={() => void remove()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </li>
  );
}
