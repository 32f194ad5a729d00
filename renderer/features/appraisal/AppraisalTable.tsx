import { Fragment, useState } from 'react';
import type { AppraisalCriterionView, AppraisalView } from '../../../shared/api/channels/appraisal';
import type { EvidenceItem } from '../../../shared/api/evidence-entities';
import { formatDateVi } from '../../../shared/format/dates';
import { formatDecimalVi } from '../../../shared/format/numbers';
import { useT } from '../../i18n/i18n';
import { RequestAnswer } from './RequestAnswer';

interface AppraisalTableProps {
  view: AppraisalView;
  documents: readonly EvidenceItem[];
  onChange: (view: AppraisalView) => void;
}

const differs = (c: AppraisalCriterionView): boolean => (c.difference !== null && c.difference !== 0) || (c.survey && c.appraisedPoints !== null);

/** Per criterion: self score, appraised score, the difference highlighted, the comment and the request (with its answer). */
export function AppraisalTable({ view, documents, onChange }: AppraisalTableProps) {
  const t = useT();
  const [onlyDiffer, setOnlyDiffer] = useState(false);
  const [onlyRequests, setOnlyRequests] = useState(false);
  const [openCode, setOpenCode] = useState<string | null>(null);
  const rows = view.criteria.filter((c) => (!onlyDiffer || differs(c)) && (!onlyRequests || c.request !== 'none'));
  const pts = (v: number | null, survey: boolean) => (v === null ? (survey ? t('appraisal.survey') : t('appraisal.notScored')) : formatDecimalVi(v));
  return (
    <section className="appraisal-table-wrap" aria-label={t('appraisal.title', { year: '' }).trim()}>
      <div className="appraisal-filters">
        <label>
          <input type="checkbox" checked={onlyDiffer} onChange={(e) => setOnlyDiffer(e.target.checked)} /> {t('appraisal.onlyDiffer')}
        </label>
        <label>
          <input type="checkbox" checked={onlyRequests} onChange={(e) => setOnlyRequests(e.target.checked)} /> {t('appraisal.onlyRequests')}
        </label>
        <span className="field-hint" role="status">
          {t('appraisal.filtered', { shown: rows.length, total: view.criteria.length })}
        </span>
      </div>
      <table className="appraisal-table">
        <thead>
          <tr>
            <th scope="col">{t('appraisal.colCode')}</th>
            <th scope="col">{t('appraisal.colTitle')}</th>
            <th scope="col">{t('appraisal.colMax')}</th>
            <th scope="col">{t('appraisal.colSelf')}</th>
            <th scope="col">{t('appraisal.colAppraised')}</th>
            <th scope="col">{t('appraisal.colDiff')}</th>
            <th scope="col">{t('appraisal.colComment')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => {
            const diff = c.difference ?? 0;
            return (
              <Fragment key={c.code}>
                <tr className={differs(c) ? 'appraisal-row appraisal-row--differs' : 'appraisal-row'} data-code={c.code}>
                  <td>{c.code}</td>
                  <td>{c.title}</td>
                  <td className="num">{formatDecimalVi(c.maxPoints)}</td>
                  <td className="num">{pts(c.selfPoints, c.survey)}</td>
                  <td className="num">{pts(c.appraisedPoints, c.survey)}</td>
                  <td className={`num${diff < 0 ? ' appraisal-diff--down' : diff > 0 ? ' appraisal-diff--up' : ''}`}>{c.difference === null || diff === 0 ? '' : `${diff > 0 ? '+' : ''}${formatDecimalVi(diff)}`}</td>
                  <td>
                    {c.comment && <p className="appraisal-comment">{c.comment}</p>}
                    {c.request !== 'none' && (
                      <p className="appraisal-request">
                        <strong>{t(`appraisal.request.${c.request}`)}</strong>
                        {c.deadline && ` (${t('appraisal.deadline', { date: formatDateVi(c.deadline) })})`}{' '}
                        <span className={c.open ? 'appraisal-open' : 'appraisal-answered'}>{c.open ? t('appraisal.openMark') : t('appraisal.answeredMark')}</span>{' '}
                        {view.canRespond && (
                          <button type="button" aria-expanded={openCode === c.code} onClick={() => setOpenCode((o) => (o === c.code ? null : c.code))}>
                            {t('appraisal.answer')} {c.code}
                          </button>
                        )}
                      </p>
                    )}
                  </td>
                </tr>
                {openCode === c.code && view.canRespond && (
                  <tr className="appraisal-answer-row">
                    <td colSpan={7}>
                      <RequestAnswer assessmentId={view.assessmentId} row={c} documents={documents} onChange={onChange} />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
