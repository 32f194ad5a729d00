import type { Totals } from '../../../shared/domain/scoring-types';
import { formatPercentVi, formatPointsVi, signedPointsVi } from '../../../shared/format/numbers';
import { useT } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/vi';


/** The always-visible summary: total, applicable maximum, index, class, adjustments and what is left. */
export function TotalsBar({ totals, hasAdjustments }: { totals: Totals; hasAdjustments: boolean }) {
  const t = useT();
  const items: { key: MessageKey; value: string; tone?: string }[] = [
    { key: 'totals.total', value: formatPointsVi(totals.totalMilli), tone: 'strong' },
    { key: 'totals.applicableMax', value: formatPointsVi(totals.applicableMaxMilli) },
    { key: 'totals.percent', value: formatPercentVi(totals.percent) },
    { key: 'totals.class', value: totals.className, tone: 'strong' },
  ];
  if (hasAdjustments) {
    items.push({ key: 'totals.bonus', value: signedPointsVi('+', totals.bonusMilli) });
    items.push({ key: 'totals.penalty', value: signedPointsVi('-', totals.penaltyMilli) });
  }
  items.push({ key: 'totals.answered', value: t('totals.of', { count: totals.answeredCount, total: totals.leafCount }) });
  items.push({ key: 'totals.unanswered', value: String(totals.unansweredCount), tone: totals.unansweredCount > 0 ? 'warn' : 'ok' });
  items.push({ key: 'totals.needsExplanation', value: String(totals.needsExplanationCount), tone: totals.needsExplanationCount > 0 ? 'warn' : 'ok' });
  return (
    <section className="totals-bar" aria-label={t('totals.label')}>
      <dl>
        {items.map((item) => (
          <div key={item.key} className={`stat${item.tone ? ` stat--${item.tone}` : ''}`} data-stat={item.key}>
            <dt>{t(item.key)}</dt>
            <dd>{item.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
