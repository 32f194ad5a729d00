import { useEffect, useRef, type ReactNode } from 'react';
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

/** A finished export: its name and size, and the link that saves it (a save dialog in the desktop app).
 *  The link takes the focus when the export left it nowhere. */
export function ExportedFile({ fileName, size, downloadPath, children }: ExportedFileProps) {
  const t = useT();
  const linkRef = useRef<HTMLAnchorElement>(null);
  // The button that started the export was disabled while it ran, which drops the focus to the
  // page: the keyboard user continues from the link to the file instead of from the top.
  useEffect(() => {
    if (document.activeElement === null || document.activeElement === document.body) linkRef.current?.focus();
  }, []);
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
      <a ref={linkRef} className="download-link" href={exportDownloadUrl(downloadPath)} download={fileName}>
        <span aria-hidden="true">⬇ </span>
        {t('exported.download', { name: fileName })}
      </a>
    </div>
  );
}
