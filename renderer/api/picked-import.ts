/**
 * Desktop: a file chosen in the system picker is imported by main from its path (the renderer
 * only holds the grant's id, never the path). The handle asks main to import, polls main for
 * progress while it runs, and cancels through main; it looks to the upload queue like an upload.
 */
import type { PickedFile } from '../../shared/api/channels/evidence';
import type { Channel, InputOf, OutputOf } from '../../shared/api/contract';
import type { ImportedFile } from '../../shared/api/evidence-entities';
import type { Result } from '../../shared/api/result';
import type { UploadCallbacks, UploadHandle } from './upload-handle';

/** How often a running import's progress is asked for. */
export const PICKED_POLL_MS = 200;

type Call<C extends Channel> = (input: InputOf<C>) => Promise<Result<OutputOf<C>>>;

/** The three channels a picked import uses (the api client in the app; stand-ins in unit tests). */
export interface PickedImportCalls {
  'evidence:importPicked': Call<'evidence:importPicked'>;
  'evidence:pickedProgress': Call<'evidence:pickedProgress'>;
  'evidence:cancelPicked': Call<'evidence:cancelPicked'>;
}

export interface PickedTarget {
  assessmentId: number;
  itemId: number;
}

/** Starts importing `file` into `target.itemId`; progress is polled every `pollMs` until it settles. */
export function importPickedFile(
  calls: PickedImportCalls,
  file: PickedFile,
  target: PickedTarget,
  callbacks: UploadCallbacks = {},
  pollMs = PICKED_POLL_MS,
): UploadHandle<ImportedFile> {
  const { pickId } = file;
  let settled = false;
  let sent = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const poll = async (): Promise<void> => {
    const result = await calls['evidence:pickedProgress']({ pickIds: [pickId] });
    if (settled) return;
    const p = result.ok ? result.value.progress.find((x) => x.pickId === pickId) : undefined;
    if (p?.running) {
      callbacks.onProgress?.({ loaded: p.bytesDone, total: p.bytesTotal });
      if (!sent && p.bytesTotal > 0 && p.bytesDone >= p.bytesTotal) {
        sent = true;
        callbacks.onSent?.();
      }
    }
    timer = setTimeout(() => void poll(), pollMs);
  };

  timer = setTimeout(() => void poll(), pollMs);
  const promise = calls['evidence:importPicked']({ assessmentId: target.assessmentId, itemId: target.itemId, pickId }).finally(() => {
    settled = true;
    clearTimeout(timer);
  });
  return {
    promise,
    abort: () => void calls['evidence:cancelPicked']({ pickId }),
  };
}
