/**
 * Saves the draft at every change, like the answers: while the officer types, the write waits for
 * a pause of SAVE_TYPING_DELAY_MS; leaving a field, hiding or closing the page and leaving the
 * editor write at once. One write of the whole body at a time; changes made while a write runs are
 * sent together right after it (the newest body wins).
 * `flush()` resolves once everything typed so far is stored (before installing). The save state
 * lives outside React state so that only the small status line re-renders when it changes, not
 * the editor (a keystroke on a 300-leaf set must stay cheap).
 */
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { CriteriaDraft } from '../../../shared/domain/criteria-draft';
import { api } from '../../api/client';

/** As for the answers' explanations (LeafPanel). */
export const SAVE_TYPING_DELAY_MS = 500;

export type SaveState = { kind: 'saved' } | { kind: 'saving' } | { kind: 'failed'; message: string };

export interface SaveStatus {
  get(): SaveState;
  subscribe(listener: () => void): () => void;
}

function createStatus(): SaveStatus & { set(state: SaveState): void } {
  let state: SaveState = { kind: 'saved' };
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(next) {
      state = next;
      listeners.forEach((listener) => listener());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function useSaveState(status: SaveStatus): SaveState {
  return useSyncExternalStore(status.subscribe, status.get);
}

export function useDraftSaver(id: number, draft: CriteriaDraft): { status: SaveStatus; flush: () => Promise<boolean> } {
  const [status] = useState(createStatus);
  const latest = useRef(draft);
  const stored = useRef(draft);
  const running = useRef<Promise<boolean> | null>(null);

  const run = useCallback(async (): Promise<boolean> => {
    while (latest.current !== stored.current) {
      const body = latest.current;
      status.set({ kind: 'saving' });
      const result = await api['criteriaDrafts:save']({ id, body });
      if (!result.ok) {
        status.set({ kind: 'failed', message: result.error.message });
        return false;
      }
      stored.current = body;
    }
    status.set({ kind: 'saved' });
    return true;
  }, [id, status]);

  const flush = useCallback(async (): Promise<boolean> => {
    while (running.current) await running.current;
    if (latest.current === stored.current) return true;
    const started = run().finally(() => {
      running.current = null;
    });
    running.current = started;
    return started;
  }, [run]);

  useEffect(() => {
    latest.current = draft;
    if (draft === stored.current) return undefined;
    const timer = setTimeout(() => void flush(), SAVE_TYPING_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft, flush]);

  useEffect(() => {
    const now = () => void flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') now();
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', now);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', now);
      now();
    };
  }, [flush]);

  return { status, flush };
}
