/** The rule of one leaf as a form for its kind; the data of the other kinds is kept while switching. */
import type { DraftRule, DraftRuleKind, PlacedIssue } from '../../../shared/domain/criteria-draft';
import { RULE_KINDS } from '../../../shared/domain/criteria-draft';
import { useT } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/vi';
import { Choice, Text } from './editor-fields';

type Tier = DraftRule['tiers'][number];
type Level = DraftRule['levels'][number];

/** A level id the format accepts and no other level of the rule uses. */
function freshLevelId(levels: readonly Level[]): string {
  for (let n = levels.length + 1; ; n++) if (!levels.some((level) => level.id === `muc-${n}`)) return `muc-${n}`;
}

export function RuleForm({ rule, issues, onChange }: { rule: DraftRule; issues: readonly PlacedIssue[] | undefined; onChange: (rule: DraftRule) => void }) {
  const t = useT();
  const set = (patch: Partial<DraftRule>) => onChange({ ...rule, ...patch });
  const setLevel = (i: number, patch: Partial<Level>) => set({ levels: rule.levels.map((level, j) => (j === i ? { ...level, ...patch } : level)) });
  const setTier = (i: number, patch: Partial<Tier>) => set({ tiers: rule.tiers.map((tier, j) => (j === i ? { ...tier, ...patch } : tier)) });
  const kinds = RULE_KINDS.map((kind) => ({ value: kind, label: t(`editor.rule.${kind}` as MessageKey) }));
  return (
    <fieldset className="editor-rule">
      <legend>{t('editor.rule.kind')}</legend>
      <Choice<DraftRuleKind> label={t('editor.rule.kind')} value={rule.kind} options={kinds} onChange={(kind) => set({ kind })} />
      {rule.kind === 'manual' && <Text label={t('editor.rule.step')} value={rule.step} onChange={(step) => set({ step })} issues={issues} field="rule.step" inputMode="decimal" />}
      {rule.kind === 'levels' && (
        <div className="editor-table">
          {rule.levels.map((level, i) => (
            <div className="editor-table-row" key={i}>
              <Text label={t('editor.rule.levelLabel', { n: i + 1 })} value={level.label} onChange={(label) => setLevel(i, { label })} issues={issues} field={`rule.levels[${i}].label`} />
              <Text label={t('editor.rule.levelPoints', { n: i + 1 })} value={level.points} onChange={(points) => setLevel(i, { points })} issues={issues} field={`rule.levels[${i}].points`} inputMode="decimal" />
              <button type="button" onClick={() => set({ levels: rule.levels.filter((_, j) => j !== i) })}>
                {t('editor.rule.removeLevel', { n: i + 1 })}
              </button>
            </div>
          ))}
          <button type="button" onClick={() => set({ levels: [...rule.levels, { id: freshLevelId(rule.levels), label: '', points: '' }] })}>
            {t('editor.rule.addLevel')}
          </button>
        </div>
      )}
      {rule.kind === 'rate' && (
        <>
          <Text label={t('editor.rule.numerator')} value={rule.numeratorLabel} onChange={(numeratorLabel) => set({ numeratorLabel })} issues={issues} field="rule.numeratorLabel" />
          <Text label={t('editor.rule.denominator')} value={rule.denominatorLabel} onChange={(denominatorLabel) => set({ denominatorLabel })} issues={issues} field="rule.denominatorLabel" />
          <Choice
            label={t('editor.rule.mode')}
            value={rule.mode}
            options={(['proportional', 'thresholds'] as const).map((value) => ({ value, label: t(`editor.rule.mode.${value}`) }))}
            onChange={(mode) => set({ mode })}
          />
          {rule.mode === 'thresholds' && (
            <div className="editor-table">
              <p className="field-hint">{t('editor.rule.tierHint')}</p>
              {rule.tiers.map((tier, i) => (
                <div className="editor-table-row" key={i}>
                  <Text label={t('editor.rule.tierFrom', { n: i + 1 })} value={tier.fromPercent} onChange={(fromPercent) => setTier(i, { fromPercent })} issues={issues} field={`rule.tiers[${i}].fromPercent`} inputMode="decimal" />
                  <Text label={t('editor.rule.tierTo', { n: i + 1 })} value={tier.toPercent} onChange={(toPercent) => setTier(i, { toPercent })} issues={issues} field={`rule.tiers[${i}].toPercent`} inputMode="decimal" />
                  <Text label={t('editor.rule.tierPoints', { n: i + 1 })} value={tier.points} onChange={(points) => setTier(i, { points })} issues={issues} field={`rule.tiers[${i}].points`} inputMode="decimal" />
                  <button type="button" onClick={() => set({ tiers: rule.tiers.filter((_, j) => j !== i) })}>
                    {t('editor.rule.removeTier', { n: i + 1 })}
                  </button>
                </div>
              ))}
              <button type="button" onClick={() => set({ tiers: [...rule.tiers, { fromPercent: rule.tiers.at(-1)?.toPercent ?? '0', toPercent: '100', points: '' }] })}>
                {t('editor.rule.addTier')}
              </button>
              <button type="button" onClick={() => set({ tiers: [...rule.tiers, { fromPercent: '100', toPercent: '100', points: '' }] })}>
                {t('editor.rule.addExact')}
              </button>
            </div>
          )}
          <Choice
            label={t('editor.rule.noCases')}
            value={rule.noCases}
            options={(['full', 'zero', 'notApplicable'] as const).map((value) => ({ value, label: t(`editor.rule.noCases.${value}`) }))}
            onChange={(noCases) => set({ noCases })}
          />
        </>
      )}
      {rule.kind === 'deduction' && (
        <>
          <Text label={t('editor.rule.occurrence')} value={rule.occurrenceLabel} onChange={(occurrenceLabel) => set({ occurrenceLabel })} issues={issues} field="rule.occurrenceLabel" />
          <Text label={t('editor.rule.perOccurrence')} value={rule.perOccurrence} onChange={(perOccurrence) => set({ perOccurrence })} issues={issues} field="rule.perOccurrence" inputMode="decimal" />
          <Text label={t('editor.rule.minPoints')} value={rule.minPoints} onChange={(minPoints) => set({ minPoints })} issues={issues} field="rule.minPoints" inputMode="decimal" />
        </>
      )}
      {rule.kind === 'survey' && <p className="field-hint">{t('editor.rule.surveyHint')}</p>}
    </fieldset>
  );
}
