/**
 * Files the officer chose in the system file picker (desktop only), kept in main: the renderer
 * gets an unguessable id, a name and a size, never the path. A grant is single use (taken when
 * its import starts) and expires after an hour. While an import of a taken grant runs, its
 * progress and an AbortController live here, so the renderer can poll and cancel by id; the
 * final progress stays readable until the entry expires.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { PickedFile, PickedFileProgress } from '../../shared/api/channels/evidence';
import { AppFailure } from '../../shared/api/result';

export const PICK_GRANT_TTL_MS = 60 * 60 * 1000;

/** What an import of a taken grant needs: the path, the name to store, and its abort/progress wiring. */
export interface PickedRun {
  path: string;
  name: string;
  signal: AbortSignal;
  onProgress: (bytesDone: number, bytesTotal: number | null) => void;
}

interface Grant {
  path: string;
  name: string;
  size: number;
  grantedAt: number;
}

interface Run {
  bytesDone: number;
  bytesTotal: number;
  controller: AbortController | null; // null once finished
  startedAt: number;
}

export const pickedFileGone = (): AppFailure => new AppFailure('NOT_FOUND', 'Không tìm thấy tệp đã chọn; hãy chọn lại tệp.');

export class PickedFiles {
  private readonly grants = new Map<string, Grant>();
  private readonly runs = new Map<string, Run>();
  private readonly clock: () => number;
  private readonly ttlMs: number;

  constructor(opts: { clock?: () => number; ttlMs?: number } = {}) {
    this.clock = opts.clock ?? Date.now;
    this.ttlMs = opts.ttlMs ?? PICK_GRANT_TTL_MS;
  }

  /** Grants each path (absolute, from the system dialog). A path that cannot be stat'ed is still
   *  granted with size 0: its import then ends with the import service's own message. */
  async grant(paths: readonly string[]): Promise<PickedFile[]> {
    this.expire();
    const grantedAt = this.clock();
    const views: PickedFile[] = [];
    for (const file of paths) {
      const stat = await fs.promises.stat(file).catch(() => undefined);
      const pickId = crypto.randomBytes(16).toString('hex');
      const grant: Grant = { path: file, name: path.basename(file), size: stat?.isFile() ? stat.size : 0, grantedAt };
      this.grants.set(pickId, grant);
      views.push({ pickId, name: grant.name, size: grant.size });
    }
    return views;
  }

  /** Takes a grant for an import that starts now (synchronously, so a cancel right after finds it
   *  running). Unknown, expired or already taken: NOT_FOUND. */
  start(pickId: string): PickedRun {
    this.expire();
    const grant = this.grants.get(pickId);
    if (!grant) throw pickedFileGone();
    this.grants.delete(pickId);
    const run: Run = { bytesDone: 0, bytesTotal: grant.size, controller: new AbortController(), startedAt: this.clock() };
    this.runs.set(pickId, run);
    return {
      path: grant.path,
      name: grant.name,
      signal: run.controller!.signal,
      onProgress: (bytesDone, bytesTotal) => {
        run.bytesDone = bytesDone;
        if (bytesTotal !== null) run.bytesTotal = bytesTotal;
      },
    };
  }

  /** The import ended (stored, failed or cancelled): no longer running, its last progress kept. */
  finish(pickId: string): void {
    const run = this.runs.get(pickId);
    if (run) run.controller = null;
  }

  /** Aborts a running import, or drops a grant not started yet; false when there is nothing to cancel. */
  cancel(pickId: string): boolean {
    const run = this.runs.get(pickId);
    if (run?.controller) {
      run.controller.abort();
      return true;
    }
    return this.grants.delete(pickId);
  }

  /** Progress of the given ids that are known (granted, running or recently finished). */
  progress(pickIds: readonly string[]): PickedFileProgress[] {
    this.expire();
    const out: PickedFileProgress[] = [];
    for (const pickId of new Set(pickIds)) {
      const run = this.runs.get(pickId);
      const grant = this.grants.get(pickId);
      if (run) out.push({ pickId, bytesDone: run.bytesDone, bytesTotal: run.bytesTotal, running: run.controller !== null });
      else if (grant) out.push({ pickId, bytesDone: 0, bytesTotal: grant.size, running: false });
    }
    return out;
  }

  /** Drops grants older than the TTL and finished runs older than the TTL (running ones stay). */
  private expire(): void {
    const cutoff = this.clock() - this.ttlMs;
    for (const [id, grant] of this.grants) if (grant.grantedAt <= cutoff) this.grants.delete(id);
    for (const [id, run] of this.runs) if (run.controller === null && run.startedAt <= cutoff) this.runs.delete(id);
  }
}
