import { useState } from 'react';
import type { SearchResults } from '../../../shared/api/channels/evidence';
import type { EvidenceItem } from '../../../shared/api/evidence-entities';
import { useT } from '../../i18n/i18n';
import { compareCodes } from '../../../shared/domain/criteria-tree';

interface SearchResultsListProps {
  results: SearchResults;
  onCriterion: (code: string) => void;
  onEvidence: (item: EvidenceItem, codes: string[]) => void;
}

/** Criteria shown before "Hiện thêm …" (evidence results stay in reach without scrolling). */
const FIRST_CRITERIA = 6;

/** Results grouped "Tiêu chí" and "Tài liệu kiểm chứng"; every result is a button (Tab reaches it). */
export function SearchResultsList({ results, onCriterion, onEvidence }: SearchResultsListProps) {
  const t = useT();
  const [allCriteria, setAllCriteria] = useState(false);
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
      {results.evidence.length > 0 && (
        <div className="search-group">
          <h3 className="search-group-title">{t('search.evidence')}</h3>
          <ul>
            {results.evidence.map(({ item, codes }) => {
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
        </div>
      )}
    </>
  );
}
