/**
 * The evidence files being attached in one workspace. A file comes from the browser (an upload:
 * the file input in web mode, drag-and-drop in both modes) or from the desktop's system picker
 * (main imports it by path; the renderer holds only the grant's id). Large files go one after
 * another (an old PC's disk is busy enough with one); up to MAX_PARALLEL_SMALL small files, picked
 * or uploaded, run side by side: a small import waits mostly on flushes, not on the disk's
 * bandwidth, and the backend commits the rows of imports that finish together at once. Lives beside the workspace, not inside a leaf panel, so moving to another
 * criterion does not stop an upload. Components read it through useSyncExternalStore.
 */
import type { PickedFile } from '../../../shared/api/channels/evidence';
import { SMALL_EVIDENCE_FILE_BYTES, type ImportedFile } from '../../../shared/api/evidence-entities';
import type { Result } from '../../../shared/api/result';
import type { UploadCallbacks, UploadHandle } from '../../api/upload-handle';

export type UploadState = 'waiting' | 'uploading' | 'storing' | 'done' | 'failed' | 'cancelled';

export interface UploadEntry {
  key: number;
  itemId: number;
  name: string;
  size: number;
  loaded: number;
  state: UploadState;
  /** The backend's message when it failed. */
  message: string | null;
  /** On success: other items that already held the same content. */
  alreadyOn: ImportedFile['alreadyOnItems'];
}

export interface UploadSnapshot {
  entries: readonly UploadEntry[];
  /** Files of the current batch still waiting or in progress. */
  active: boolean;
}

/** A browser File (uploaded) or a file picked on the desktop (imported by main). */
export type UploadSource = File | PickedFile;

export const isPickedFile = (source: UploadSource): source is PickedFile => 'pickId' in source;

export type StartUpload = (source: UploadSource, itemId: number, callbacks: UploadCallbacks) => UploadHandle;

export const MAX_PARALLEL_SMALL = 4;

const runsAlongside = (source: UploadSource): boolean => source.size <= SMALL_EVIDENCE_FILE_BYTES;

const FINISHED: ReadonlySet<UploadState> = new Set(['done', 'failed', 'cancelled']);

export function isFinished(entry: UploadEntry): boolean {
  return FINISHED.has(entry.state);
}

/** Overall progress of a batch: files finished (or being stored) and bytes, for "Đang tải 2/5 tệp – 45 %". */
export function batchProgress(entries: readonly UploadEntry[]): { current: number; count: number; percent: number } {
  const counted = entries.filter((e) => e.state !== 'cancelled');
  const total = counted.reduce((s, e) => s + e.size, 0);
  const done = counted.reduce((s, e) => s + (isFinished(e) || e.state === 'storing' ? e.size : e.loaded), 0);
  const finished = counted.filter(isFinished).length;
  const current = Math.min(finished + 1, counted.length);
  return { current, count: counted.length, percent: total === 0 ? 100 : Math.floor((done / total) * 100) };
}

export class UploadQueue {
  private entries: UploadEntry[] = [];
  /** Sources of the entries still waiting. */
  private readonly sources = new Map<number, UploadSource>();
  private readonly listeners = new Set<() => void>();
  private snapshot: UploadSnapshot = { entries: [], active: false };
  /** Started and not settled yet; `alongside` when it may share the time with others. */
  private readonly running = new Map<number, { handle: UploadHandle; alongside: boolean }>();
  private nextKey = 1;

  constructor(
    private readonly start: StartUpload,
    /** Called after each file the backend stored (to reload the item's files). */
    private readonly onStored: (result: ImportedFile) => void,
    /** Called for a source cancelled before it started (a picked file's grant is given back). */
    private readonly onDropped: (source: UploadSource) => void = () => {},
  ) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): UploadSnapshot => this.snapshot;

  /** Queues files for an item. A new batch (after the last one finished) replaces the old list. */
  add(itemId: number, sources: readonly UploadSource[]): void {
    if (sources.length === 0) return;
    if (!this.snapshot.active) this.entries = [];
    for (const source of sources) {
      const key = this.nextKey++;
      this.sources.set(key, source);
      this.entries.push({ key, itemId, name: source.name, size: source.size, loaded: 0, state: 'waiting', message: null, alreadyOn: [] });
    }
    this.update();
    this.pump();
  }

  /** Cancels a waiting file, or aborts one being sent (nothing is kept by the backend). */
  cancel(key: number): void {
    const entry = this.entries.find((e) => e.key === key);
    if (!entry || (entry.state !== 'waiting' && entry.state !== 'uploading')) return;
    const running = this.running.get(key);
    if (running) {
      running.handle.abort();
      return; // the handle's promise settles as CANCELLED and moves on
    }
    const source = this.sources.get(key);
    this.sources.delete(key);
    this.patch(key, { state: 'cancelled', loaded: 0 });
    if (source) this.onDropped(source);
  }

  cancelAll(): void {
    // Waiting ones first, so that no aborted file makes room for the next.
    for (const entry of this.entries.filter((e) => e.state === 'waiting')) this.cancel(entry.key);
    for (const key of [...this.running.keys()]) this.cancel(key);
  }

  /** Forgets a finished batch (the "Đóng" button). */
  clearFinished(): void {
    if (this.snapshot.active) return;
    this.entries = [];
    this.update();
  }

  /** Starts waiting files in order while there is room: one at a time, or up to
   *  MAX_PARALLEL_SMALL small files together. */
  private pump(): void {
    for (;;) {
      const next = this.entries.find((e) => e.state === 'waiting');
      const source = next ? this.sources.get(next.key) : undefined;
      if (!next || !source) break;
      const alongside = runsAlongside(source);
      if (this.running.size > 0) {
        const roomBeside = alongside && this.running.size < MAX_PARALLEL_SMALL && [...this.running.values()].every((r) => r.alongside);
        if (!roomBeside) break;
      }
      this.begin(next, source, alongside);
    }
    this.update();
  }

  private begin(entry: UploadEntry, source: UploadSource, alongside: boolean): void {
    const { key, size } = entry;
    this.sources.delete(key);
    this.patch(key, { state: 'uploading' });
    const handle = this.start(source, entry.itemId, {
      onProgress: ({ loaded }) => this.patch(key, { loaded: Math.min(loaded, size) }),
      onSent: () => this.patch(key, { state: 'storing', loaded: size }),
    });
    this.running.set(key, { handle, alongside });
    void handle.promise.then((result) => this.finish(key, result));
  }

  private finish(key: number, result: Result<ImportedFile>): void {
    this.running.delete(key);
    if (result.ok) {
      this.patch(key, { state: 'done', alreadyOn: result.value.alreadyOnItems });
      this.onStored(result.value);
    } else if (result.error.code === 'CANCELLED') {
      this.patch(key, { state: 'cancelled', loaded: 0 });
    } else {
      this.patch(key, { state: 'failed', message: result.error.message });
    }
    this.pump();
  }

  private patch(key: number, change: Partial<UploadEntry>): void {
    this.entries = this.entries.map((e) => (e.key === key ? { ...e, ...change } : e));
    this.update();
  }

  private update(): void {
    this.snapshot = { entries: this.entries, active: this.entries.some((e) => !isFinished(e)) };
    for (const listener of this.listeners) listener();
  }
}
