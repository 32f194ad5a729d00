import { useId, useState, type FormEvent } from 'react';
import type { Agency, AssessmentSummary, CriteriaSetSummary } from '../../../shared/api/entities';
import { api } from '../../api/client';
import { SetStatusBadge } from '../../components/SetStatusBadge';
import { TextField } from '../../components/TextField';
import { useT } from '../../i18n/i18n';
import '../years/years.css';
import { FormError } from '../../components/FormError';

interface CreateAssessmentProps {
  agency: Agency;
  sets: CriteriaSetSummary[];
  /** A set to pre-select (e.g. one just imported). */
  preferredHash: string | null;
  onCreated: (assessment: AssessmentSummary) => void;
}

function bestDefault(sets: CriteriaSetSummary[], year: number): string | null {
  const sameYear = sets.filter((s) => s.year === year);
  const pool = sameYear.length > 0 ? sameYear : sets;
  const official = pool.find((s) => s.status === 'official');
  return (official ?? pool[0])?.hash ?? null;
}

/** "Tạo kỳ đánh giá": a year and one of the installed criteria sets. */
export function CreateAssessment({ agency, sets, preferredHash, onCreated }: CreateAssessmentProps) {
  const t = useT();
  const groupId = useId();
  const [yearText, setYearText] = useState(() => String(new Date().getFullYear()));
  const [showAll, setShowAll] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [yearError, setYearError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** The chosen set is of another year: the backend's question, until the officer confirms or changes something. */
  const [mismatch, setMismatch] = useState<string | null>(null);

  const year = Number(yearText.trim());
  const yearValid = /^\d{4}$/.test(yearText.trim()) && year >= 2000 && year <= 2100;
  const visible = sets
    .filter((s) => showAll || s.level === agency.level)
    .sort((a, b) => b.year - a.year || a.title.localeCompare(b.title, 'vi') || b.version - a.version);
  const fallback = preferredHash && visible.some((s) => s.hash === preferredHash) ? preferredHash : bestDefault(visible, year);
  const selected = chosen && visible.some((s) => s.hash === chosen) ? chosen : fallback;

  const create = async (confirmYearMismatch: boolean) => {
    if (!selected) return;
    setBusy(true);
    setError(null);
    const result = await api['assessments:create']({ agencyId: agency.id, year, setHash: selected, confirmYearMismatch });
    setBusy(false);
    setMismatch(null);
    if (result.ok) onCreated(result.value);
    else if (result.error.code === 'NEEDS_CONFIRMATION' && !confirmYearMismatch) setMismatch(result.error.message);
    else setError(result.error.message);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setYearError(yearValid ? null : t('create.yearInvalid'));
    if (!yearValid) return;
    if (!selected) {
      setError(t('create.pickSet'));
      return;
    }
    await create(false);
  };

  return (
    <section className="panel" aria-labelledby={`${groupId}-heading`}>
      <h2 id={`${groupId}-heading`}>{t('create.title')}</h2>
      <form onSubmit={submit} noValidate>
        <TextField
          className="field--short"
          label={t('create.year')}
          value={yearText}
          onChange={(v) => {
            setYearText(v);
            setYearError(null);
            setMismatch(null);
          }}
          inputMode="numeric"
          maxLength={4}
          error={yearError}
        />
        <fieldset className="set-choices">
          <legend>{t('create.set')}</legend>
          <label className="checkbox">
            <input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} />
            {t('create.showAllLevels')}
          </label>
          {visible.length === 0 && <p className="empty">{t('create.noSets')}</p>}
          {visible.map((s) => (
            <label key={s.hash} className={`set-choice${selected === s.hash ? ' set-choice--selected' : ''}`}>
              <input type="radio" name={`${groupId}-set`} value={s.hash} checked={selected === s.hash} onChange={() => {
                  setChosen(s.hash);
                  setMismatch(null);
                }} />
              <span className="set-choice-text">
                <span className="set-title">
                  {s.title} <SetStatusBadge status={s.status} />
                  {s.version > 1 && <span className="muted"> ({t('create.version', { version: s.version })})</span>}
                </span>
                <span className="set-meta">
                  {t('create.setMeta', { year: s.year, level: t(`level.${s.level}`), issuer: s.issuer, count: s.leafCount })}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
        <FormError message={error} />
        {mismatch && (
          <div className="notice-box" role="alert">
            <p>{mismatch}</p>
            <button type="button" disabled={busy} onClick={() => void create(true)}>
              {t('create.yearMismatchConfirm')}
            </button>
          </div>
        )}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy || visible.length === 0}>
            {busy ? t('create.creating') : t('create.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
