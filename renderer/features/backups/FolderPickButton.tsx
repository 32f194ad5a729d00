import { useState } from 'react';
import { api } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { FormError } from '../../components/FormError';

/** Desktop only: the system folder dialog (main's ctx picker); the chosen path fills the field. */
export function FolderPickButton({ disabled, onPicked }: { disabled: boolean; onPicked: (path: string) => void }) {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const pick = async () => {
    const r = await api['dataFolder:pickFolder']({});
    if (!r.ok) setError(r.error.message);
    else if (r.value.path !== null) onPicked(r.value.path);
  };
  return (
    <>
      <button type="button" onClick={() => void pick()} disabled={disabled}>
        {t('folder.pick')}
      </button>
      <FormError message={error} />
    </>
  );
}
