import { useSyncExternalStore } from 'react';
import type { EvidenceItem } from '../../../shared/api/evidence-entities';
import { useT } from '../../i18n/i18n';
import { itemLabel, formatFileSize } from './evidence-format';
import { batchProgress, isFinished, type UploadEntry, type UploadQueue } from './upload-queue';

interface UploadPanelProps {
  queue: UploadQueue;
  /** To name the item each file goes to (every item the workspace has seen). */
  itemById: (id: number) => EvidenceItem | undefined;
  /** The items of the criterion on screen: a finished batch shows only beside them. */
  hereItemIds: readonly number[];
}

/** Progress of the uploads of the current batch: overall and per file, each cancellable. */
export function UploadPanel({ queue, itemById, hereItemIds }: UploadPanelProps) {
  const t = useT();
  const { entries, active } = useSyncExternalStore(queue.subscribe, queue.getSnapshot);
  if (entries.length === 0 || (!active && !entries.some((e) => hereItemIds.includes(e.itemId)))) return null;
  const overall = batchProgress(entries);
  const done = entries.filter((e) => e.state === 'done').length;
  const summary = active
    ? t('upload.overall', { current: overall.current, count: overall.count, percent: overall.percent })
    : t('upload.finished', { done, count: entries.length });

  const stateText = (e: UploadEntry): string => {
    switch (e.state) {
      case 'waiting':
        return t('upload.waiting');
      case 'uploading':
        return t('upload.percent', { percent: e.size === 0 ? 0 : Math.floor((e.loaded / e.size) * 100) });
      case 'storing':
        return t('upload.storing');
      case 'done':
        return t('upload.done');
      case 'cancelled':
        return t('upload.cancelled');
      case 'failed':
        return e.message ?? t('upload.failed');
    }
  };

  return (
    <section className="uploads" aria-label={t('upload.label')}>
      <div className="uploads-head">
        <p role="status" className="uploads-summary">
          {summary}
        </p>
        {active ? (
          <button type="button" className="small" onClick={() => queue.cancelAll()}>
            {t('upload.cancelAll')}
          </button>
        ) : (
          <button type="button" className="small" onClick={() => queue.clearFinished()}>
            {t('upload.close')}
          </button>
        )}
      </div>
      {active && <progress className="progress" max={100} value={overall.percent} aria-label={t('upload.overallLabel')} />}
      <ul className="upload-list">
        {entries.map((e) => {
          const item = itemById(e.itemId);
          const percent = e.state === 'storing' || e.state === 'done' ? 100 : e.size === 0 ? 0 : Math.floor((e.loaded / e.size) * 100);
          const cancellable = e.state === 'waiting' || e.state === 'uploading';
          return (
            <li key={e.key} className={`upload upload--${e.state}`}>
              <div className="upload-line">
                <span className="file-name">{e.name}</span>
                <span className="file-size">{formatFileSize(e.size)}</span>
                {item && <span className="muted upload-target">→ {itemLabel(item)}</span>}
                {cancellable && (
                  <button type="button" className="small" onClick={() => queue.cancel(e.key)} aria-label={t('upload.cancelLabel', { name: e.name })}>
                    {t('upload.cancel')}
                  </button>
                )}
              </div>
              {!isFinished(e) && <progress className="progress" max={100} value={percent} aria-label={t('upload.fileLabel', { name: e.name })} />}
              <p className={`upload-state${e.state === 'failed' ? ' upload-state--error' : ''}`} role={e.state === 'failed' ? 'alert' : undefined}>
                {stateText(e)}
              </p>
              {e.state === 'done' && e.alreadyOn.length > 0 && (
                <p className="note">{t('upload.alreadyOn', { items: e.alreadyOn.map((a) => a.docNumber || a.summary).join('; ') })}</p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
