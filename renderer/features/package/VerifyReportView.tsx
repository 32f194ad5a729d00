import { useId } from 'react';
import type { PackageProblemKind, VerifyReport } from '../../../shared/api/channels/package';
import { formatDecimalVi, formatPercentVi } from '../../../shared/format/numbers';
import { formatDateTime } from '../../components/format';
import { useT } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/vi';
import { formatFileSize } from '../evidence/evidence-format';

const KIND_KEYS: Readonly<Record<PackageProblemKind, MessageKey>> = {
  refused: 'package.kind.refused',
  missing: 'package.kind.missing',
  extra: 'package.kind.extra',
  altered: 'package.kind.altered',
  invalid: 'package.kind.invalid',
};

function PathList({ title, paths }: { title: string; paths: string[] }) {
  if (paths.length === 0) return null;
  return (
    <div className="verify-paths">
      <p className="verify-paths-title">{title}</p>
      <ul aria-label={title}>
        {paths.map((p) => (
          <li key={p}>
            <code>{p}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** "Kết quả kiểm tra gói": the verdict, what the manifest says, and every problem with its message. */
export function VerifyReportView({ report }: { report: VerifyReport }) {
  const t = useT();
  const id = useId();
  const s = report.summary;
  const verdict = report.ok ? t('package.verify.ok') : report.refused ? t('package.verify.refused') : t('package.verify.problems', { count: report.problems.length });
  const t0 = s?.totals ?? null;
  const totals: [MessageKey, string][] = t0
    ? [
        ['package.verify.total', formatDecimalVi(t0.total)],
        ['package.verify.applicableMax', formatDecimalVi(t0.applicableMax)],
        ['package.verify.percent', formatPercentVi(t0.percent)],
        ['package.verify.class', t0.className],
        ['package.verify.adjustments', t('package.verify.adjustmentsValue', { bonus: formatDecimalVi(t0.bonus), penalty: formatDecimalVi(t0.penalty) })],
      ]
    : [];
  const kind: [MessageKey, string][] = s?.response ? [['package.verify.kind', t('package.verify.responseKind', { round: s.response.round, requests: s.response.requests })]] : [];
  const facts: [MessageKey, string][] = s
    ? [...kind, ['package.verify.agency', s.agencyName], ['package.verify.year', String(s.year)], ['package.verify.set', s.setTitle], ...totals, ['package.verify.createdAt', formatDateTime(s.createdAt)]]
    : [];
  facts.push(['package.verify.checked', t('package.verify.checkedValue', { files: report.checkedFiles, size: formatFileSize(report.checkedBytes) })]);

  return (
    <section className={`verify-report${report.ok ? ' verify-report--ok' : ' verify-report--bad'}`} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('package.verify.title')}</h3>
      <p className={report.ok ? 'success' : 'form-error'} role={report.ok ? 'status' : 'alert'}>
        {verdict}
      </p>
      <dl className="verify-facts">
        {facts.map(([key, value]) => (
          <div key={key}>
            <dt>{t(key)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <PathList title={t('package.verify.missing', { count: report.missing.length })} paths={report.missing} />
      <PathList title={t('package.verify.extra', { count: report.extra.length })} paths={report.extra} />
      <PathList title={t('package.verify.altered', { count: report.altered.length })} paths={report.altered} />
      {report.problems.length > 0 && (
        <div className="verify-problems">
          <p className="verify-paths-title">{t('package.verify.problemList')}</p>
          <ul aria-label={t('package.verify.problemList')}>
            {report.problems.map((p, i) => (
              <li key={`${p.kind}-${p.path ?? ''}-${i}`}>
                <span className={`badge badge--problem badge--${p.kind}`}>{t(KIND_KEYS[p.kind])}</span> {p.message}
                {p.path && !p.message.includes(p.path) && (
                  <>
                    {' '}
                    <code className="issue-path">{p.path}</code>
                  </>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
