import { useId } from 'react';
import type { Agency } from '../../shared/api/entities';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useT } from '../i18n/i18n';
import { BackupButton } from './BackupButton';

interface AppHeaderProps {
  agencies: Agency[];
  current: Agency | null;
  onSelect: (agencyId: number) => void;
  onAdd: () => void;
  onEdit: () => void;
  /** "Sao lưu và khôi phục"; left out while scoring, where the header must stay one line at 1366×768. */
  onBackups: (() => void) | null;
}

/** Application title, the agency selector with "Thêm cơ quan" / edit, "Sao lưu ngay" and the language switch. */
export function AppHeader({ agencies, current, onSelect, onAdd, onEdit, onBackups }: AppHeaderProps) {
  const t = useT();
  const selectId = useId();
  return (
    <header className="app-header">
      <p className="app-title">{t('app.title')}</p>
      {current && (
        <div className="agency-bar">
          <label htmlFor={selectId}>{t('agency.selector')}</label>
          <select id={selectId} value={current.id} onChange={(e) => onSelect(Number(e.target.value))}>
            {agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
          <button type="button" onClick={onEdit}>
            {t('agency.edit')}
          </button>
          <button type="button" onClick={onAdd}>
            {t('agency.add')}
          </button>
        </div>
      )}
      <BackupButton />
      {onBackups && (
        <button type="button" onClick={onBackups}>
          {t('backups.open')}
        </button>
      )}
      <LanguageSwitch />
    </header>
  );
}
