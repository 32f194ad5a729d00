/**
 * Autosave of answers: one answers:save per change, debounced for typing, sent one at a time in
 * order, with a status for the screen. Plain TypeScript; the workspace subscribes to it.
 */
import type { AnswerView } from '../../../shared/api/contract';
import type { Result } from '../../../shared/api/result';
import type { AnswerInput } from '../../../shared/domain/answer';
import type { Totals } from '../../../shared/domain/scoring-types';

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  /** A value on screen was refused by the rule and is not saved (the stored one still counts). */
  | { kind: 'unsaved'; codes: string[] }
  | { kind: 'error'; message: string };

export type SaveFn = (input: { assessmentId: number; code: string; answer: AnswerInput }) => Promise<Result<{ answer: AnswerView; totals: Totals }>>;

type Timer = ReturnType<typeof setTimeout>;

const EMPTY: AnswerInput = { input: null, notApplicable: false, explanation: '' };

/** Compares two answers by content (key order does not matter); nothing saved equals an empty answer. */
export function sameAnswer(x: AnswerInput | undefined, y: AnswerInput | undefined): boolean {
  const a = x ?? EMPTY;
  const b = y ?? EMPTY;
  if (a.notApplicable !== b.notApplicable || a.explanation !== b.explanation) return false;
  if (a.input === null || b.input === null) return a.input === b.input;
  const ka = Object.keys(a.input).sort();
  const kb = Object.keys(b.input).sort();
  const ra = a.input as Record<string, unknown>;
  const rb = b.input as Record<string, unknown>;
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && ra[k] === rb[k]);
}

export function answerOf(view: AnswerView): AnswerInput {
  return { input: view.input, notApplicable: view.notApplicable, explanation: view.explanation };
}

export class AnswerSaver {
  private readonly pending = new Map<string, { answer: AnswerInput; timer: Timer | null }>();
  /** The newest answer handed to the backend (or loaded from it), per code. */
  private readonly sent = new Map<string, AnswerInput>();
  /** Answers handed to send() whose request has not left yet (waiting behind the one in flight). */
  private readonly queued = new Map<string, AnswerInput>();
  /** Answers whose save failed, kept for a retry. */
  private readonly failed = new Map<string, AnswerInput>();
  /** Leaves showing a typed value the rule refuses (never sent), with that text. */
  private readonly rejected = new Map<string, string>();
  private readonly listeners = new Set<() => void>();
  private chain: Promise<void> = Promise.resolve();
  private inFlight = 0;
  private lastError: string | null = null;
  private lastSavedAt: Date | null;
  private status: SaveStatus;

  constructor(
    private readonly assessmentId: number,
    loaded: AnswerView[],
    private readonly save: SaveFn,
    private readonly onSaved: (answer: AnswerView, totals: Totals) => void,
  ) {
    let newest: string | null = null;
    for (const view of loaded) {
      this.sent.set(view.code, answerOf(view));
      if (view.updatedAt && (newest === null || view.updatedAt > newest)) newest = view.updatedAt;
    }
    const at = newest ? new Date(newest) : null;
    this.lastSavedAt = at && !Number.isNaN(at.getTime()) ? at : null;
    this.status = this.computeStatus();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getStatus = (): SaveStatus => this.status;

  /** What the officer last entered for `code`: pending, else sent, else loaded. */
  latest(code: string): AnswerInput | undefined {
    return this.pending.get(code)?.answer ?? this.failed.get(code) ?? this.sent.get(code);
  }

  /** What the backend holds (or will hold once the request in flight lands). */
  stored(code: string): AnswerInput | undefined {
    return this.sent.get(code);
  }

  /** Marks what the officer typed for `code` as refused and not saved (null: nothing refused). */
  setRejected(code: string, typed: string | null): void {
    if ((this.rejected.get(code) ?? null) === typed) return;
    if (typed === null) this.rejected.delete(code);
    else this.rejected.set(code, typed);
    this.update();
  }

  /** The refused text shown for `code`, if any. */
  rejectedText(code: string): string | null {
    return this.rejected.get(code) ?? null;
  }

  /** Queues `answer` for `code`, replacing any pending one; `delayMs` 0 sends at once. */
  schedule(code: string, answer: AnswerInput, delayMs: number): void {
    this.clearPending(code);
    if (sameAnswer(answer, this.sent.get(code)) && !this.failed.has(code)) {
      this.update();
      return;
    }
    if (delayMs <= 0) {
      this.send(code, answer);
      return;
    }
    const timer = setTimeout(() => {
      const entry = this.pending.get(code);
      if (entry) this.send(code, entry.answer);
    }, delayMs);
    this.pending.set(code, { answer, timer });
    this.update();
  }

  /** Sends every pending change now (on blur, leaving an item, closing the window). */
  flush(): void {
    for (const [code, entry] of [...this.pending]) this.send(code, entry.answer);
  }

  /**
   * The page is closing: sends every pending or queued change at once instead of behind the save
   * in flight, which may not answer before the page is gone. The backend applies requests in the
   * order they arrive, and the newest answer of a leaf is the one sent last.
   */
  flushForClose(): void {
    this.flush();
    for (const [code, answer] of [...this.queued]) {
      this.queued.delete(code);
      void this.save({ assessmentId: this.assessmentId, code, answer });
    }
  }

  /** Sends every pending change and resolves once the backend has answered them all (before an export). */
  async settle(): Promise<void> {
    this.flush();
    await this.chain;
  }

  /** Tries the failed saves again. */
  retry(): void {
    for (const [code, answer] of [...this.failed]) if (!this.pending.has(code)) this.send(code, answer);
  }

  private clearPending(code: string): void {
    const entry = this.pending.get(code);
    if (entry?.timer) clearTimeout(entry.timer);
    this.pending.delete(code);
  }

  private send(code: string, answer: AnswerInput): void {
    this.clearPending(code);
    this.failed.delete(code);
    const before = this.sent.get(code);
    this.sent.set(code, answer);
    this.inFlight += 1;
    this.queued.set(code, answer);
    this.update();
    this.chain = this.chain.then(async () => {
      if (this.queued.get(code) !== answer) {
        // A newer answer for this leaf is queued behind (it goes instead), or the page-close flush sent it.
        this.inFlight -= 1;
        this.update();
        return;
      }
      this.queued.delete(code);
      const result = await this.save({ assessmentId: this.assessmentId, code, answer });
      this.inFlight -= 1;
      if (result.ok) {
        this.lastSavedAt = new Date();
        if (this.failed.size === 0) this.lastError = null;
        this.onSaved(result.value.answer, result.value.totals);
      } else {
        this.lastError = result.error.message;
        if (sameAnswer(this.sent.get(code), answer)) {
          this.sent.set(code, before ?? EMPTY);
          if (!this.pending.has(code)) this.failed.set(code, answer);
        }
      }
      this.update();
    });
  }

  private computeStatus(): SaveStatus {
    if (this.pending.size > 0 || this.inFlight > 0) return { kind: 'saving' };
    if (this.failed.size > 0 && this.lastError) return { kind: 'error', message: this.lastError };
    if (this.rejected.size > 0) return { kind: 'unsaved', codes: [...this.rejected.keys()] };
    if (this.lastSavedAt) return { kind: 'saved', at: this.lastSavedAt };
    return { kind: 'idle' };
  }

  private update(): void {
    const next = this.computeStatus();
    const prev = this.status;
    const same =
      prev.kind === next.kind &&
      (prev.kind !== 'saved' || (next.kind === 'saved' && prev.at === next.at)) &&
      (prev.kind !== 'error' || (next.kind === 'error' && prev.message === next.message)) &&
      (prev.kind !== 'unsaved' || (next.kind === 'unsaved' && prev.codes.join() === next.codes.join()));
    if (same) return;
    this.status = next;
    for (const listener of this.listeners) listener();
  }
}
