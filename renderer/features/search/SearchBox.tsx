import { useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import type { SearchResults } from '../../../shared/api/channels/evidence';
import type { EvidenceItem } from '../../../shared/api/evidence-entities';
import { api } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { SearchResultsList } from './SearchResultsList';

const DEBOUNCE_MS = 150;

interface SearchBoxProps {
  assessmentId: number;
  onCriterion: (code: string) => void;
  /** `codes`: the criteria of this assessment the item backs, in tree order. */
  onEvidence: (item: EvidenceItem, codes: string[]) => void;
}

type Found = { query: string; results: SearchResults } | { query: string; error: string };

/** One box over criteria (code, title, guidance) and evidence, diacritic-insensitive ("ke hoach"). */
export function SearchBox({ assessmentId, onCriterion, onEvidence }: SearchBoxProps) {
  const t = useT();
  const id = useId();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Found | null>(null);
  const [open, setOpen] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const trimmed = query.trim();

  useEffect(() => {
    if (trimmed === '') return;
    let live = true;
    const timer = setTimeout(() => {
      void api['search:query']({ assessmentId, query: trimmed }).then((result) => {
        if (!live) return;
        setFound(result.ok ? { query: trimmed, results: result.value } : { query: trimmed, error: result.error.message });
      });
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [assessmentId, trimmed]);

  const clear = () => {
    setQuery('');
    setFound(null);
    setOpen(false);
    inputRef.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    clear();
  };

  const onBlur = (e: FocusEvent) => {
    const to = e.relatedTarget;
    if (!(to instanceof Node && e.currentTarget.contains(to))) setOpen(false);
  };

  const choose = (go: () => void) => {
    setOpen(false);
    go();
  };

  const current = found && found.query === trimmed ? found : null;
  const count = current && 'results' in current ? current.results.criteria.length + current.results.evidenceTotal : 0;
  let status = '';
  if (trimmed !== '' && !current) status = t('search.searching');
  else if (current && 'error' in current) status = current.error;
  else if (current && count === 0) status = t('search.none', { query: trimmed });
  else if (current && 'results' in current) status = t('search.found', { criteria: current.results.criteria.length, evidence: current.results.evidenceTotal });

  // aria-controls names the panel only while it exists (an id that names nothing is invalid ARIA).
  const showPanel = open && trimmed !== '';
  return (
    <div className="ws-search" role="search" aria-label={t('search.label')} onKeyDown={onKeyDown} onBlur={onBlur}>
      <label htmlFor={`${id}-q`} className="sr-only">
        {t('search.label')}
      </label>
      <input
        id={`${id}-q`}
        ref={inputRef}
        type="search"
        value={query}
        placeholder={t('search.placeholder')}
        autoComplete="off"
        aria-controls={showPanel ? `${id}-results` : undefined}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
      />
      {showPanel && (
        <div id={`${id}-results`} className="search-panel" role="region" aria-label={t('search.results')}>
          <p className="search-status" role="status">
            {status}
          </p>
          {current && 'results' in current && (
            <SearchResultsList
              key={current.query}
              assessmentId={assessmentId}
              query={current.query}
              results={current.results}
              onCriterion={(code) => choose(() => onCriterion(code))}
              onEvidence={(item, codes) => choose(() => onEvidence(item, codes))}
            />
          )}
        </div>
      )}
    </div>
  );
}
