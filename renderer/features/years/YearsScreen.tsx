import { useEffect, useId, useState } from 'react';
import type { ExportedFileView } from '../../../shared/api/channels/history';
import type { YearComparison } from '../../../shared/api/channels/years';
import type { Agency } from '../../../shared/api/entities';
import { formatPercentVi, formatPointsVi } from '../../../shared/format/numbers';
import { api } from '../../api/client';
import { BackButton } from '../../components/BackButton';
import { useT } from '../../i18n/i18n';
import { ExportedFile } from '../report/ExportedFile';
import { FieldChart } from './FieldChart';
import './years.css';

const percent = (milli: number) => `${formatPercentVi(milli / 1000)}%`;

/** "So sánh các năm": index and class per year, points per field as a chart, the criteria that lost points; .xlsx export. One call opens it. */
export function YearsScreen({ agency, onBack }: { agency: Agency; onBack: () => void }) {
  const t = useT();
  const id = useId();
  const [data, setData] = useState<YearComparison | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [exported, setExported] = useState<ExportedFileView | null>(null);
  const [exporting, setExporting] = useState(false);

  useEffect(() => {
    let live = true;
    void api['years:compare']({ agencyId: agency.id }).then((r) => {
      if (!live) return;
      if (r.ok) setData(r.value);
      else setError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [agency.id]);

  const exportXlsx = async () => {
    setExporting(true);
    setError(null);
    const r = await api['years:exportCompare']({ agencyId: agency.id });
    setExporting(false);
    if (r.ok) setExported(r.value);
    else setError(r.error.message);
  };

  return (
    <div className="screen">
      <BackButton label={t('yoy.back')} onBack={onBack} />
      <section className="panel" aria-labelledby={`${id}-title`}>
        <h1 id={`${id}-title`}>{t('yoy.title')}</h1>
        {error && (
          <p className="form-error" role="alert">
            {t('app.loadFailed', { message: error })}
          </p>
        )}
        {!data && !error && <p className="loading">{t('app.loading')}</p>}
        {data && data.years.length === 0 && <p className="empty">{t('yoy.empty')}</p>}
        {data && data.years.length > 0 && (
          <table className="data-table" aria-labelledby={`${id}-title`}>
            <thead>
              <tr>
                {(['year', 'status', 'self', 'selfIndex', 'selfClass', 'final', 'index', 'class', 'rank'] as const).map((c) => (
                  <th key={c} scope="col">
                    {t(`yoy.col.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.years.map((y) => (
                <tr key={y.year}>
                  <th scope="row" className="num">
                    {y.year}
                  </th>
                  <td>{t(`status.${y.status}`)}</td>
                  <td className="num">{formatPointsVi(y.selfMilli)}</td>
                  <td className="num">{percent(y.selfIndexMilli)}</td>
                  <td>{y.selfClass ?? ''}</td>
                  <td className="num">{y.published ? formatPointsVi(y.published.finalScoreMilli) : ''}</td>
                  <td className="num">{y.published ? percent(y.published.indexMilli) : ''}</td>
                  <td>{y.published?.className ?? ''}</td>
                  <td className="num">{y.published ? (y.published.rankOf === null ? String(y.published.rank) : t('yoy.rank', { rank: y.published.rank, of: y.published.rankOf })) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <div className="form-actions">
          <button type="button" disabled={exporting || !data} onClick={() => void exportXlsx()}>
            {exporting ? t('yoy.exporting') : t('yoy.export')}
          </button>
        </div>
        {exported && <ExportedFile {...exported} />}
      </section>
      {data && data.years.length > 0 && (
        <section className="panel" aria-labelledby={`${id}-fields`}>
          <h2 id={`${id}-fields`}>{t('yoy.fields')}</h2>
          <FieldChart years={data.years.map((y) => y.year)} fields={data.fields} />
        </section>
      )}
      {data && data.years.length > 0 && (
        <section className="panel" aria-labelledby={`${id}-lost`}>
          <h2 id={`${id}-lost`}>{t('yoy.lost')}</h2>
          {data.lost.length === 0 ? (
            <p className="empty">{t('yoy.noLost')}</p>
          ) : (
            <table className="data-table" aria-labelledby={`${id}-lost`}>
              <thead>
                <tr>
                  {(['pair', 'criterion', 'before', 'after', 'loss'] as const).map((c) => (
                    <th key={c} scope="col">
                      {t(`yoy.col.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.lost.map((l) => (
                  <tr key={`${l.toYear}-${l.code}`}>
                    <td>
                      {l.fromYear} → {l.toYear}
                    </td>
                    <td>
                      <span className="node-code">{l.code}</span> {l.title}
                      {l.fromCodes.join(', ') !== l.code && <span className="muted"> ({l.fromCodes.join(', ')})</span>}
                    </td>
                    <td className="num">{formatPointsVi(l.beforeMilli)}</td>
                    <td className="num">{formatPointsVi(l.afterMilli)}</td>
                    <td className="num">{formatPointsVi(l.beforeMilli - l.afterMilli)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </div>
  );
}
