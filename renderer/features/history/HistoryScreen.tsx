import { useCallback, useEffect, useState } from 'react';
import { HISTORY_KINDS, type ExportedFileView, type HistoryEntryView, type HistoryFilter, type HistoryKind } from '../../../shared/api/channels/history';
import { api } from '../../api/client';
import { BackButton } from '../../components/BackButton';
import { DateField } from '../../components/DateField';
import { TextField } from '../../components/TextField';
import { useT } from '../../i18n/i18n';
import { ExportedFile } from '../report/ExportedFile';
import { HistoryRows } from './HistoryRows';
import './history.css';
import { FormError } from '../../components/FormError';

const PAGE = 100;

/** The whole assessment's history: filter by kind, criterion and dates, pages of 100, export to .xlsx. */
export function HistoryScreen({ assessmentId, year, onBack }: { assessmentId: number; year: number; onBack: () => void }) {
  const t = useT();
  const [kind, setKind] = useState<HistoryKind | ''>('');
  const [code, setCode] = useState('');
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [filter, setFilter] = useState<HistoryFilter>({ kind: null, code: null, from: null, to: null });
  const [entries, setEntries] = useState<HistoryEntryView[] | null>(null);
  const [next, setNext] = useState<number | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [exported, setExported] = useState<ExportedFileView | null>(null);
  const [exporting, setExporting] = useState(false);

  const page = useCallback(
    async (beforeId: number | null) => {
      const result = await api['history:list']({ assessmentId, filter, beforeId, limit: PAGE });
      if (!result.ok) {
        setError(result.error.issues?.[0]?.message ?? result.error.message);
        return;
      }
      setError(null);
      setEntries((old) => (beforeId === null ? result.value.entries : [...(old ?? []), ...result.value.entries]));
      setNext(result.value.nextBeforeId);
      setTotal(result.value.total);
    },
    [assessmentId, filter],
  );

  useEffect(() => {
    // The backend is the external system this effect reads from.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void page(null);
  }, [page]);

  const exportXlsx = async () => {
    setExporting(true);
    const result = await api['history:export']({ assessmentId, filter });
    setExporting(false);
    if (result.ok) setExported(result.value);
    else setError(result.error.message);
  };

  return (
    <div className="screen history-screen">
      <BackButton label={t('history.back')} onBack={onBack} />
      <h1>{t('history.title', { year })}</h1>
      <form
        className="history-filters"
        onSubmit={(e) => {
          e.preventDefault();
          setExported(null);
          setFilter({ kind: kind === '' ? null : kind, code: code.trim() === '' ? null : code.trim(), from, to });
        }}
      >
        <div className="field">
          <label htmlFor="history-kind">{t('history.filterKind')}</label>
          <select id="history-kind" value={kind} onChange={(e) => setKind(e.target.value as HistoryKind | '')}>
            <option value="">{t('history.allKinds')}</option>
            {HISTORY_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`history.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <TextField label={t('history.filterCode')} value={code} onChange={setCode} maxLength={20} />
        <DateField label={t('history.filterFrom')} value={from} onChange={setFrom} />
        <DateField label={t('history.filterTo')} value={to} onChange={setTo} />
        <button type="submit">{t('history.apply')}</button>
        <button type="button" className="primary" onClick={() => void exportXlsx()} disabled={exporting}>
          {exporting ? t('history.exporting') : t('history.export')}
        </button>
      </form>
      {exported && <ExportedFile {...exported} />}
      <FormError message={error} />
      {entries === null ? (
        <p className="loading">{t('history.loading')}</p>
      ) : entries.length === 0 ? (
        <p className="empty">{t('history.empty')}</p>
      ) : (
        <>
          <p className="history-count" aria-live="polite">
            {t('history.total', { shown: entries.length, total })}
          </p>
          <HistoryRows entries={entries} showCode />
          {next !== null && (
            <button type="button" onClick={() => void page(next)}>
              {t('history.more')}
            </button>
          )}
        </>
      )}
    </div>
  );
}
