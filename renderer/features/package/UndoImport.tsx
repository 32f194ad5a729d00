import { useState } from 'react';
import { api } from '../../api/client';
import { ConfirmInline } from '../../components/ConfirmInline';
import { useT } from '../../i18n/i18n';

/** "Hoàn tác lần nhập": restores the backup taken just before an import that overwrote local work. */
export function UndoImport({ undoBackup, onUndone }: { undoBackup: string; onUndone: () => void }) {
  const t = useT();
  const [state, setState] = useState<'idle' | 'confirming' | 'running' | 'done' | { error: string }>('idle');
  if (state === 'done') return <p role="status">{t('package.undo.done')}</p>;
  const undo = async () => {
    setState('running');
    const result = await api['backups:restore']({ folder: 'backups', fileName: undoBackup });
    if (!result.ok) {
      setState({ error: result.error.message });
      return;
    }
    setState('done');
    onUndone();
  };
  return (
    <div className="undo-import">
      {state === 'confirming' || state === 'running' ? (
        <ConfirmInline
          question={t('package.undo.confirm')}
          confirmLabel={t('package.undo')}
          cancelLabel={t('backups.restore.no')}
          busy={state === 'running'}
          onConfirm={() => void undo()}
          onCancel={() => setState('idle')}
        />
      ) : (
        <button type="button" onClick={() => setState('confirming')}>
          {t('package.undo')}
        </button>
      )}
      {typeof state === 'object' && (
        <p className="form-error" role="alert">
          {t('backups.restore.failed', { message: state.error })}
        </p>
      )}
    </div>
  );
}
