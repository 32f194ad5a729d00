import { useId, useState } from 'react';
import type { CriteriaSetSummary } from '../../../shared/api/entities';
import type { CriteriaDiff } from '../../../shared/domain/criteria-diff';
import { changeLineVi } from '../../../shared/domain/criteria-diff-text';
import { api } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { FormError } from '../../components/FormError';

const label = (s: CriteriaSetSummary, versionText: string): string => (s.version > 1 ? `${s.title} (${versionText})` : s.title);

/** "So sánh hai bộ chỉ số": what changed between two installed sets; a match by title can be undone. */
export function CompareCriteriaSets({ sets }: { sets: CriteriaSetSummary[] }) {
  const t = useT();
  const id = useId();
  const [fromHash, setFromHash] = useState('');
  const [toHash, setToHash] = useState('');
  const [mapping, setMapping] = useState<Record<string, string | null>>({});
  const [diff, setDiff] = useState<CriteriaDiff | null>(null);
  const [error, setError] = useState<string | null>(null);
  const from = fromHash || sets[0]?.hash || '';
  const to = toHash || sets[1]?.hash || sets[0]?.hash || '';

  const compare = async (forced: Record<string, string | null>) => {
    setError(null);
    const result = await api['criteriaSets:diff']({ fromHash: from, toHash: to, mapping: forced });
    if (result.ok) setDiff(result.value);
    else setError(result.error.message);
  };
  const unmatch = (code: string) => {
    const next = { ...mapping, [code]: null };
    setMapping(next);
    void compare(next);
  };
  const choose = (setter: (hash: string) => void) => (hash: string) => {
    setter(hash);
    setMapping({});
    setDiff(null);
  };

  if (sets.length < 2) return null;
  const options = sets.map((s) => (
    <option key={s.hash} value={s.hash}>
      {label(s, t('create.version', { version: s.version }))}
    </option>
  ));
  const byTitle = diff?.matches.filter((match) => match.by === 'title') ?? [];
  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('compare.title')}</h2>
      <div className="field">
        <label htmlFor={`${id}-from`}>{t('compare.from')}</label>
        <select id={`${id}-from`} value={from} onChange={(e) => choose(setFromHash)(e.target.value)}>
          {options}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>{t('compare.to')}</label>
        <select id={`${id}-to`} value={to} onChange={(e) => choose(setToHash)(e.target.value)}>
          {options}
        </select>
      </div>
      <div className="form-actions">
        <button type="button" onClick={() => void compare(mapping)}>
          {t('compare.run')}
        </button>
      </div>
      <FormError message={error} />
      {diff && (
        <div role="region" aria-label={t('compare.result')}>
          <p role="status">{t('compare.summary', { matched: diff.matches.length, changes: diff.changes.length })}</p>
          {byTitle.length > 0 && (
            <>
              <h3>{t('compare.byTitle')}</h3>
              <ul>
                {byTitle.map((match) => (
                  <li key={match.from.code}>
                    {match.from.code} ↔ {match.to.code} “{match.to.title}” ({Math.round(match.similarity * 100)}%){' '}
                    <button type="button" onClick={() => unmatch(match.from.code)}>
                      {t('compare.unmatchShort')}
                      <span className="sr-only">{t('compare.unmatchWhich', { code: match.from.code })}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
          <h3>{t('compare.changes')}</h3>
          {diff.changes.length === 0 ? (
            <p>{t('compare.none')}</p>
          ) : (
            <ul className="diff-changes">
              {diff.changes.map((change, i) => (
                <li key={i}>{changeLineVi(change)}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
