import { useEffect, useRef } from 'react';

interface ConfirmInlineProps {
  question: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
}

/** A question with two buttons in place (no browser pop-up); the safe choice gets the focus. */
export function ConfirmInline({ question, confirmLabel, cancelLabel, onConfirm, onCancel, busy = false }: ConfirmInlineProps) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => cancelRef.current?.focus(), []);
  return (
    <div className="confirm" role="group" aria-label={question}>
      <p>{question}</p>
      <div className="form-actions">
        <button type="button" className="danger" onClick={onConfirm} disabled={busy}>
          {confirmLabel}
        </button>
        <button type="button" ref={cancelRef} onClick={onCancel} disabled={busy}>
          {cancelLabel}
        </button>
      </div>
    </div>
  );
}
