import { formatTime } from '../../components/format';
import { useT } from '../../i18n/i18n';
import type { SaveStatus } from './answer-saver';

/** "Đang lưu…" / "Đã lưu lúc 14:05" / "Chưa lưu được: …" with a retry button / "Có giá trị chưa lưu" (never green). */
export function SaveStatusView({ status, onRetry }: { status: SaveStatus; onRetry: () => void }) {
  const t = useT();
  let text = t('save.idle');
  if (status.kind === 'saving') text = t('save.saving');
  else if (status.kind === 'saved') text = t('save.saved', { time: formatTime(status.at) });
  else if (status.kind === 'error') text = t('save.failed', { message: status.message });
  else if (status.kind === 'unsaved') text = t('save.unsaved', { codes: status.codes.join(', ') });
  return (
    <div className={`save-status save-status--${status.kind}`}>
      <span role="status">{text}</span>
      {status.kind === 'error' && (
        <button type="button" onClick={onRetry}>
          {t('app.retry')}
        </button>
      )}
    </div>
  );
}
