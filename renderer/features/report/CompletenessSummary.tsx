import { useId } from 'react';
import type { Totals } from '../../../shared/domain/scoring-types';
import { useT } from '../../i18n/i18n';

/** What still keeps the report a draft: unanswered items and items that need an explanation. */
export function CompletenessSummary({ totals, onShowGaps }: { totals: Totals; onShowGaps: () => void }) {
  const t = useT();
  const id = useId();
  const complete = totals.unansweredCount === 0 && totals.needsExplanationCount === 0;
  const stat = (label: string, value: number) => (
    <div className={`stat${value > 0 ? ' stat--warn' : ''}`}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  return (
    <section className="panel report-completeness" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('report.completeness.title')}</h3>
      <div className="report-completeness-body">
        <dl className="completeness-stats">
          {stat(t('report.completeness.unanswered'), totals.unansweredCount)}
          {stat(t('report.completeness.needsExplanation'), totals.needsExplanationCount)}
        </dl>
        <div>
          <p className={complete ? 'success' : 'completeness-warning'}>{t(complete ? 'report.completeness.complete' : 'report.completeness.incomplete')}</p>
          {!complete && (
            <button type="button" className="link-button" onClick={onShowGaps}>
              {t('report.completeness.gaps')}
            </button>
          )}
        </div>
      </div>
    </section>
  );
}
