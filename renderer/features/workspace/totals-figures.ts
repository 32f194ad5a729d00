/** The figures of the totals bar, counted so that they add up: answered of the self-scored leaves
 *  (N/A and survey leaves are counted apart), and the class only once everything is answered
 *  (before that it is labelled provisional, "tạm tính"). */
import type { Totals } from '../../../shared/domain/scoring-types';
import { formatPercentVi, formatPointsVi, signedPointsVi } from '../../../shared/format/numbers';
import type { TFunction } from '../../i18n/message-types';
import type { MessageKey } from '../../i18n/vi';

export interface Figure {
  key: MessageKey;
  value: string;
  tone?: 'strong' | 'warn' | 'ok' | 'muted';
}

/** "Khá", "Khá (tạm tính)" while leaves are unanswered, "—" before anything is scored. */
export function classText(totals: Totals, t: TFunction): string {
  if (totals.answeredCount === 0) return t('totals.classNone');
  return totals.unansweredCount > 0 ? t('totals.classProvisional', { name: totals.className }) : totals.className;
}

export function totalsFigures(totals: Totals, hasAdjustments: boolean, t: TFunction): Figure[] {
  const figures: Figure[] = [
    { key: 'totals.total', value: formatPointsVi(totals.totalMilli), tone: 'strong' },
    { key: 'totals.applicableMax', value: formatPointsVi(totals.applicableMaxMilli) },
    { key: 'totals.percent', value: formatPercentVi(totals.percent) },
    { key: 'totals.class', value: classText(totals, t), tone: totals.unansweredCount > 0 ? 'muted' : 'strong' },
  ];
  if (hasAdjustments) {
    figures.push({ key: 'totals.bonus', value: signedPointsVi('+', totals.bonusMilli) });
    figures.push({ key: 'totals.penalty', value: signedPointsVi('-', totals.penaltyMilli) });
  }
  const selfScored = totals.answeredCount + totals.unansweredCount;
  figures.push({ key: 'totals.answered', value: t('totals.of', { count: totals.answeredCount, total: selfScored }) });
  figures.push({ key: 'totals.unanswered', value: String(totals.unansweredCount), tone: totals.unansweredCount > 0 ? 'warn' : 'ok' });
  if (totals.notApplicableCount > 0) figures.push({ key: 'totals.notApplicable', value: String(totals.notApplicableCount) });
  if (totals.surveyCount > 0) figures.push({ key: 'totals.survey', value: String(totals.surveyCount) });
  figures.push({ key: 'totals.needsExplanation', value: String(totals.needsExplanationCount), tone: totals.needsExplanationCount > 0 ? 'warn' : 'ok' });
  return figures;
}
