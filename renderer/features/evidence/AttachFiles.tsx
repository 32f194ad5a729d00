import { useId, useState } from 'react';
import { api, hasDesktopBridge } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { fileDropHandlers } from './file-drop';
import type { UploadSource } from './upload-queue';
import { FormError } from '../../components/FormError';

/**
 * "Đính kèm tệp" for one item: "Chọn tệp" (several at once) and a drop zone. On the desktop the
 * button opens the system picker through main, which keeps the paths and hands back ids (the files
 * are then imported by main); in web mode it is the browser's file input. A drop is always a
 * browser upload.
 */
export function AttachFiles({ onFiles, disabled = false }: { onFiles: (files: UploadSource[]) => void; disabled?: boolean }) {
  const t = useT();
  const [over, setOver] = useState(false);
  return (
    <div className={`attach${over ? ' attach--over' : ''}${disabled ? ' attach--disabled' : ''}`} {...(disabled ? {} : fileDropHandlers(onFiles, setOver))}>
      <span className="attach-title">{t('evidence.attach')}</span>
      {hasDesktopBridge() ? <SystemPickerButton onFiles={onFiles} disabled={disabled} /> : <BrowserFileInput onFiles={onFiles} disabled={disabled} />}
      <span className="drop-hint" aria-hidden="true">
        {t('evidence.dropHere')}
      </span>
    </div>
  );
}

function BrowserFileInput({ onFiles, disabled }: { onFiles: (files: File[]) => void; disabled: boolean }) {
  const t = useT();
  const id = useId();
  return (
    <>
      <label className="file-button" htmlFor={id}>
        {t('evidence.chooseFiles')}
      </label>
      <input
        id={id}
        className="file-input"
        type="file"
        multiple
        disabled={disabled}
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = '';
          onFiles(files);
        }}
      />
    </>
  );
}

function SystemPickerButton({ onFiles, disabled }: { onFiles: (files: UploadSource[]) => void; disabled: boolean }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const pick = async () => {
    setOpen(true);
    setError(null);
    const result = await api['evidence:pickFiles']({});
    setOpen(false);
    if (!result.ok) setError(result.error.message);
    else if (result.value.files.length > 0) onFiles(result.value.files);
  };
  return (
    <>
      <button type="button" className="file-button" onClick={() => void pick()} disabled={disabled || open}>
        {t('evidence.chooseFiles')}
      </button>
      <FormError message={error} />
    </>
  );
}
