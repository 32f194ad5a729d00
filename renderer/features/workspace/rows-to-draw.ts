import { startTransition, useEffect, useState } from 'react';

/** A tree row is at least this tall (one line of text and its padding): a screen shows at most innerHeight / this rows. */
const MIN_ROW_PX = 28;

/** How many rows one screen of the tree can show at most. */
export function firstScreenRows(viewportHeight: number): number {
  return Math.max(1, Math.ceil(viewportHeight / MIN_ROW_PX));
}

/**
 * How many of the tree's rows to draw. A freshly opened tree draws only the rows one screen can
 * show, and down to `needed` (the selected row, so it is there to take the focus and scroll to);
 * the rest follow in a transition once that first frame is painted. On a cold page each row costs
 * ~1 ms of script (the department set has ~120), which the first open otherwise waited for
 * although the rows are out of view. The transition yields to keys and clicks.
 */
export function useRowsToDraw(needed: number): number {
  const [all, setAll] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // After the frame that shows the first rows: requestAnimationFrame runs before that frame's
    // paint, the timer after it.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setAll(true)), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return all ? Number.POSITIVE_INFINITY : Math.max(firstScreenRows(window.innerHeight), needed);
}
