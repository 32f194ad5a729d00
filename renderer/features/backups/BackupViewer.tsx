import { useEffect, useState } from 'react';
import type { BackupAssessmentDetail, KeptBackup } from '../../../shared/api/channels/backups';
import { walkSet } from '../../../shared/domain/criteria-tree';
import { toMilli } from '../../../shared/domain/points';
import { formatPercentVi, formatPointsVi } from '../../../shared/format/numbers';
import { api } from '../../api/client';
import { formatDateTime } from '../../components/format';
import { useT } from '../../i18n/i18n';

interface BackupViewerProps {
  backup: KeptBackup;
  assessmentId: number;
  onClose: () => void;
}

type Loaded = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; detail: BackupAssessmentDetail };

function LeafCells({ detail, code }: { detail: BackupAssessmentDetail; code: string }) {
  const t = useT();
  const answer = detail.view.answers.find((a) => a.code === code);
  const points = answer?.result.state === 'answered' && answer.result.pointsMilli !== null ? formatPointsVi(answer.result.pointsMilli) : answer?.result.state === 'notApplicable' ? t('backups.view.notApplicable') : '—';
  const documents = detail.documents[code] ?? [];
  return (
    <>
      <td className="num">{points}</td>
      <td>{answer?.explanation ?? ''}</td>
      <td>
        {documents.length > 0 && (
          <ul className="backup-view-docs">
            {documents.map((d, i) => (
              <li key={i}>
                {d.label}
                {d.fileNames.length > 0 ? ` (${d.fileNames.join(', ')})` : ` (${t('backups.view.noFile')})`}
              </li>
            ))}
          </ul>
        )}
      </td>
    </>
  );
}

/** "Xem (chỉ đọc)": one assessment of a kept backup, every criterion with its points, explanation and documents. Nothing can be changed here. */
export function BackupViewer({ backup, assessmentId, onClose }: BackupViewerProps) {
  const t = useT();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    void api['backups:view']({ folder: backup.folder, fileName: backup.fileName, assessmentId }).then((r) => {
      if (live) setLoaded(r.ok ? { state: 'ready', detail: r.value } : { state: 'error', message: r.error.message });
    });
    return () => {
      live = false;
    };
  }, [backup, assessmentId]);

  return (
    <section className="backup-view" aria-labelledby="backup-view-title">
      <div className="screen-head">
        <button type="button" onClick={onClose}>
          {t('backups.view.close')}
        </button>
        <h2 id="backup-view-title">{t('backups.view.title', { time: formatDateTime(backup.createdAt) })}</h2>
      </div>
      <p className="hint">{t('backups.view.readOnly')}</p>
      {loaded.state === 'loading' && <p className="loading">{t('backups.loading')}</p>}
      {loaded.state === 'error' && (
        <p className="form-error" role="alert">
          {loaded.message}
        </p>
      )}
      {loaded.state === 'ready' && (
        <>
          <p className="backup-view-summary">
            {t('backups.view.summary', {
              agency: loaded.detail.view.agency.name,
              year: loaded.detail.view.assessment.year,
              set: loaded.detail.view.setSummary.title,
              points: formatPointsVi(loaded.detail.view.totals.totalMilli),
              percent: formatPercentVi(loaded.detail.view.totals.percent),
            })}
          </p>
          <table className="backup-view-table">
            <thead>
              <tr>
                <th scope="col">{t('backups.view.col.code')}</th>
                <th scope="col">{t('backups.view.col.title')}</th>
                <th scope="col">{t('backups.view.col.max')}</th>
                <th scope="col">{t('backups.view.col.points')}</th>
                <th scope="col">{t('backups.view.col.explanation')}</th>
                <th scope="col">{t('backups.view.col.documents')}</th>
              </tr>
            </thead>
            <tbody>
              {[...walkSet(loaded.detail.view.set)].map((v) => (
                <tr key={`${v.part}-${v.node.code}`} className={v.isLeaf ? undefined : 'backup-view-group'}>
                  <th scope="row">{v.node.code}</th>
                  <td style={{ paddingLeft: `${(v.depth - 1) * 1}rem` }}>{v.node.title}</td>
                  <td className="num">{formatPointsVi(toMilli(v.node.maxPoints))}</td>
                  {v.isLeaf ? (
                    <LeafCells detail={loaded.detail} code={v.node.code} />
                  ) : (
                    <>
                      <td className="num">{formatPointsVi(loaded.detail.view.totals.nodes[v.node.code]?.pointsMilli ?? 0)}</td>
                      <td colSpan={2} />
                    </>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
