/**
 * The evidence uploads of one workspace, one file after another (an old PC's disk is busy enough
 * with one). Lives beside the workspace, not inside a leaf panel, so moving to another criterion
 * does not stop an upload. Components read it through useSyncExternalStore.
 */
import type { ImportedFile } from '../../../shared/api/evidence-entities';
import type { Result } from '../../../shared/api/result';
import type { UploadCallbacks, UploadHandle } from '../../api/upload';

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

export type StartUpload = (file: File, itemId: number, callbacks: UploadCallbacks) => UploadHandle;

const FINISHED: ReadonlySet<UploadState> = new Set(['done', 'failed', 'cancelled']);

export function isFinished(entry: UploadEntry): boolean {
  return FINISHED.has(entry.state);
}

/** Overall progress of a batch: files finished (or being stored) and bytes, for "Đang tải 2/5 tệp – 45 %". */
export function batchProgress(entries: readonly UploadEntry[]): { current: number; count: number; percent: number } {
  const counted = entries.filter((e) => e.state !== 'cancelled');
  const total = counted.reduce((s, e) => s + e.size, 0);
  const done = counted.reduce((s, e) => s + (isFinished(e) || e.state === 'storing' ? e.size : e.loaded), 0);
  const inProgress = counted.findIndex((e) => !isFinished(e));
  const current = inProgress === -1 ? counted.length : inProgress + 1;
  return { current, count: counted.length, percent: total === 0 ? 100 : Math.floor((done / total) * 100) };
}

export class UploadQueue {
  private entries: UploadEntry[] = [];
  private readonly files = new Map<number, File>();
  private readonly listeners = new Set<() => void>();
  private snapshot: UploadSnapshot = { entries: [], active: false };
  private current: { key: number; handle: UploadHandle } | null = null;
  private nextKey = 1;

  constructor(
    private readonly start: StartUpload,
    /** Called after each file the backend stored (to reload the item's files). */
    private readonly onStored: (result: ImportedFile) => void,
  ) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): UploadSnapshot => this.snapshot;

  /** Queues files for an item. A new batch (after the last one finished) replaces the old list. */
  add(itemId: number, files: readonly File[]): void {
    if (files.length === 0) return;
    if (!this.snapshot.active) this.entries = [];
    for (const file of files) {
      const key = this.nextKey++;
      this.files.set(key, file);
      this.entries.push({ key, itemId, name: file.name, size: file.size, loaded: 0, state: 'waiting', message: null, alreadyOn: [] });
    }
    this.update();
    this.pump();
  }

  /** Cancels a waiting file, or aborts the one being sent (nothing is kept by the backend). */
  cancel(key: number): void {
    const entry = this.entries.find((e) => e.key === key);
    if (!entry || (entry.state !== 'waiting' && entry.state !== 'uploading')) return;
    if (this.current?.key === key) {
      this.current.handle.abort();
      return; // the handle's promise settles as CANCELLED and moves on
    }
    this.files.delete(key);
    this.patch(key, { state: 'cancelled', loaded: 0 });
  }

  cancelAll(): void {
    for (const entry of this.entries.filter((e) => e.state === 'waiting')) this.cancel(entry.key);
    if (this.current) this.cancel(this.current.key);
  }

  /** Forgets a finished batch (the "Đóng" button). */
  clearFinished(): void {
    if (this.snapshot.active) return;
    this.entries = [];
    this.update();
  }

  private pump(): void {
    if (this.current) return;
    const next = this.entries.find((e) => e.state === 'waiting');
    const file = next ? this.files.get(next.key) : undefined;
    if (!next || !file) {
      this.update();
      return;
    }
    const key = next.key;
    this.files.delete(key);
    this.patch(key, { state: 'uploading' });
    const handle = this.start(file, next.itemId, {
      onProgress: ({ loaded }) => this.patch(key, { loaded: Math.min(loaded, next.size) }),
      onSent: () => this.patch(key, { state: 'storing', loaded: next.size }),
    });
    this.current = { key, handle };
    void handle.promise.then((result) => this.finish(key, result));
  }

  private finish(key: number, result: Result<ImportedFile>): void {
    this.current = null;
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
