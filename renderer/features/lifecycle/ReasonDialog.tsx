import { useId, useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { useT } from '../../i18n/i18n';
import { FormError } from '../../components/FormError';

interface ReasonDialogProps {
  title: string;
  text: string;
  label: string;
  confirmLabel: string;
  /** Sends the reason; resolves to an error message or null. */
  onConfirm: (reason: string) => Promise<string | null>;
  onClose: () => void;
}

/** Going back a step (unlock, reopen): asks for the reason that the history keeps. */
export function ReasonDialog({ title, text, label, confirmLabel, onConfirm, onClose }: ReasonDialogProps) {
  const t = useT();
  const id = useId();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    if (reason.trim() === '') {
      setError(t('lifecycle.reasonMissing'));
      return;
    }
    setBusy(true);
    const message = await onConfirm(reason.trim());
    setBusy(false);
    if (message !== null) setError(message);
    else onClose();
  };
  return (
    <Dialog title={title} onClose={() => !busy && onClose()} className="dialog--confirm">
      <p>{text}</p>
      <div className="field">
        <label htmlFor={`${id}-reason`}>{label}</label>
        <textarea id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} rows={3} maxLength={1000} data-autofocus />
      </div>
      <FormError message={error} />
      <div className="form-actions">
        <button type="button" className="primary" onClick={() => void confirm()} disabled={busy}>
          {confirmLabel}
        </button>
        <button type="button" onClick={onClose} disabled={busy}>
          {t('lifecycle.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
