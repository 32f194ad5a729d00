/** A page that does not load or a renderer that dies: a Vietnamese question with reload or quit, never a hidden window. */
import { EventEmitter } from 'node:events';
import type { MessageBoxOptions, MessageBoxReturnValue } from 'electron';
import { describe, expect, it } from 'vitest';
import { loadFailureDialog, offerRecovery, type FailureEvents } from '../../../main/shell/load-failure';

function setup(answer: number) {
  const contents = new EventEmitter();
  const asked: MessageBoxOptions[] = [];
  const done: string[] = [];
  let settle: () => void = () => {};
  const settled = new Promise<void>((resolve) => (settle = resolve));
  offerRecovery(contents as unknown as FailureEvents, {
    ask: (options) => {
      asked.push(options);
      return Promise.resolve({ response: answer, checkboxChecked: false } as MessageBoxReturnValue);
    },
    reload: () => {
      done.push('reload');
      settle();
    },
    quit: () => {
      done.push('quit');
      settle();
    },
  });
  return { contents, asked, done, settled };
}

describe('load failures', () => {
  it('a failed main-frame load asks in Vietnamese; "Tải lại" reloads', async () => {
    const { contents, asked, done, settled } = setup(0);
    contents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'app://renderer/index.html', true);
    await settled;
    expect(asked).toHaveLength(1);
    expect(asked[0]!.buttons).toEqual(['Tải lại', 'Thoát']);
    expect(asked[0]!.message).toBe('Ứng dụng không hiển thị được màn hình làm việc.');
    expect(asked[0]!.detail).toContain('mã lỗi -6: ERR_FILE_NOT_FOUND');
    expect(done).toEqual(['reload']);
  });

  it('a crashed renderer asks too; "Thoát" quits', async () => {
    const { contents, asked, done, settled } = setup(1);
    contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 11 });
    await settled;
    expect(asked[0]!.detail).toContain('đã dừng đột ngột (crashed)');
    expect(done).toEqual(['quit']);
  });

  it('ignores an aborted navigation, a sub-frame failure and a clean renderer exit', async () => {
    const { contents, asked } = setup(0);
    contents.emit('did-fail-load', {}, -3, 'ERR_ABORTED', 'app://renderer/index.html', true);
    contents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'app://renderer/x.html', false);
    contents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    await Promise.resolve();
    expect(asked).toEqual([]);
  });

  it('asks once while a question is open', async () => {
    const { contents, asked, settled } = setup(0);
    contents.emit('did-fail-load', {}, -6, 'x', 'app://renderer/index.html', true);
    contents.emit('render-process-gone', {}, { reason: 'crashed' });
    await settled;
    expect(asked).toHaveLength(1);
  });

  it('the dialog is an error with reload as default and quit on Escape', () => {
    expect(loadFailureDialog({ kind: 'gone', reason: 'oom' })).toMatchObject({ type: 'error', defaultId: 0, cancelId: 1 });
  });
});
