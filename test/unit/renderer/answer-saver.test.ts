/** Autosave: typing is coalesced, saves go out one at a time in order, failures are kept for a
 *  retry and shown, and a flush sends what is pending at once (closing the window). */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnswerView } from '../../../shared/api/contract';
import type { Result } from '../../../shared/api/result';
import type { AnswerInput } from '../../../shared/domain/answer';
import type { Totals } from '../../../shared/domain/scoring-types';
import { AnswerSaver, type SaveFn } from '../../../renderer/features/workspace/answer-saver';

type Call = { code: string; answer: AnswerInput };
const manual = (points: number): AnswerInput => ({ input: { kind: 'manual', points }, notApplicable: false, explanation: '' });

/** A backend stand-in that records calls and answers when told to. */
function backend() {
  const calls: Call[] = [];
  const waiting: ((r: Result<{ answer: AnswerView; totals: Totals }>) => void)[] = [];
  const save: SaveFn = ({ code, answer }) => {
    calls.push({ code, answer });
    return new Promise((resolve) => waiting.push(resolve));
  };
  const okFor = (call: Call) => ({ ok: true as const, value: { answer: { code: call.code, ...call.answer, result: { state: 'answered' as const, pointsMilli: 0 }, updatedAt: 'x' }, totals: {} as Totals } });
  return {
    calls,
    save,
    async answerNext(ok = true) {
      const resolve = waiting.shift()!;
      const call = calls[calls.length - waiting.length - 1]!;
      resolve(ok ? okFor(call) : { ok: false, error: { code: 'INTERNAL', message: 'Mất kết nối' } });
      await vi.runAllTimersAsync();
    },
  };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('AnswerSaver', () => {
  it('coalesces typing into one save after the pause', async () => {
    const b = backend();
    const saver = new AnswerSaver(1, [], b.save, () => {});
    saver.schedule('1.1', manual(0.25), 500);
    await vi.advanceTimersByTimeAsync(200);
    saver.schedule('1.1', manual(0.5), 500);
    await vi.advanceTimersByTimeAsync(499);
    expect(b.calls).toHaveLength(0);
    expect(saver.getStatus().kind).toBe('saving');
    await vi.advanceTimersByTimeAsync(1);
    expect(b.calls).toEqual([{ code: '1.1', answer: manual(0.5) }]);
    await b.answerNext();
    expect(saver.getStatus().kind).toBe('saved');
  });

  it('sends one save at a time, in order', async () => {
    const b = backend();
    const saver = new AnswerSaver(1, [], b.save, () => {});
    saver.schedule('1.1', manual(1), 0);
    saver.schedule('1.2', manual(2), 0);
    await vi.advanceTimersByTimeAsync(0);
    expect(b.calls.map((c) => c.code)).toEqual(['1.1']);
    await b.answerNext();
    expect(b.calls.map((c) => c.code)).toEqual(['1.1', '1.2']);
    await b.answerNext();
    expect(saver.getStatus().kind).toBe('saved');
  });

  it('keeps a failed save, shows the message, and sends it again on retry', async () => {
    const b = backend();
    const saver = new AnswerSaver(1, [], b.save, () => {});
    saver.schedule('1.1', manual(1), 0);
    await vi.advanceTimersByTimeAsync(0);
    await b.answerNext(false);
    expect(saver.getStatus()).toEqual({ kind: 'error', message: 'Mất kết nối' });
    expect(saver.latest('1.1')).toEqual(manual(1));
    saver.retry();
    await vi.advanceTimersByTimeAsync(0);
    expect(b.calls).toHaveLength(2);
    await b.answerNext();
    expect(saver.getStatus().kind).toBe('saved');
  });

  it('flushes pending typing at once and skips an unchanged answer', async () => {
    const b = backend();
    const loaded = [{ code: '1.1', ...manual(1), result: { state: 'answered' as const, pointsMilli: 1000 }, updatedAt: '2026-11-27T08:00:00.000Z' }];
    const saver = new AnswerSaver(1, loaded, b.save, () => {});
    saver.schedule('1.1', manual(1), 0);
    saver.schedule('1.2', manual(0.5), 500);
    saver.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(b.calls).toEqual([{ code: '1.2', answer: manual(0.5) }]);
  });

  it('on page close sends a change queued behind a save in flight at once, without waiting for it', async () => {
    const b = backend();
    const saver = new AnswerSaver(1, [], b.save, () => {});
    saver.schedule('1.1', manual(1), 0);
    await vi.advanceTimersByTimeAsync(0);
    expect(b.calls).toHaveLength(1);
    saver.schedule('1.1', { ...manual(1), explanation: 'Đã ban hành chậm' }, 500);
    saver.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(b.calls).toHaveLength(1);
    saver.flushForClose();
    expect(b.calls.map((c) => c.answer.explanation)).toEqual(['', 'Đã ban hành chậm']);
    await b.answerNext();
    expect(b.calls).toHaveLength(2);
  });
});
