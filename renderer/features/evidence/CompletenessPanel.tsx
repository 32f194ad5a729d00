import { useEffect, useId, useState } from 'react';
import type { EvidenceGaps } from '../../../shared/api/channels/evidence';
import type { EvidenceItem } from '../../../shared/api/evidence-entities';
import type { Totals } from '../../../shared/domain/scoring-types';
import { formatPointsVi } from '../../../shared/format/numbers';
import { api } from '../../api/client';
import { VirtualList } from '../../components/VirtualList';
import { useT } from '../../i18n/i18n';
import { compareCodes } from '../../../shared/domain/criteria-tree';
import { itemLabel } from './evidence-format';
import './completeness.css';

interface CompletenessPanelProps {
  assessmentId: number;
  /** New totals (an answer saved) or a new evidence version mean the list is refreshed. */
  totals: Totals;
  evidenceVersion: number;
  onOpenLeaf: (code: string) => void;
  onOpenItem: (item: EvidenceItem, code: string) => void;
  /** The assessed year, named in the list of documents dated outside it. */
  year: number;
}

/** "Danh sách còn thiếu": scored leaves with neither evidence nor explanation, items without a file
 *  (those may run to thousands: only the rows in view are drawn). */
export function CompletenessPanel({ assessmentId, totals, evidenceVersion, onOpenLeaf, onOpenItem, year }: CompletenessPanelProps) {
  const t = useT();
  const id = useId();
  const [gaps, setGaps] = useState<EvidenceGaps | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void api['evidence:gaps']({ assessmentId }).then((result) => {
      if (!live) return;
      if (result.ok) {
        setGaps(result.value);
        setError(null);
      } else setError(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [assessmentId, totals, evidenceVersion]);

  const [loadingMore, setLoadingMore] = useState(false);
  const loadMore = async () => {
    if (!gaps || loadingMore) return;
    setLoadingMore(true);
    const result = await api['evidence:gaps']({ assessmentId, itemsOffset: gaps.itemsWithoutFiles.length });
    setLoadingMore(false);
    if (result.ok) setGaps((g) => g && { ...result.value, itemsWithoutFiles: [...g.itemsWithoutFiles, ...result.value.itemsWithoutFiles], itemsOutsideYear: g.itemsOutsideYear });
    else setError(result.error.message);
  };

  const firstCode = (item: EvidenceItem): string | null =>
    item.links
      .filter((l) => l.assessmentId === assessmentId)
      .map((l) => l.code)
      .sort(compareCodes)[0] ?? null;

  return (
    <section className="gaps" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="gaps-title">
        {t('gaps.title')}
      </h2>
      {error && (
        <p className="form-error" role="alert">
          {t('app.loadFailed', { message: error })}
        </p>
      )}
      {!gaps && !error && <p className="loading">{t('app.loading')}</p>}
      {gaps && (
        <>
          <p className={`gaps-summary${gaps.leaves.length + gaps.itemsWithoutFilesTotal === 0 ? ' gaps-summary--ok' : ''}`} role="status">
            {gaps.leaves.length + gaps.itemsWithoutFilesTotal === 0
              ? t('gaps.nothing')
              : t('gaps.summary', { leaves: gaps.leaves.length, items: gaps.itemsWithoutFilesTotal })}
          </p>
          <h3 id={`${id}-leaves`}>{t('gaps.leaves')}</h3>
          {gaps.leaves.length === 0 ? (
            <p className="empty">{t('gaps.noLeaves')}</p>
          ) : (
            <ul className="gap-list" aria-labelledby={`${id}-leaves`}>
              {gaps.leaves.map((leaf) => (
                <li key={leaf.code}>
                  <button type="button" className="gap-button" onClick={() => onOpenLeaf(leaf.code)}>
                    <span className="node-code">{leaf.code}</span>
                    <span className="gap-title">{leaf.title}</span>
                    <span className="node-points">{t('ws.treePoints', { points: formatPointsVi(leaf.pointsMilli), max: formatPointsVi(leaf.maxMilli) })}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          <h3 id={`${id}-items`}>{t('gaps.items')}</h3>
          {gaps.itemsWithoutFiles.length === 0 ? (
            <p className="empty">{t('gaps.noItems')}</p>
          ) : (
            <VirtualList
              items={gaps.itemsWithoutFiles}
              getKey={(item) => item.id}
              estimateSize={40}
              rowClassName="gap-slot"
              aria-labelledby={`${id}-items`}
              renderItem={(item) => {
                const code = firstCode(item);
                return (
                  <button type="button" className="gap-button" disabled={code === null} onClick={() => code !== null && onOpenItem(item, code)}>
                    <span className="gap-title">{itemLabel(item)}</span>
                    {code !== null && <span className="node-points">{t('gaps.itemFor', { code })}</span>}
                  </button>
                );
              }}
            />
          )}
          {gaps.itemsWithoutFiles.length < gaps.itemsWithoutFilesTotal && (
            <button type="button" className="link-button" aria-busy={loadingMore} onClick={() => void loadMore()}>
              {t('gaps.moreItems', { shown: gaps.itemsWithoutFiles.length, total: gaps.itemsWithoutFilesTotal })}
            </button>
          )}
          <h3 id={`${id}-outside`}>{t('years.outsideYearList', { year })}</h3>
          {gaps.itemsOutsideYear.length === 0 ? (
            <p className="empty">{t('gaps.noItems')}</p>
          ) : (
            <ul className="gap-list" aria-labelledby={`${id}-outside`}>
              {gaps.itemsOutsideYear.map((item) => {
                const code = firstCode(item);
                return (
                  <li key={item.id}>
                    <button type="button" className="gap-button" disabled={code === null} onClick={() => code !== null && onOpenItem(item, code)}>
                      <span className="gap-title">{itemLabel(item)}</span>
                      <span className="badge badge--problem">{t('years.outsideYear')}</span>
                      {code !== null && <span className="node-points">{t('gaps.itemFor', { code })}</span>}
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
