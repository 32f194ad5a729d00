import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useT } from '../i18n/i18n';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
  /** Extra content beside the title (e.g. a download link). */
  headerExtra?: ReactNode;
}

/**
 * A modal <dialog> (showModal: focus stays inside, the page behind is inert), labelled by its
 * title. Esc or the close button closes it; focus returns to what had it before. An element with
 * `data-autofocus` inside gets the focus first.
 */
export function Dialog({ title, onClose, children, className, headerExtra }: DialogProps) {
  const t = useT();
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`dialog${className ? ` ${className}` : ''}`}
      aria-labelledby={`${id}-title`}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div className="dialog-header">
        <h2 id={`${id}-title`} className="dialog-title">
          {title}
        </h2>
        {headerExtra}
        <button type="button" className="dialog-close" onClick={onClose} aria-label={t('dialog.close')}>
          ×
        </button>
      </div>
      <div className="dialog-body">{children}</div>
    </dialog>
  );
}
