/**
 * The workspace drawn once, hidden and off the page, while the assessment list waits for a click.
 * The first "Mở kỳ đánh giá" after a page load otherwise pays for the workspace's code running for
 * the first time (compiled on its first call, then run slowly until the engine has seen it): on the
 * heavy case in Chromium the render after the data arrives took 28 ms (median of 8 fresh browsers
 * and servers) and 13–17 ms with this warm-up, and the whole first open 107 ms against 62–91 ms.
 * This is the renderer's half of main/assessment/warm-up.ts.
 *
 * It asks for the view of the assessment the officer is most likely to open (read only) and draws
 * it in React's <Activity mode="hidden"> in a root that is never attached to the page: the
 * components render and their DOM is built, but no effect runs (nothing is loaded, saved, focused
 * or listened to) and nothing of it is in the document; a copy of it is laid out once, invisible,
 * for the fonts (layOutOnce). The root is dropped as soon as it is drawn.
 * Once per page load; the real open does not wait for it (it is idle work, and it stops if the
 * list goes away first).
 */
import { Activity } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { api } from '../../api/client';
import { WorkspaceView } from './WorkspaceView';

/** How long to wait for the hidden render before giving up on it (it runs only when the page is idle). */
const GIVE_UP_MS = 5000;

let started = false;

const nothing = () => {};

function idle(callback: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(callback, { timeout: 1000 });
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(callback, 50);
  return () => clearTimeout(timer);
}

/**
 * Lays a copy of the drawing out once in the page, invisible, and takes it away in the same task
 * (no script, event or paint comes in between, so nothing sees it). The workspace's first layout
 * otherwise pays for its fonts (faces, sizes and weights the list does not use, the fallback fonts
 * of the marks ✓ ○ ◐ and of ▸ ▾) and its first text shaping: when the tree's focus forced that
 * layout before the first frame of an open, it took 32–54 ms, and 8–18 ms after this copy's.
 */
function layOutOnce(drawn: HTMLElement): void {
  const copy = drawn.cloneNode(true) as HTMLElement;
  // The hidden <Activity> keeps it out of layout with display: none.
  copy.style.removeProperty('display');
  const box = document.createElement('div');
  box.setAttribute('aria-hidden', 'true');
  box.inert = true;
  box.style.cssText = 'position: fixed; inset: 0; visibility: hidden; pointer-events: none; overflow: hidden; contain: strict';
  box.append(copy);
  document.body.append(box);
  void copy.offsetHeight;
  box.remove();
}

/** Starts the warm-up for `assessmentId` (once per page load); the returned function stops it. */
export function warmUpWorkspace(assessmentId: number): () => void {
  if (started) return nothing;
  started = true;
  let stopped = false;
  let cancelIdle = nothing;
  let root: Root | null = null;
  const startedAt = performance.now();

  const drop = () => {
    const r = root;
    root = null;
    // Not inside the caller (the click that leaves the list): unmounting is work of its own.
    if (r) setTimeout(() => r.unmount(), 0);
  };

  const dropWhenDrawn = (container: HTMLElement) => {
    cancelIdle = idle(() => {
      if (stopped) return;
      const drawn = container.firstElementChild;
      if (drawn instanceof HTMLElement) layOutOnce(drawn);
      if (drawn !== null || performance.now() - startedAt > GIVE_UP_MS) drop();
      else dropWhenDrawn(container);
    });
  };

  cancelIdle = idle(() => {
    void api['assessments:open']({ assessmentId }).then((result) => {
      if (stopped || !result.ok) return;
      const container = document.createElement('div');
      root = createRoot(container);
      root.render(
        <Activity mode="hidden">
          <WorkspaceView view={result.value} onBack={nothing} onHistory={nothing} onReload={nothing} onAppraisal={nothing} />
        </Activity>,
      );
      dropWhenDrawn(container);
    });
  });

  return () => {
    stopped = true;
    cancelIdle();
    drop();
  };
}
