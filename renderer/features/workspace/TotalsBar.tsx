import type { Totals } from '../../../shared/domain/scoring-types';
import { useT } from '../../i18n/i18n';
import { totalsFigures } from './totals-figures';

/** The always-visible summary: total, applicable maximum, index, class, adjustments and what is left. */
export function TotalsBar({ totals, hasAdjustments }: { totals: Totals; hasAdjustments: boolean }) {
  const t = useT();
  const items = totalsFigures(totals, hasAdjustments, t);
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
