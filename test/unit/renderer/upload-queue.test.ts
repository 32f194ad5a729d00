/** The upload queue with browser files and files picked on the desktop: large files one after
 *  another, up to four small files side by side, cancel and overall progress. */
import { describe, expect, it } from 'vitest';
import type { PickedFile } from '../../../shared/api/channels/evidence';
import { SMALL_EVIDENCE_FILE_BYTES as SMALL_FILE_BYTES, type ImportedFile } from '../../../shared/api/evidence-entities';
import type { Result } from '../../../shared/api/result';
import type { UploadCallbacks } from '../../../renderer/api/upload-handle';
import { batchProgress, MAX_PARALLEL_SMALL, UploadQueue, type UploadSource } from '../../../renderer/features/evidence/upload-queue';

const MIB = 1024 * 1024;
let nextId = 0;
const picked = (name: string, size: number): PickedFile => ({ pickId: (++nextId).toString(16).padStart(32, '0'), name, size });
const browserFile = (name: string, size: number): File => new File([new Uint8Array(size)], name);

const imported = (itemId: number, name: string): ImportedFile => ({
  fileId: 1,
  itemId,
  displayName: name,
  mediaType: 'application/pdf',
  size: 1,
  hash: '0'.repeat(64),
  deduplicated: false,
  alreadyOnItems: [],
});
const cancelledResult: Result<ImportedFile> = { ok: false, error: { code: 'CANCELLED', message: 'Đã hủy đính kèm tệp; không có gì được lưu.' } };

interface Started {
  source: UploadSource;
  itemId: number;
  callbacks: UploadCallbacks;
  aborted: boolean;
  settle(result: Result<ImportedFile>): void;
}

/** A stand-in for the backend: records what was started; each settles when the test says so. */
function harness() {
  const started: Started[] = [];
  const stored: ImportedFile[] = [];
  const dropped: UploadSource[] = [];
  const queue = new UploadQueue(
    (source, itemId, callbacks) => {
      let settle!: (r: Result<ImportedFile>) => void;
      const promise = new Promise<Result<ImportedFile>>((resolve) => (settle = resolve));
      const s: Started = { source, itemId, callbacks, aborted: false, settle };
      started.push(s);
      return { promise, abort: () => ((s.aborted = true), settle(cancelledResult)) };
    },
    (result) => stored.push(result),
    (source) => dropped.push(source),
  );
  const names = () => started.map((s) => s.source.name);
  const states = () => queue.getSnapshot().entries.map((e) => `${e.name}:${e.state}`);
  const done = async (name: string) => {
    const s = started.find((x) => x.source.name === name)!;
    s.settle({ ok: true, value: imported(s.itemId, name) });
    await Promise.resolve();
    await Promise.resolve();
  };
  return { queue, started, stored, dropped, names, states, done };
}

const flush = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe('UploadQueue with picked files', () => {
  it('runs up to four small picked files at once and starts the next as each finishes', async () => {
    const h = harness();
    const files = ['a', 'b', 'c', 'd', 'e', 'f'].map((n) => picked(`${n}.pdf`, 100 * 1024));
    h.queue.add(7, files);
    expect(MAX_PARALLEL_SMALL).toBe(4);
    expect(h.names()).toEqual(['a.pdf', 'b.pdf', 'c.pdf', 'd.pdf']);
    expect(h.states()).toEqual(['a.pdf:uploading', 'b.pdf:uploading', 'c.pdf:uploading', 'd.pdf:uploading', 'e.pdf:waiting', 'f.pdf:waiting']);
    await h.done('c.pdf');
    expect(h.names()).toEqual(['a.pdf', 'b.pdf', 'c.pdf', 'd.pdf', 'e.pdf']);
    for (const n of ['a.pdf', 'b.pdf', 'd.pdf', 'e.pdf']) await h.done(n);
    await h.done('f.pdf');
    expect(h.stored.map((s) => s.displayName).sort()).toEqual(files.map((f) => f.name).sort());
    expect(h.queue.getSnapshot().active).toBe(false);
    expect(h.started.every((s) => s.itemId === 7)).toBe(true);
  });

  it('runs a large file alone, picked or uploaded, and small browser uploads side by side like picked ones', async () => {
    const h = harness();
    h.queue.add(1, [picked('small-1.pdf', 1000), picked('big.pdf', SMALL_FILE_BYTES + 1), picked('small-2.pdf', 1000), picked('small-3.pdf', 1000)]);
    expect(h.names()).toEqual(['small-1.pdf']); // the large one waits for it, the ones behind wait in order
    await h.done('small-1.pdf');
    expect(h.names()).toEqual(['small-1.pdf', 'big.pdf']);
    await h.done('big.pdf');
    expect(h.names()).toEqual(['small-1.pdf', 'big.pdf', 'small-2.pdf', 'small-3.pdf']);
    await h.done('small-2.pdf');
    await h.done('small-3.pdf');

    h.queue.add(1, [browserFile('web-big.pdf', SMALL_FILE_BYTES + 1), browserFile('web-1.pdf', 10), browserFile('web-2.pdf', 10), picked('small-4.pdf', 10)]);
    expect(h.names().slice(4)).toEqual(['web-big.pdf']);
    await h.done('web-big.pdf');
    expect(h.names().slice(4)).toEqual(['web-big.pdf', 'web-1.pdf', 'web-2.pdf', 'small-4.pdf']);
    for (const n of ['web-2.pdf', 'web-1.pdf', 'small-4.pdf']) await h.done(n);
    expect(h.queue.getSnapshot().active).toBe(false);
  });

  it('cancels one running small file: only it is aborted, a waiting one takes its place', async () => {
    const h = harness();
    h.queue.add(1, ['a', 'b', 'c', 'd', 'e'].map((n) => picked(`${n}.pdf`, 1000)));
    const key = h.queue.getSnapshot().entries.find((e) => e.name === 'b.pdf')!.key;
    h.queue.cancel(key);
    await flush();
    expect(h.started.filter((s) => s.aborted).map((s) => s.source.name)).toEqual(['b.pdf']);
    expect(h.states()).toEqual(['a.pdf:uploading', 'b.pdf:cancelled', 'c.pdf:uploading', 'd.pdf:uploading', 'e.pdf:uploading']);
    expect(h.dropped).toEqual([]); // b had started: main aborts it, there is no grant to give back
  });

  it('cancels everything: waiting files never start (their grants are given back), running ones are aborted', async () => {
    const h = harness();
    const files = ['a', 'b', 'c', 'd', 'e', 'f'].map((n) => picked(`${n}.pdf`, 1000));
    h.queue.add(1, files);
    h.queue.cancelAll();
    await flush();
    expect(h.names()).toEqual(['a.pdf', 'b.pdf', 'c.pdf', 'd.pdf']);
    expect(h.started.every((s) => s.aborted)).toBe(true);
    expect(h.dropped).toEqual([files[4], files[5]]);
    expect(h.states().every((s) => s.endsWith(':cancelled'))).toBe(true);
    expect(h.queue.getSnapshot().active).toBe(false);
    expect(h.stored).toEqual([]);
  });

  it('shows progress reported for picked files, then "storing" once every byte is read', async () => {
    const h = harness();
    h.queue.add(1, [picked('big.pdf', 64 * MIB)]);
    const [s] = h.started;
    s!.callbacks.onProgress?.({ loaded: 16 * MIB, total: 64 * MIB });
    expect(h.queue.getSnapshot().entries[0]).toMatchObject({ state: 'uploading', loaded: 16 * MIB });
    expect(batchProgress(h.queue.getSnapshot().entries)).toEqual({ current: 1, count: 1, percent: 25 });
    s!.callbacks.onSent?.();
    expect(h.queue.getSnapshot().entries[0]).toMatchObject({ state: 'storing', loaded: 64 * MIB });
  });

  it('keeps failures per file with the backend message and goes on with the others', async () => {
    const h = harness();
    h.queue.add(1, [picked('gone.pdf', 10), picked('ok.pdf', 10)]);
    h.started[0]!.settle({ ok: false, error: { code: 'NOT_FOUND', message: 'Không tìm thấy tệp đã chọn; hãy chọn lại tệp.' } });
    await h.done('ok.pdf');
    await flush();
    expect(h.queue.getSnapshot().entries.map((e) => [e.name, e.state, e.message])).toEqual([
      ['gone.pdf', 'failed', 'Không tìm thấy tệp đã chọn; hãy chọn lại tệp.'],
      ['ok.pdf', 'done', null],
    ]);
  });
});

describe('batchProgress', () => {
  const entry = (state: 'waiting' | 'uploading' | 'storing' | 'done' | 'failed' | 'cancelled', size: number, loaded = 0) => ({
    key: 0,
    itemId: 1,
    name: 'x',
    size,
    loaded,
    state,
    message: null,
    alreadyOn: [],
  });

  it('counts files finished out of order when small files run side by side, and leaves cancelled ones out', () => {
    const entries = [entry('uploading', 100, 50), entry('done', 100), entry('done', 100), entry('waiting', 100), entry('cancelled', 100)];
    expect(batchProgress(entries)).toEqual({ current: 3, count: 4, percent: 62 });
    expect(batchProgress([entry('done', 10), entry('failed', 10)])).toEqual({ current: 2, count: 2, percent: 100 });
    expect(batchProgress([])).toEqual({ current: 0, count: 0, percent: 100 });
  });
});
