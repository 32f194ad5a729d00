/**
 * When the window's page does not load (`did-fail-load`) or its renderer dies
 * (`render-process-gone`), the window would stay hidden and the process alive, and a second launch
 * would only "focus" it. Instead: a visible Vietnamese message with a way out, "Tải lại" (load the
 * app again, window shown) or "Thoát". Electron is passed in (type-only import), so it is tested
 * without the runtime.
 */
import type { MessageBoxOptions, MessageBoxReturnValue } from 'electron';

export type LoadFailure = { kind: 'load'; code: number; description: string } | { kind: 'gone'; reason: string };

/** Chromium's "navigation aborted" (a newer load replaced this one): not a failure. */
const ERR_ABORTED = -3;
export const RELOAD_BUTTON = 0;

export function loadFailureDialog(failure: LoadFailure): MessageBoxOptions {
  const detail =
    failure.kind === 'load'
      ? `Không tải được giao diện (mã lỗi ${failure.code}: ${failure.description}).`
      : `Phần hiển thị của ứng dụng đã dừng đột ngột (${failure.reason}).`;
  return {
    type: 'error',
    title: 'Tự đánh giá CCHC — lỗi hiển thị',
    message: 'Ứng dụng không hiển thị được màn hình làm việc.',
    detail: `${detail}\nDữ liệu đã lưu không bị ảnh hưởng. Chọn "Tải lại" để mở lại màn hình, hoặc "Thoát" để đóng ứng dụng.`,
    buttons: ['Tải lại', 'Thoát'],
    defaultId: RELOAD_BUTTON,
    cancelId: 1,
    noLink: true,
  };
}

export interface FailureEvents {
  on(event: 'did-fail-load', listener: (event: unknown, code: number, description: string, url: string, isMainFrame: boolean) => void): unknown;
  on(event: 'render-process-gone', listener: (event: unknown, details: { reason: string }) => void): unknown;
}

/** Calls `report` for a failed load of the main frame or a renderer that did not exit cleanly. */
export function watchLoadFailures(contents: FailureEvents, report: (failure: LoadFailure) => void): void {
  contents.on('did-fail-load', (_event, code, description, _url, isMainFrame) => {
    if (isMainFrame && code !== ERR_ABORTED) report({ kind: 'load', code, description });
  });
  contents.on('render-process-gone', (_event, details) => {
    if (details.reason !== 'clean-exit') report({ kind: 'gone', reason: details.reason });
  });
}

export interface RecoveryActions {
  ask(options: MessageBoxOptions): Promise<MessageBoxReturnValue>;
  reload(): void;
  quit(): void;
}

/** Wires the watch to one question at a time: reload (and show) or quit. */
export function offerRecovery(contents: FailureEvents, actions: RecoveryActions): void {
  let asking = false;
  watchLoadFailures(contents, (failure) => {
    if (asking) return;
    asking = true;
    actions
      .ask(loadFailureDialog(failure))
      .then(({ response }) => (response === RELOAD_BUTTON ? actions.reload() : actions.quit()))
      .catch(() => actions.quit())
      .finally(() => {
        asking = false;
      });
  });
}
