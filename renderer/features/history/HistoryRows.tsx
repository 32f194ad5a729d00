import type { HistoryEntryView } from '../../../shared/api/channels/history';
import { formatDateTime } from '../../components/format';
import { useT } from '../../i18n/i18n';
import { ChangeParts } from './ChangeParts';
import { actionLabel } from './history-labels';

/** History rows as a table: time, officer, kind, action, criterion, the change in words, reason. */
export function HistoryRows({ entries, showCode }: { entries: HistoryEntryView[]; showCode: boolean }) {
  const t = useT();
  return (
    <table className="data-table history-table">
      <thead>
        <tr>
          <th scope="col">{t('history.col.at')}</th>
          <th scope="col">{t('history.col.officer')}</th>
          <th scope="col">{t('history.col.kind')}</th>
          <th scope="col">{t('history.col.action')}</th>
          {showCode && <th scope="col">{t('history.col.code')}</th>}
          <th scope="col">{t('history.col.change')}</th>
          <th scope="col">{t('history.col.reason')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.id}>
            <td>{formatDateTime(e.at)}</td>
            <td>{e.officer}</td>
            <td>{t(`history.kind.${e.kind}`)}</td>
            <td>{actionLabel(e.action, t)}</td>
            {showCode && <td>{e.code ?? ''}</td>}
            <td className="history-change">
              <ChangeParts parts={e.change} />
            </td>
            <td>{e.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
