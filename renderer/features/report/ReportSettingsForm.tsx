import { useId, useSyncExternalStore, type FocusEvent } from 'react';
import { defaultDocSymbol, documentNumberLine, filedCopyLine, type ReportSettings } from '../../../shared/api/report-entities';
import type { Agency } from '../../../shared/api/entities';
import { formatDateTime } from '../../components/format';
import { DateField } from '../../components/DateField';
import { TextField } from '../../components/TextField';
import { useT, type TFunction } from '../../i18n/i18n';
import type { ReportSettingsStore, SettingsSnapshot } from './report-settings-store';

interface ReportSettingsFormProps {
  store: ReportSettingsStore;
  agency: Pick<Agency, 'name' | 'ordinaryName' | 'abbreviation' | 'level'>;
}

function statusText(t: TFunction, snap: SettingsSnapshot, saved: ReportSettings | null): string {
  if (snap.saving) return t('report.settings.saving');
  if (snap.error) return t('report.settings.failed', { message: snap.error.message });
  if (snap.dirty) return t('report.settings.dirty');
  if (saved?.updatedAt) return t('report.settings.saved', { time: formatDateTime(saved.updatedAt) });
  return t('report.settings.defaults');
}

/** "Thông tin văn bản báo cáo": number and symbol, date, part III, recipients; saved on "Lưu" and on leaving a field. */
export function ReportSettingsForm({ store, agency }: ReportSettingsFormProps) {
  const t = useT();
  const id = useId();
  const snap = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const { draft, saved } = snap;

  if (snap.loadError) {
    return (
      <section className="panel" aria-labelledby={`${id}-title`}>
        <h3 id={`${id}-title`}>{t('report.settings.title')}</h3>
        <p className="form-error" role="alert">
          {t('app.loadFailed', { message: snap.loadError })}{' '}
          <button type="button" onClick={() => void store.load()}>
            {t('app.retry')}
          </button>
        </p>
      </section>
    );
  }
  if (!draft) {
    return (
      <section className="panel" aria-labelledby={`${id}-title`}>
        <h3 id={`${id}-title`}>{t('report.settings.title')}</h3>
        <p className="loading">{t('app.loading')}</p>
      </section>
    );
  }

  const onBlur = (e: FocusEvent<HTMLFormElement>) => {
    const target = e.target as HTMLElement;
    if (target.matches('input, textarea') && snap.dirty) void store.save();
  };
  /** The backend's messages for one field (its paths look like `settings.recipients[2]`). */
  const fieldError = (name: string): string | null => {
    const messages = (snap.error?.issues ?? []).filter((i) => i.path === `settings.${name}` || i.path.startsWith(`settings.${name}[`)).map((i) => i.message);
    return messages.length > 0 ? [...new Set(messages)].join(' ') : null;
  };
  const errorOf = (name: string, describedBy: string) => {
    const message = fieldError(name);
    return {
      props: { 'aria-invalid': message ? true : undefined, 'aria-describedby': message ? `${describedBy} ${id}-${name}-error` : describedBy },
      node: message && (
        <p className="field-error" id={`${id}-${name}-error`} role="alert">
          {message}
        </p>
      ),
    };
  };
  const difficultiesError = errorOf('difficulties', `${id}-difficulties-hint`);
  const recipientsError = errorOf('recipients', `${id}-recipients-hint`);
  const numberLine = documentNumberLine(draft.docNumber, draft.docSymbol.trim() || defaultDocSymbol(agency));

  return (
    <section className="panel report-settings" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('report.settings.title')}</h3>
      <form
        noValidate
        onBlur={onBlur}
        onSubmit={(e) => {
          e.preventDefault();
          void store.save(true);
        }}
      >
        <div className="report-number">
          <TextField
            className="field--short"
            label={t('report.settings.docNumber')}
            hint={t('report.settings.docNumber.hint')}
            value={draft.docNumber}
            maxLength={20}
            error={fieldError('docNumber')}
            onChange={(v) => store.setField('docNumber', v)}
          />
          <TextField
            className="field--short"
            label={t('report.settings.docSymbol')}
            hint={t('report.settings.docSymbol.hint', { example: defaultDocSymbol(agency) })}
            value={draft.docSymbol}
            maxLength={40}
            error={fieldError('docSymbol')}
            onChange={(v) => store.setField('docSymbol', v)}
          />
          <DateField
            className="field--short"
            label={t('report.settings.reportDate')}
            hint={`${t('date.hint')}. ${t('report.settings.reportDate.hint')}`}
            value={draft.reportDate === '' ? null : draft.reportDate}
            error={fieldError('reportDate')}
            onChange={(iso) => store.setField('reportDate', iso ?? '')}
          />
        </div>
        <p className="muted report-number-line">{t('report.settings.numberLine', { line: numberLine })}</p>
        <div className={`field${difficultiesError.node ? ' field--invalid' : ''}`}>
          <label htmlFor={`${id}-difficulties`}>{t('report.settings.difficulties')}</label>
          <textarea
            id={`${id}-difficulties`}
            rows={5}
            value={draft.difficulties}
            maxLength={20_000}
            onChange={(e) => store.setField('difficulties', e.target.value)}
            {...difficultiesError.props}
          />
          <p className="field-hint" id={`${id}-difficulties-hint`}>
            {t('report.settings.difficulties.hint')}
          </p>
          {difficultiesError.node}
        </div>
        <div className={`field${recipientsError.node ? ' field--invalid' : ''}`}>
          <label htmlFor={`${id}-recipients`}>{t('report.settings.recipients')}</label>
          <textarea
            id={`${id}-recipients`}
            rows={5}
            value={draft.recipients}
            onChange={(e) => store.setField('recipients', e.target.value)}
            {...recipientsError.props}
          />
          <p className="field-hint" id={`${id}-recipients-hint`}>
            {t('report.settings.recipients.hint', { filed: filedCopyLine(agency) })}
          </p>
          {recipientsError.node}
        </div>
        <div className="form-actions report-save">
          <button type="submit" className="primary" disabled={snap.saving}>
            {t('report.settings.save')}
          </button>
          <span className={`report-save-state${snap.error ? ' report-save-state--error' : snap.dirty ? ' report-save-state--dirty' : ''}`} role="status">
            {statusText(t, snap, saved)}
          </span>
        </div>
      </form>
    </section>
  );
}
