import { useState } from 'react';
import type { HistoryEntryView } from '../../../shared/api/channels/history';
import { api } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { HistoryRows } from './HistoryRows';
import './history.css';
import { FormError } from '../../components/FormError';

const PAGE = 50;

/** "Lịch sử thay đổi" on a leaf: read when opened (and again on each opening), newest first. */
export function LeafHistory({ assessmentId, code }: { assessmentId: number; code: string }) {
  const t = useT();
  const [entries, setEntries] = useState<HistoryEntryView[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = async () => {
    const result = await api['history:list']({ assessmentId, filter: { kind: null, code, from: null, to: null }, beforeId: null, limit: PAGE });
    if (result.ok) setEntries(result.value.entries);
    else setError(result.error.message);
  };

  return (
    <details className="leaf-history" onToggle={(e) => (e.currentTarget.open ? void load() : setEntries(null))}>
      <summary>{t('history.leafTitle')}</summary>
      <FormError message={error} />
      {entries === null ? !error && <p className="loading">{t('history.loading')}</p> : entries.length === 0 ? <p className="empty">{t('history.empty')}</p> : <HistoryRows entries={entries} showCode={false} />}
    </details>
  );
}
