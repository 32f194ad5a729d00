import { useCallback, useLayoutEffect, useRef } from 'react';

/** A function whose identity never changes but that always runs the latest `fn`: memoised children
 *  (the criteria tree's rows) keep their props equal across renders. Call it from events only. */
export function useStableCallback<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const latest = useRef(fn);
  useLayoutEffect(() => {
    latest.current = fn;
  });
  return useCallback((...args: A) => latest.current(...args), []);
}
