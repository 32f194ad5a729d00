/**
 * Saves the draft at every change: one write of the whole body per change, never two at once;
 * changes made while a write runs are sent together right after it (the newest body wins).
 * `flush()` resolves once everything typed so far is stored (before installing).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CriteriaDraft } from '../../../shared/domain/criteria-draft';
import { api } from '../../api/client';

export type SaveState = { kind: 'saved' } | { kind: 'saving' } | { kind: 'failed'; message: string };

export function useDraftSaver(id: number, draft: CriteriaDraft): { state: SaveState; flush: () => Promise<boolean> } {
  const [state, setState] = useState<SaveState>({ kind: 'saved' });
  const latest = useRef(draft);
  const stored = useRef(draft);
  const running = useRef<Promise<boolean> | null>(null);

  const run = useCallback(async (): Promise<boolean> => {
    while (latest.current !== stored.current) {
      const body = latest.current;
      setState({ kind: 'saving' });
      const result = await api['criteriaDrafts:save']({ id, body });
      if (!result.ok) {
        setState({ kind: 'failed', message: result.error.message });
        return false;
      }
      stored.current = body;
    }
    setState({ kind: 'saved' });
    return true;
  }, [id]);

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
    if (draft !== stored.current && !running.current) void flush();
  }, [draft, flush]);

  return { state, flush };
}
