import { useState } from 'react';
import { api } from '../../api/client';
import type { SearchResults } from '../../../shared/api/channels/evidence';
import type { EvidenceItem } from '../../../shared/api/evidence-entities';
import { useT } from '../../i18n/i18n';
import { compareCodes } from '../../../shared/domain/criteria-tree';
import { FormError } from '../../components/FormError';

interface SearchResultsListProps {
  assessmentId: number;
  /** The trimmed query these results answer (asked again with an offset for "Xem thêm"). */
  query: string;
  results: SearchResults;
  onCriterion: (code: string) => void;
  onEvidence: (item: EvidenceItem, codes: string[]) => void;
}

/** Criteria shown before "Hiện thêm …" (evidence results stay in reach without scrolling). */
const FIRST_CRITERIA = 6;

/** Results grouped "Tiêu chí" and "Tài liệu kiểm chứng"; every result is a button (Tab reaches it). */
export function SearchResultsList({ assessmentId, query, results, onCriterion, onEvidence }: SearchResultsListProps) {
  const t = useT();
  const [allCriteria, setAllCriteria] = useState(false);
  const [more, setMore] = useState<SearchResults['evidence']>([]);
  const [loading, setLoading] = useState(false);
  const [moreError, setMoreError] = useState<string | null>(null);
  const evidence = more.length === 0 ? results.evidence : [...results.evidence, ...more];
  // Not `disabled` while loading: disabling the focused button would blur it and close the panel.
  const loadMore = async () => {
    if (loading) return;
    setLoading(true);
    const page = await api['search:query']({ assessmentId, query, evidenceOffset: evidence.length });
    setLoading(false);
    if (page.ok) setMore((list) => [...list, ...page.value.evidence]);
    else setMoreError(page.error.message);
  };
  const criteria = allCriteria ? results.criteria : results.criteria.slice(0, FIRST_CRITERIA);
  const hidden = results.criteria.length - criteria.length;
  return (
    <>
      {results.criteria.length > 0 && (
        <div className="search-group">
          <h3 className="search-group-title">{t('search.criteria')}</h3>
          <ul>
            {criteria.map((c) => (
              <li key={c.code}>
                <button type="button" className="search-result" onClick={() => onCriterion(c.code)}>
                  <span className="node-code">{c.code}</span> <span className="search-result-text">{c.title}</span>
                  {c.matchedIn === 'guidance' && <span className="search-where">{t('search.inGuidance')}</span>}
                </button>
              </li>
            ))}
          </ul>
          {hidden > 0 && (
            <button type="button" className="link-button" onClick={() => setAllCriteria(true)}>
              {t('search.moreCriteria', { count: hidden })}
            </button>
          )}
        </div>
      )}
      {evidence.length > 0 && (
        <div className="search-group">
          <h3 className="search-group-title">{t('search.evidence')}</h3>
          <ul>
            {evidence.map(({ item, codes }) => {
              const sorted = [...codes].sort(compareCodes);
              return (
                <li key={item.id}>
                  <button type="button" className="search-result" onClick={() => onEvidence(item, sorted)}>
                    {item.docNumber && <strong>{item.docNumber}</strong>} <span className="search-result-text">{item.summary}</span>
                    <span className="search-where">
                      {sorted.length > 0 ? t('search.backs', { codes: sorted.join(', ') }) : t('search.notInThisAssessment')}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
          {evidence.length < results.evidenceTotal && (
            <button type="button" className="link-button" aria-busy={loading} onClick={() => void loadMore()}>
              {t('search.moreEvidence', { shown: evidence.length, total: results.evidenceTotal })}
            </button>
          )}
          <FormError message={moreError} />
        </div>
      )}
    </>
  );
}
