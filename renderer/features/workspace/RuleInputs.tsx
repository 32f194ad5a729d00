import { useId } from 'react';
import type { CriteriaNode, Rounding, ScoringRule } from '../../../shared/domain/criteria-set-schema';
import { toMilli } from '../../../shared/domain/points';
import type { LeafResult } from '../../../shared/domain/scoring-types';
import { formatDecimalVi, formatPointsVi, MINUS } from '../../../shared/format/numbers';
import { TextField } from '../../components/TextField';
import { useT } from '../../i18n/i18n';
import { decimalExampleMilli, ratePercentText, type DraftErrors, type DraftField, type LeafDraft } from './leaf-draft';

type RuleOf<K extends ScoringRule['kind']> = Extract<ScoringRule, { kind: K }>;

export interface RuleInputsProps {
  leaf: CriteriaNode;
  /** The set's rounding: the rate percent is rounded like the points. */
  rounding: Rounding;
  draft: LeafDraft;
  errors: DraftErrors;
  evaluation: LeafResult | null;
  disabled: boolean;
  /** Typing: saved after a short pause. */
  onText: (field: DraftField, value: string) => void;
  /** Radios: saved at once. */
  onChoice: (change: Partial<LeafDraft>) => void;
  /** Leaving a field: pending saves are sent now. */
  onBlur: () => void;
}

type DraftTextFieldProps = Pick<RuleInputsProps, 'draft' | 'errors' | 'onText' | 'onBlur' | 'disabled'> & {
  field: DraftField;
  label: string;
  hint?: string;
  className: string;
  inputMode: 'decimal' | 'numeric';
};

/** One typed number of the draft (a score, a count): saved after a pause, its error beside it. */
function DraftTextField({ field, label, hint, className, inputMode, draft, errors, onText, onBlur, disabled }: DraftTextFieldProps) {
  return (
    <TextField
      className={className}
      label={label}
      hint={hint}
      value={draft[field]}
      onChange={(v) => onText(field, v)}
      onBlur={onBlur}
      error={errors[field]}
      inputMode={inputMode}
      autoComplete="off"
      disabled={disabled}
    />
  );
}

/** The inputs the leaf's scoring rule needs (manual score, yes/no, levels, counts). */
export function RuleInputs(props: RuleInputsProps) {
  const t = useT();
  const rule = props.leaf.rule;
  switch (rule?.kind) {
    case 'manual':
      return (
        <DraftTextField
          {...props}
          field="score"
          className="field--short"
          label={t('leaf.manualScore')}
          hint={manualHint(props.leaf, rule, t)}
          inputMode="decimal"
        />
      );
    case 'yesNo':
      return <YesNoInputs {...props} />;
    case 'levels':
      return <LevelInputs {...props} rule={rule} />;
    case 'rate':
      return <RateInputs {...props} rule={rule} />;
    case 'deduction':
      return (
        <DraftTextField
          {...props}
          field="occurrences"
          className="field--short"
          label={rule.occurrenceLabel}
          hint={t('leaf.occurrencesHint', { points: `${MINUS}${formatDecimalVi(rule.perOccurrence)}` })}
          inputMode="numeric"
        />
      );
    case 'survey':
      return <p className="note">{t('leaf.survey')}</p>;
    default:
      return null;
  }
}

function manualHint(leaf: CriteriaNode, rule: RuleOf<'manual'>, t: ReturnType<typeof useT>): string {
  const range = t('leaf.manualHint', { max: formatDecimalVi(leaf.maxPoints), step: formatDecimalVi(rule.step) });
  const example = decimalExampleMilli(toMilli(leaf.maxPoints), toMilli(rule.step));
  if (example === null) return range;
  const comma = formatPointsVi(example);
  return `${range} ${t('leaf.manualDecimalHint', { comma, dot: comma.replace(',', '.') })}`;
}

function YesNoInputs({ draft, onChoice, disabled }: RuleInputsProps) {
  const t = useT();
  const name = useId();
  return (
    <fieldset className="choices" disabled={disabled}>
      <legend>{t('leaf.yesNoLegend')}</legend>
      {([true, false] as const).map((value) => (
        <label key={String(value)} className="radio">
          <input type="radio" name={name} checked={draft.achieved === value} onChange={() => onChoice({ achieved: value })} />
          {t(value ? 'leaf.yes' : 'leaf.no')}
        </label>
      ))}
    </fieldset>
  );
}

function LevelInputs({ draft, onChoice, disabled, rule }: RuleInputsProps & { rule: RuleOf<'levels'> }) {
  const t = useT();
  const name = useId();
  return (
    <fieldset className="choices" disabled={disabled}>
      <legend>{t('leaf.levelsLegend')}</legend>
      {rule.levels.map((level) => (
        <label key={level.id} className="radio radio--level">
          <input type="radio" name={name} checked={draft.levelId === level.id} onChange={() => onChoice({ levelId: level.id })} />
          <span>
            {level.label} <span className="level-points">({t('leaf.levelPoints', { points: formatDecimalVi(level.points) })})</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

function RateInputs({ draft, errors, evaluation, disabled, onText, onBlur, rule, rounding }: RuleInputsProps & { rule: RuleOf<'rate'> }) {
  const t = useT();
  const complete = draft.numerator.trim() !== '' && draft.denominator.trim() !== '' && !errors.numerator && !errors.denominator;
  const fieldProps = { draft, errors, disabled, onText, onBlur };
  let rateText = t('leaf.rateNone');
  if (complete && evaluation && evaluation.ratePercent != null) {
    rateText = t('leaf.rate', { percent: `${ratePercentText(evaluation.ratePercent, rounding)} %` });
  } else if (complete && Number(draft.denominator.trim()) === 0) {
    rateText = t('leaf.rateNoCases');
  }
  return (
    <div className="rate-inputs">
      <DraftTextField {...fieldProps} field="numerator" className="field--count" label={rule.numeratorLabel} inputMode="numeric" />
      <DraftTextField {...fieldProps} field="denominator" className="field--count" label={rule.denominatorLabel} inputMode="numeric" />
      <p className="rate-value" aria-live="polite">
        {rateText}
      </p>
    </div>
  );
}
