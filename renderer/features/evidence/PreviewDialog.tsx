import type { EvidenceFile } from '../../../shared/api/evidence-entities';
import { evidenceFileUrl } from '../../api/upload';
import { Dialog } from '../../components/Dialog';
import { useT } from '../../i18n/i18n';
import { formatFileSize } from './evidence-format';

/**
 * A PDF or an image inside the app. PDFs use Chromium's own viewer in an <iframe> (the page's
 * CSP allows frames from 'self'; the file route answers `inline` with the PDF's media type), so
 * the officer gets pages, zoom, search and print without a bundled PDF library.
 */
export function PreviewDialog({ file, onClose }: { file: EvidenceFile; onClose: () => void }) {
  const t = useT();
  const src = evidenceFileUrl(file.id);
  const download = (
    <a className="dialog-link" href={evidenceFileUrl(file.id, true)} download={file.displayName}>
      {t('evidence.preview.download')}
    </a>
  );
  return (
    <Dialog title={file.displayName} onClose={onClose} className="dialog--preview" headerExtra={download}>
      <p className="sr-only">{formatFileSize(file.size)}</p>
      {file.previewable === 'image' && <img className="preview-image" src={src} alt={file.displayName} />}
      {file.previewable === 'pdf' && <iframe className="preview-frame" src={src} title={t('evidence.preview.frame', { name: file.displayName })} />}
      {file.previewable === null && <p className="empty">{t('evidence.preview.unsupported')}</p>}
    </Dialog>
  );
}
