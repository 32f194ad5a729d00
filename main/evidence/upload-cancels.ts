/**
 * Explicit cancel for streamed evidence uploads. Electron's `protocol.handle` gives a Request
 * without an abort signal, so a drag-and-drop upload over app:// cannot tell that the page gave
 * up: the renderer picks an upload id, sends it with the upload, and on "Hủy" calls
 * `evidence:cancelUpload` with it. The import's signal then fires (the stream stops, its temp file
 * is removed) and the commit checks it again. A cancel that arrives before the upload itself is
 * remembered, so the upload starts cancelled. `cancel` answers false once the file is being
 * committed or is stored: the page then waits for the upload's own answer.
 */
import { AppFailure } from '../../shared/api/result';

/** How long a finished upload or an early cancel is remembered. */
export const UPLOAD_MEMORY_MS = 10 * 60 * 1000;
const MAX_REMEMBERED = 10_000;

interface Running {
  controller: AbortController;
  committing: boolean;
}

/** What is remembered about an id no longer running: a cancel that came first, or how it ended. */
type Remembered = 'cancelled-early' | 'stored' | 'not-stored';

export interface UploadRun {
  signal: AbortSignal;
  /** Called inside the commit once the signal was checked: from here on, cancel answers false. */
  committing(): void;
  end(stored: boolean): void;
}

export class UploadCancels {
  private readonly running = new Map<string, Running>();
  private readonly remembered = new Map<string, { at: number; state: Remembered }>();

  constructor(private readonly clock: () => number = Date.now) {}

  begin(uploadId: string): UploadRun {
    this.expire();
    const before = this.remembered.get(uploadId)?.state;
    if (this.running.has(uploadId) || before === 'stored' || before === 'not-stored') {
      throw new AppFailure('INVALID_INPUT', 'Mã lượt tải lên đã được dùng; hãy tải tệp lên lại.');
    }
    const entry: Running = { controller: new AbortController(), committing: false };
    if (before === 'cancelled-early') entry.controller.abort();
    this.remembered.delete(uploadId);
    this.running.set(uploadId, entry);
    return {
      signal: entry.controller.signal,
      committing: () => {
        entry.committing = true;
      },
      end: (stored) => {
        this.running.delete(uploadId);
        this.remember(uploadId, stored ? 'stored' : 'not-stored');
      },
    };
  }

  /** True when the upload will store nothing; false when it is stored (or being stored). */
  cancel(uploadId: string): boolean {
    this.expire();
    const entry = this.running.get(uploadId);
    if (entry) {
      if (entry.committing) return false;
      entry.controller.abort();
      return true;
    }
    const known = this.remembered.get(uploadId)?.state;
    if (known) return known !== 'stored';
    this.remember(uploadId, 'cancelled-early');
    return true;
  }

  private remember(uploadId: string, state: Remembered): void {
    if (this.remembered.size >= MAX_REMEMBERED) this.remembered.delete(this.remembered.keys().next().value!);
    this.remembered.set(uploadId, { at: this.clock(), state });
  }

  private expire(): void {
    const oldest = this.clock() - UPLOAD_MEMORY_MS;
    for (const [id, { at }] of this.remembered) if (at < oldest) this.remembered.delete(id);
  }
}
