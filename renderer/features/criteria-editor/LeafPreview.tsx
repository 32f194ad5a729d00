/**
 * How the leaf looks to the officer who scores it, and what an example input scores, computed by
 * the scoring engine of shared/domain (the same function the assessment uses).
 */
import { useState } from 'react';
import type { RuleInput } from '../../../shared/domain/answer';
import { previewLeaf, previewScore, type CriteriaDraft, type DraftNode } from '../../../shared/domain/criteria-draft';
import { toMilli } from '../../../shared/domain/points';
import { formatPointsVi, parseCountVi, parseDecimalVi } from '../../../shared/format/numbers';
import { useT } from '../../i18n/i18n';
import { Check, Choice, Text } from './editor-fields';

interface Example {
  points: string;
  achieved: boolean;
  levelId: string;
  numerator: string;
  denominator: string;
  occurrences: string;
}

function exampleInput(kind: string, ex: Example): RuleInput | null {
  const decimal = parseDecimalVi(ex.points);
  const count = (text: string) => {
    const parsed = parseCountVi(text);
    return parsed.ok ? parsed.value : null;
  };
  switch (kind) {
    case 'manual':
      return decimal.ok ? { kind: 'manual', points: decimal.value } : null;
    case 'yesNo':
      return { kind: 'yesNo', achieved: ex.achieved };
    case 'levels':
      return { kind: 'levels', levelId: ex.levelId };
    case 'rate': {
      const n = count(ex.numerator);
      const d = count(ex.denominator);
      return n === null || d === null ? null : { kind: 'rate', numerator: n, denominator: d };
    }
    case 'deduction': {
      const o = count(ex.occurrences);
      return o === null ? null : { kind: 'deduction', occurrences: o };
    }
    default:
      return null;
  }
}

export function LeafPreview({ draft, node }: { draft: CriteriaDraft; node: DraftNode }) {
  const t = useT();
  const [ex, setEx] = useState<Example>({ points: '', achieved: true, levelId: '', numerator: '', denominator: '', occurrences: '' });
  const preview = previewLeaf(draft, node);
  if (!preview.ok) {
    return (
      <section className="panel editor-preview" aria-label={t('editor.preview')}>
        <h3>{t('editor.preview')}</h3>
        <p>{t('editor.preview.unavailable')}</p>
      </section>
    );
  }
  const { leaf } = preview;
  const rule = leaf.rule!;
  const levelId = rule.kind === 'levels' && !rule.levels.some((l) => l.id === ex.levelId) ? (rule.levels[0]?.id ?? '') : ex.levelId;
  const input = exampleInput(rule.kind, { ...ex, levelId });
  const result = input ? previewScore(preview, { input, notApplicable: false, explanation: '' }) : null;
  const max = formatPointsVi(toMilli(leaf.maxPoints));
  return (
    <section className="panel editor-preview" aria-label={t('editor.preview')}>
      <h3>{t('editor.preview')}</h3>
      <p className="editor-preview-title">
        <strong>{leaf.code}</strong> {leaf.title} <span>({max})</span>
      </p>
      {leaf.guidance && <p className="field-hint">{leaf.guidance}</p>}
      {leaf.evidenceHint && <p className="field-hint">{leaf.evidenceHint}</p>}
      {rule.kind === 'manual' && <Text label={t('editor.preview.points')} value={ex.points} onChange={(points) => setEx({ ...ex, points })} inputMode="decimal" />}
      {rule.kind === 'yesNo' && <Check label={t('editor.preview.achieved')} checked={ex.achieved} onChange={(achieved) => setEx({ ...ex, achieved })} />}
      {rule.kind === 'levels' && (
        <Choice label={t('editor.preview.level')} value={levelId} options={rule.levels.map((l) => ({ value: l.id, label: l.label }))} onChange={(id) => setEx({ ...ex, levelId: id })} />
      )}
      {rule.kind === 'rate' && (
        <>
          <Text label={`${t('editor.preview.numerator')}: ${rule.numeratorLabel}`} value={ex.numerator} onChange={(numerator) => setEx({ ...ex, numerator })} inputMode="numeric" />
          <Text label={`${t('editor.preview.denominator')}: ${rule.denominatorLabel}`} value={ex.denominator} onChange={(denominator) => setEx({ ...ex, denominator })} inputMode="numeric" />
        </>
      )}
      {rule.kind === 'deduction' && (
        <Text label={`${t('editor.preview.occurrences')}: ${rule.occurrenceLabel}`} value={ex.occurrences} onChange={(occurrences) => setEx({ ...ex, occurrences })} inputMode="numeric" />
      )}
      {rule.kind === 'survey' && <p>{t('editor.preview.survey')}</p>}
      {result && (
        <p className="editor-preview-result" role="status">
          {result.state === 'answered' && result.pointsMilli !== null
            ? t('editor.preview.result', { points: formatPointsVi(result.pointsMilli), max })
            : result.state === 'notApplicable'
              ? t('editor.preview.na')
              : (result.error ?? '')}
        </p>
      )}
    </section>
  );
}
