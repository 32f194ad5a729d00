import { ASSESSMENT_STATUSES, type AssessmentStatus } from '../../../shared/api/entities';
import type { ArchiveInspection } from '../../../shared/api/channels/data-folder';
import { formatDateTime } from '../../components/format';
import { useT } from '../../i18n/i18n';
import { formatFileSize } from '../evidence/evidence-format';

/** What a verified archive holds, shown before it is restored. */
export function ArchiveSummary({ archive }: { archive: ArchiveInspection }) {
  const t = useT();
  const status = (s: string) => ((ASSESSMENT_STATUSES as readonly string[]).includes(s) ? t(`status.${s as AssessmentStatus}`) : s);
  return (
    <dl className="exported-facts">
      <div>
        <dt>{t('restoreFile.createdAt')}</dt>
        <dd>{formatDateTime(archive.createdAt)}</dd>
      </div>
      <div>
        <dt>{t('restoreFile.agencies')}</dt>
        <dd>{archive.agencies.length > 0 ? archive.agencies.join('; ') : t('restoreFile.none')}</dd>
      </div>
      <div>
        <dt>{t('restoreFile.assessments')}</dt>
        <dd>
          {archive.assessments.length === 0 ? (
            t('restoreFile.none')
          ) : (
            <ul className="archive-assessments">
              {archive.assessments.map((a, i) => (
                <li key={i}>{t('restoreFile.assessmentLine', { year: a.year, agency: a.agencyName, status: status(a.status) })}</li>
              ))}
            </ul>
          )}
        </dd>
      </div>
      <div>
        <dt>{t('restoreFile.evidence')}</dt>
        <dd>{t('restoreFile.evidenceValue', { count: archive.evidenceFiles, size: formatFileSize(archive.evidenceBytes) })}</dd>
      </div>
    </dl>
  );
}
