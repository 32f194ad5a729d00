import { useEffect, useId, useState } from 'react';
import type { SuggestionView } from '../../../shared/api/channels/years';
import { api } from '../../api/client';
import { useT } from '../../i18n/i18n';
import './years.css';
import { FormError } from '../../components/FormError';

interface LeafSuggestionsProps {
  assessmentId: number;
  code: string;
  readOnly: boolean;
  /** Lets pending edits of the leaf reach the backend before a suggestion is written over them. */
  beforeDecide: () => Promise<void>;
  /** An accepted suggestion changed the answer or the evidence: the workspace reads them again. */
  onAccepted: () => void;
}

/** Last year's explanations and documents offered to this leaf of a year created by "Tạo kỳ đánh giá năm sau". */
export function LeafSuggestions({ assessmentId, code, readOnly, beforeDecide, onAccepted }: LeafSuggestionsProps) {
  const t = useT();
  const id = useId();
  const [suggestions, setSuggestions] = useState<SuggestionView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void api['years:suggestions']({ assessmentId }).then((r) => {
      if (live && r.ok) setSuggestions(r.value.suggestions);
    });
    return () => {
      live = false;
    };
  }, [assessmentId]);

  const here = suggestions.filter((s) => s.code === code);
  if (here.length === 0 || readOnly) return null;

  const decide = async (s: SuggestionView, accept: boolean) => {
    setBusy(true);
    setError(null);
    await beforeDecide();
    const r = await api['years:decideSuggestion']({ assessmentId, suggestionId: s.id, accept });
    setBusy(false);
    if (!r.ok) {
      setError(r.error.message);
      return;
    }
    setSuggestions(r.value.suggestions);
    if (accept) onAccepted();
  };

  const what = (s: SuggestionView) => (s.kind === 'explanation' ? t('suggest.explanation', { year: s.sourceYear, code: s.sourceCode }) : t('suggest.link', { year: s.sourceYear, code: s.sourceCode }));

  return (
    <section className="suggestions" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('suggest.title', { year: here[0]!.sourceYear })}</h3>
      {here.map((s) => (
        <div key={s.id} className="suggestion">
          <span className="muted">{what(s)}:</span>
          <span className="suggestion-text">{s.kind === 'explanation' ? s.explanation : [s.item?.docNumber, s.item?.summary].filter(Boolean).join(' – ')}</span>
          <button type="button" disabled={busy} aria-label={t('suggest.acceptLabel', { what: what(s) })} onClick={() => void decide(s, true)}>
            {t('suggest.accept')}
          </button>
          <button type="button" disabled={busy} aria-label={t('suggest.dismissLabel', { what: what(s) })} onClick={() => void decide(s, false)}>
            {t('suggest.dismiss')}
          </button>
        </div>
      ))}
      <FormError message={error} />
    </section>
  );
}
