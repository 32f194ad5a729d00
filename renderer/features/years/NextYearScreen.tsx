import { useEffect, useId, useMemo, useState } from 'react';
import type { Corrections, NextYearPlan } from '../../../shared/api/channels/years';
import type { Agency, AssessmentSummary, CriteriaSetSummary } from '../../../shared/api/entities';
import { api } from '../../api/client';
import { BackButton } from '../../components/BackButton';
import { TextField } from '../../components/TextField';
import { useT } from '../../i18n/i18n';
import { MappingTable } from './MappingTable';
import './years.css';
import { FormError } from '../../components/FormError';

interface NextYearScreenProps {
  agency: Agency;
  source: AssessmentSummary;
  onBack: () => void;
  onCreated: (assessmentId: number) => void;
}

/** "Tạo kỳ đánh giá năm sau": the new year's set, the leaf mapping shown and corrected, then the new draft. */
export function NextYearScreen({ agency, source, onBack, onCreated }: NextYearScreenProps) {
  const t = useT();
  const id = useId();
  const [sets, setSets] = useState<CriteriaSetSummary[] | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [yearText, setYearText] = useState(String(source.year + 1));
  const [corrections, setCorrections] = useState<Corrections>({});
  const [plan, setPlan] = useState<NextYearPlan | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [mismatch, setMismatch] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void api['criteriaSets:list']({}).then((r) => {
      if (r.ok) setSets(r.value.sets.filter((s) => s.level === agency.level).sort((a, b) => b.year - a.year || b.version - a.version));
      else setError(r.error.message);
    });
  }, [agency.level]);

  const year = Number(yearText.trim());
  const fallback = useMemo(() => sets?.find((s) => s.year === source.year + 1 && s.hash !== source.setHash)?.hash ?? sets?.find((s) => s.hash !== source.setHash)?.hash ?? sets?.[0]?.hash ?? null, [sets, source]);
  const setHash = chosen ?? fallback;

  useEffect(() => {
    if (!setHash) return;
    let live = true;
    void api['years:planNext']({ assessmentId: source.id, setHash, corrections }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setPlan(r.value);
        setError(null);
      } else setError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [source.id, setHash, corrections]);

  const correct = (oldCode: string, target: string | null | undefined) => {
    setMismatch(null);
    setCorrections((c) => {
      const next = { ...c };
      if (target === undefined) delete next[oldCode];
      else next[oldCode] = target;
      return next;
    });
  };

  const create = async (confirmYearMismatch: boolean) => {
    if (!setHash) return;
    setBusy(true);
    setError(null);
    const r = await api['years:createNext']({ assessmentId: source.id, setHash, year, corrections, confirmYearMismatch });
    setBusy(false);
    setMismatch(null);
    if (r.ok) onCreated(r.value.assessment.id);
    else if (r.error.code === 'NEEDS_CONFIRMATION' && !confirmYearMismatch) setMismatch(r.error.message);
    else setError(r.error.message);
  };

  const count = (kind: string) => plan?.rows.filter((row) => row.kind === kind).length ?? 0;

  return (
    <div className="screen">
      <BackButton label={t('next.cancel')} onBack={onBack} />
      <section className="panel" aria-labelledby={`${id}-title`}>
        <h1 id={`${id}-title`}>{t('next.title', { year: source.year })}</h1>
        <p>{t('next.intro')}</p>
        <TextField className="field--short" label={t('next.year')} value={yearText} inputMode="numeric" maxLength={4} onChange={(v) => (setYearText(v), setMismatch(null))} />
        <div className="field">
          <label htmlFor={`${id}-set`}>{t('next.set')}</label>
          {sets !== null && sets.length === 0 ? (
            <p className="empty">{t('next.noSets')}</p>
          ) : (
            <select id={`${id}-set`} value={setHash ?? ''} onChange={(e) => (setChosen(e.target.value), setCorrections({}), setMismatch(null))}>
              {(sets ?? []).map((s) => (
                <option key={s.hash} value={s.hash}>
                  {s.title} ({s.year}
                  {s.version > 1 ? `, v${s.version}` : ''})
                </option>
              ))}
            </select>
          )}
        </div>
        <FormError message={error} />
      </section>
      <section className="panel" aria-labelledby={`${id}-mapping`}>
        <h2 id={`${id}-mapping`}>{t('next.mapping', { from: source.year })}</h2>
        {!plan && !error && <p className="loading">{t('next.loading')}</p>}
        {plan && (
          <>
            <p role="status">
              {t('next.summary', {
                same: count('same'),
                changed: count('changed'),
                renumbered: count('renumbered'),
                split: count('split'),
                merged: count('merged'),
                added: count('new'),
                removed: count('removed'),
                explanations: plan.offered.explanations,
                links: plan.offered.links,
              })}
            </p>
            <MappingTable rows={plan.rows} corrections={corrections} readOnly={busy} onCorrect={correct} />
          </>
        )}
        {mismatch && (
          <div className="notice-box" role="alert">
            <p>{mismatch}</p>
            <button type="button" disabled={busy} onClick={() => void create(true)}>
              {t('create.yearMismatchConfirm')}
            </button>
          </div>
        )}
        <div className="form-actions">
          <button type="button" className="primary" disabled={busy || !plan || !setHash} onClick={() => void create(false)}>
            {busy ? t('next.creating') : t('next.create')}
          </button>
        </div>
      </section>
    </div>
  );
}
