/**
 * The evidence side of a workspace: the items store (loaded once, then kept in step with every
 * change), the upload queue, and page-wide guards (a file dropped outside a drop zone must not
 * make the browser open it; closing the page while files upload asks first).
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Totals } from '../../../shared/domain/scoring-types';
import { api } from '../../api/client';
import { uploadEvidenceFile } from '../../api/upload';
import { EvidenceStore } from './evidence-store';
import { UploadQueue } from './upload-queue';

export function useWorkspaceEvidence(assessmentId: number, onTotals: (totals: Totals) => void) {
  const [store] = useState(() => new EvidenceStore(assessmentId, api['evidence:listForAssessment'], onTotals));
  const [queue] = useState(() => new UploadQueue(uploadEvidenceFile, () => store.touched()));
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);

  useEffect(() => {
    void store.reload();
  }, [store]);

  useEffect(() => {
    const refuseDrop = (e: DragEvent) => {
      if (e.defaultPrevented || !e.dataTransfer) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'none';
    };
    const warnIfUploading = (e: BeforeUnloadEvent) => {
      if (queue.getSnapshot().active) e.preventDefault();
    };
    window.addEventListener('dragover', refuseDrop);
    window.addEventListener('drop', refuseDrop);
    window.addEventListener('beforeunload', warnIfUploading);
    return () => {
      window.removeEventListener('dragover', refuseDrop);
      window.removeEventListener('drop', refuseDrop);
      window.removeEventListener('beforeunload', warnIfUploading);
      queue.cancelAll();
    };
  }, [queue]);

  return { store, queue, version: snapshot.version };
}
