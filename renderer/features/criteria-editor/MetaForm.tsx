/** The set's own information: title, level, year, issuer, legal basis, status, rounding, classes, total. */
import type { CriteriaDraft, DraftMeta, PlacedIssue, SumCheck } from '../../../shared/domain/criteria-draft';
import { useT } from '../../i18n/i18n';
import { sumLabel } from './DraftTree';
import { Area, Check, Choice, IssueLines, Text, issueText } from './editor-fields';

const SHOWN_META = /^(id|title|year|issuer|totalMaxPoints|classes\[\d+\]\.(name|minPercent))$/;

interface MetaFormProps {
  draft: CriteriaDraft;
  issues: readonly PlacedIssue[] | undefined;
  total: SumCheck | undefined;
  onMeta: (patch: Partial<DraftMeta>) => void;
  onKeepCodes: (keep: boolean) => void;
  onAdjustments: (present: boolean) => void;
  onCountInPercent: (count: boolean) => void;
  adjustmentIssues: readonly PlacedIssue[] | undefined;
  onAdjustmentTitle: (title: string) => void;
}

export function MetaForm({ draft, issues, total, onMeta, onKeepCodes, onAdjustments, onCountInPercent, adjustmentIssues, onAdjustmentTitle }: MetaFormProps) {
  const t = useT();
  const meta = draft.meta;
  const classes = meta.classes;
  const setClass = (i: number, patch: Partial<DraftMeta['classes'][number]>) => onMeta({ classes: classes.map((c, j) => (j === i ? { ...c, ...patch } : c)) });
  const totalLabel = sumLabel(total, t('editor.sumUnknown'));
  return (
    <section className="panel editor-meta" aria-label={t('editor.meta')}>
      <h2>{t('editor.meta')}</h2>
      <div className="editor-grid">
        <Text label={t('editor.meta.title')} value={meta.title} onChange={(title) => onMeta({ title })} issues={issues} field="title" />
        <Text label={t('editor.meta.id')} value={meta.id} onChange={(id) => onMeta({ id })} issues={issues} field="id" />
        <Choice
          label={t('editor.meta.level')}
          value={meta.level}
          options={(['commune', 'department'] as const).map((value) => ({ value, label: t(`editor.meta.level.${value}`) }))}
          onChange={(level) => onMeta({ level })}
        />
        <Text label={t('editor.meta.year')} value={meta.year} onChange={(year) => onMeta({ year })} issues={issues} field="year" inputMode="numeric" />
        <Text label={t('editor.meta.issuer')} value={meta.issuer} onChange={(issuer) => onMeta({ issuer })} issues={issues} field="issuer" />
        <Choice
          label={t('editor.meta.status')}
          value={meta.status}
          options={(['official', 'draft', 'sample'] as const).map((value) => ({ value, label: t(`editor.meta.status.${value}`) }))}
          onChange={(status) => onMeta({ status })}
        />
        <Choice
          label={t('editor.meta.decimals')}
          value={String(meta.roundingDecimals) as '0' | '1' | '2' | '3'}
          options={(['0', '1', '2', '3'] as const).map((value) => ({ value, label: value }))}
          onChange={(value) => onMeta({ roundingDecimals: Number(value) })}
        />
        <Choice
          label={t('editor.meta.mode')}
          value={meta.roundingMode}
          options={(['half-up', 'half-even', 'down'] as const).map((value) => ({ value, label: t(`editor.meta.mode.${value}`) }))}
          onChange={(roundingMode) => onMeta({ roundingMode })}
        />
        <Text label={t('editor.meta.total')} value={meta.totalMaxPoints} onChange={(totalMaxPoints) => onMeta({ totalMaxPoints })} issues={issues} field="totalMaxPoints" inputMode="decimal" />
      </div>
      {totalLabel && <p className={`editor-sum${totalLabel.wrong ? ' editor-sum--wrong' : ''}`}>{t('editor.sumTotal', { sum: totalLabel.sum, max: totalLabel.max })}</p>}
      <Area label={t('editor.meta.legalBasis')} value={meta.legalBasis} onChange={(legalBasis) => onMeta({ legalBasis })} error={issueText(issues, 'legalBasis')} />
      <fieldset className="editor-table">
        <legend>{t('editor.meta.classes')}</legend>
        {classes.map((c, i) => (
          <div className="editor-table-row" key={i}>
            <Text label={t('editor.meta.className', { n: i + 1 })} value={c.name} onChange={(name) => setClass(i, { name })} issues={issues} field={`classes[${i}].name`} />
            <Text label={t('editor.meta.classMin', { n: i + 1 })} value={c.minPercent} onChange={(minPercent) => setClass(i, { minPercent })} issues={issues} field={`classes[${i}].minPercent`} inputMode="decimal" />
            <button type="button" onClick={() => onMeta({ classes: classes.filter((_, j) => j !== i) })}>
              {t('editor.meta.removeClass', { n: i + 1 })}
            </button>
          </div>
        ))}
        <button type="button" onClick={() => onMeta({ classes: [...classes, { name: '', minPercent: '0' }] })}>
          {t('editor.meta.addClass')}
        </button>
      </fieldset>
      <Check label={t('editor.meta.keepCodes')} checked={draft.keepCodes} onChange={onKeepCodes} />
      <Check label={t('editor.meta.adjustments')} checked={draft.adjustments !== null} onChange={onAdjustments} />
      {draft.adjustments && (
        <>
          <Text label={t('editor.meta.adjustmentsTitle')} value={draft.adjustments.title} onChange={onAdjustmentTitle} issues={adjustmentIssues} field="title" />
          <Check label={t('editor.meta.countInPercent')} checked={draft.adjustments.countInPercent} onChange={onCountInPercent} />
          <IssueLines issues={(adjustmentIssues ?? []).filter((issue) => issue.field !== 'title')} />
        </>
      )}
      <IssueLines issues={(issues ?? []).filter((issue) => !SHOWN_META.test(issue.field))} />
    </section>
  );
}
