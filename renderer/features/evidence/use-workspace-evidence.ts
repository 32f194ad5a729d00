/**
 * The evidence side of a workspace: the items store (loaded per criterion when it is shown, then
 * kept in step with every change), the upload queue (browser uploads and, on the desktop, files picked in the system dialog), and page-wide guards (a file dropped outside a drop zone must not
 * make the browser open it; closing the page while files upload asks first).
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Totals } from '../../../shared/domain/scoring-types';
import { api } from '../../api/client';
import { importPickedFile } from '../../api/picked-import';
import { uploadEvidenceFile } from '../../api/upload';
import { EvidenceStore } from './evidence-store';
import { isPickedFile, UploadQueue, type StartUpload, type UploadSource } from './upload-queue';

/** A browser File is uploaded; a file picked on the desktop is imported by main from its path. */
function starter(assessmentId: number): StartUpload {
  return (source, itemId, callbacks) =>
    isPickedFile(source) ? importPickedFile(api, source, { assessmentId, itemId }, callbacks) : uploadEvidenceFile(source, { assessmentId, itemId }, callbacks);
}

/** A picked file cancelled before it started: main forgets its grant. */
function giveBack(source: UploadSource): void {
  if (isPickedFile(source)) void api['evidence:cancelPicked']({ pickId: source.pickId });
}

export function useWorkspaceEvidence(assessmentId: number, onTotals: (totals: Totals) => void) {
  const [store] = useState(() => new EvidenceStore(assessmentId, api['evidence:listForCriterion'], onTotals));
  const [queue] = useState(() => new UploadQueue(starter(assessmentId), (stored) => store.touched(stored.itemId), giveBack));
  // Only changes redraw the workspace (the completeness list follows them), not each criterion's load.
  const version = useSyncExternalStore(store.subscribe, store.getVersion);

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

  return { store, queue, version };
}
