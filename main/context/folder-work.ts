/**
 * Moving the data folder or restoring an archive into a new one while the app runs: the job holds
 * the folder alone. It waits for the requests already in flight (a save, an upload) to finish,
 * keeps new ones out until the app has switched (they are refused with a Vietnamese message, never
 * half-done: a save after the copy began would otherwise land in the folder being left), and
 * reports its progress to the page. Archives the officer picked or uploaded wait here, by an
 * unguessable id, until they are restored or discarded (an uploaded copy is then removed).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { FolderJob, FolderJobPhase } from '../../shared/api/channels/data-folder';
import { AppFailure } from '../../shared/api/result';

export const STAGED_ARCHIVE_TTL_MS = 60 * 60 * 1000;
/** How long a job waits for the requests in flight (an upload of a large file) before giving up. */
export const IN_FLIGHT_WAIT_MS = 60 * 1000;

export interface StagedArchive {
  file: string;
  fileName: string;
  /** An uploaded copy in <data>/incoming/ (removed when done); a picked file is the officer's own. */
  owned: boolean;
  stagedAt: number;
}

export type JobProgress = (phase: FolderJobPhase, doneBytes: number, totalBytes: number) => void;

export const folderBusy = (): AppFailure =>
  new AppFailure('CONFLICT', 'Ứng dụng đang chuyển dữ liệu sang thư mục mới; hãy chờ việc đó xong rồi thử lại. Chưa có gì bị thay đổi.');

export class FolderWork {
  private active = 0;
  private waiting: (() => void)[] = [];
  private current: FolderJob | null = null;
  private readonly staged = new Map<string, StagedArchive>();

  constructor(private readonly clock: () => number = Date.now) {}

  get job(): FolderJob | null {
    return this.current;
  }

  /** A request comes in; its release when it is done. Refused while a job holds the folder. */
  enter(): () => void {
    if (this.current) throw folderBusy();
    this.active += 1;
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.active -= 1;
      if (this.active === 0) for (const wake of this.waiting.splice(0)) wake();
    };
  }

  /** Runs `run` alone: requests in flight finish first, new ones are refused until it ends. */
  async exclusive<T>(kind: FolderJob['kind'], run: (progress: JobProgress) => Promise<T>, waitMs = IN_FLIGHT_WAIT_MS): Promise<T> {
    if (this.current) throw folderBusy();
    this.current = { kind, phase: 'waiting', doneBytes: 0, totalBytes: 0 };
    try {
      if (this.active > 0) await this.idle(waitMs);
      return await run((phase, doneBytes, totalBytes) => {
        this.current = { kind, phase, doneBytes, totalBytes };
      });
    } finally {
      this.current = null;
    }
  }

  private idle(waitMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting = this.waiting.filter((w) => w !== wake);
        reject(new AppFailure('CONFLICT', 'Ứng dụng còn đang làm việc khác (ví dụ đang tải tệp lên); hãy chờ xong rồi thử lại. Chưa có gì bị thay đổi.'));
      }, waitMs);
      const wake = (): void => {
        clearTimeout(timer);
        resolve();
      };
      this.waiting.push(wake);
    });
  }

  stage(archive: Omit<StagedArchive, 'stagedAt'>): string {
    this.expire();
    const id = crypto.randomBytes(16).toString('hex');
    this.staged.set(id, { ...archive, stagedAt: this.clock() });
    return id;
  }

  staging(id: string): StagedArchive {
    this.expire();
    const found = this.staged.get(id);
    if (!found) throw new AppFailure('NOT_FOUND', 'Không còn tệp sao lưu đã chọn (quá một giờ hoặc đã dùng); hãy chọn lại tệp.');
    return found;
  }

  /** Forgets the archive; an uploaded copy is removed. */
  discard(id: string): boolean {
    const found = this.staged.get(id);
    if (!found) return false;
    this.staged.delete(id);
    if (found.owned) fs.rmSync(found.file, { force: true });
    return true;
  }

  private expire(): void {
    for (const [id, s] of this.staged) if (this.clock() - s.stagedAt > STAGED_ARCHIVE_TTL_MS) this.discard(id);
  }
}
