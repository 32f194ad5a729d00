import { useEffect, useState } from 'react';
import type { FolderJob } from '../../../shared/api/channels/data-folder';
import { api } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { formatFileSize } from '../evidence/evidence-format';

const POLL_MS = 250;

/** While a move or restore runs, its progress as main reports it (dataFolder:progress). */
export function FolderJobProgress() {
  const t = useT();
  const [job, setJob] = useState<FolderJob | null>(null);

  useEffect(() => {
    let stopped = false;
    const poll = async () => {
      const r = await api['dataFolder:progress']({});
      if (!stopped && r.ok) setJob(r.value.job);
    };
    const timer = setInterval(() => void poll(), POLL_MS);
    void poll();
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, []);

  const percent = job && job.totalBytes > 0 ? Math.min(100, Math.floor((job.doneBytes / job.totalBytes) * 100)) : 0;
  const text = !job || job.phase === 'waiting' ? t('job.waiting') : job.phase === 'copying' ? t('job.copying', { percent, done: formatFileSize(job.doneBytes), total: formatFileSize(job.totalBytes) }) : t(job.phase === 'verifying' ? 'job.verifying' : 'job.switching');
  return (
    <div className="package-progress">
      {job?.phase === 'copying' ? <progress className="progress" max={100} value={percent} aria-label={t('job.progress')} /> : <progress className="progress" aria-label={t('job.progress')} />}
      <p role="status">{text}</p>
    </div>
  );
}
