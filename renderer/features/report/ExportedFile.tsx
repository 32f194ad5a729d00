import type { ReactNode } from 'react';
import { exportDownloadUrl } from '../../api/transfer';
import { useT } from '../../i18n/i18n';
import { formatFileSize } from '../evidence/evidence-format';

interface ExportedFileProps {
  fileName: string;
  size: number;
  downloadPath: string;
  /** More rows of the description list (draft state, evidence count…). */
  children?: ReactNode;
}

/** A finished export: its name and size, and the link that saves it (a save dialog in the desktop app). */
export function ExportedFile({ fileName, size, downloadPath, children }: ExportedFileProps) {
  const t = useT();
  return (
    <div className="exported">
      <dl className="exported-facts">
        <div>
          <dt>{t('exported.fileName')}</dt>
          <dd className="file-name">{fileName}</dd>
        </div>
        <div>
          <dt>{t('exported.size')}</dt>
          <dd>{formatFileSize(size)}</dd>
        </div>
        {children}
      </dl>
      <a className="download-link" href={exportDownloadUrl(downloadPath)} download={fileName}>
        <span aria-hidden="true">⬇ </span>
        {t('exported.download', { name: fileName })}
      </a>
    </div>
  );
}
