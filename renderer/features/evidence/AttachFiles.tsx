import { useId, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { fileDropHandlers } from './file-drop';

/** "Đính kèm tệp": the system file picker (several at once) and a drop zone for one item. */
export function AttachFiles({ onFiles, disabled = false }: { onFiles: (files: File[]) => void; disabled?: boolean }) {
  const t = useT();
  const id = useId();
  const [over, setOver] = useState(false);
  return (
    <div className={`attach${over ? ' attach--over' : ''}`} {...fileDropHandlers(onFiles, setOver)}>
      <span className="attach-title">{t('evidence.attach')}</span>
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
      <span className="drop-hint" aria-hidden="true">
        {t('evidence.dropHere')}
      </span>
    </div>
  );
}
