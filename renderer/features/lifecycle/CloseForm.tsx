import { useState } from 'react';
import type { LifecycleView, PublishedResultView } from '../../../shared/api/channels/history';
import { formatDecimalVi, parseCountVi, parseDecimalVi } from '../../../shared/format/numbers';
import { api } from '../../api/client';
import { DateField } from '../../components/DateField';
import { TextField } from '../../components/TextField';
import { useT } from '../../i18n/i18n';
import { FormError } from '../../components/FormError';

const text = (n: number | null | undefined): string => (n === null || n === undefined ? '' : formatDecimalVi(n));

/** "Kết quả công bố": final score, index, class, rank (and out of how many), date published. */
export function CloseForm({ assessmentId, published, onDone }: { assessmentId: number; published: PublishedResultView | null; onDone: (view: LifecycleView) => void }) {
  const t = useT();
  const [score, setScore] = useState(text(published?.finalScore));
  const [index, setIndex] = useState(text(published?.indexPercent));
  const [className, setClassName] = useState(published?.className ?? '');
  const [rank, setRank] = useState(published ? String(published.rank) : '');
  const [rankOf, setRankOf] = useState(published?.rankOf ? String(published.rankOf) : '');
  const [publishedOn, setPublishedOn] = useState<string | null>(published?.publishedOn ?? null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = async () => {
    const s = parseDecimalVi(score);
    const i = parseDecimalVi(index);
    const r = parseCountVi(rank);
    const of = rankOf.trim() === '' ? null : parseCountVi(rankOf);
    if (!s.ok || !i.ok || !r.ok || (of !== null && !of.ok)) {
      setError(t('lifecycle.badNumber'));
      return;
    }
    setBusy(true);
    setError(null);
    const result = await api['lifecycle:close']({
      assessmentId,
      result: { finalScore: s.value, indexPercent: i.value, className, rank: r.value, rankOf: of && of.ok ? of.value : null, publishedOn },
    });
    setBusy(false);
    if (result.ok) onDone(result.value);
    else setError(result.error.issues?.[0]?.message ?? result.error.message);
  };

  return (
    <form
      className="lifecycle-form"
      aria-label={t('lifecycle.closeTitle')}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3>{t('lifecycle.closeTitle')}</h3>
      <div className="lifecycle-fields">
        <TextField label={t('lifecycle.finalScore')} value={score} onChange={setScore} inputMode="decimal" />
        <TextField label={t('lifecycle.indexPercent')} value={index} onChange={setIndex} inputMode="decimal" />
        <TextField label={t('lifecycle.className')} value={className} onChange={setClassName} maxLength={100} />
        <TextField label={t('lifecycle.rank')} value={rank} onChange={setRank} inputMode="numeric" />
        <TextField label={t('lifecycle.rankOf')} value={rankOf} onChange={setRankOf} inputMode="numeric" />
        <DateField label={t('lifecycle.publishedOn')} value={publishedOn} onChange={setPublishedOn} />
      </div>
      <FormError message={error} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('lifecycle.close')}
        </button>
      </div>
    </form>
  );
}
