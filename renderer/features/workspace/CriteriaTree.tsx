import { useCallback, useEffect, useRef, type KeyboardEvent } from 'react';
import type { Totals } from '../../../shared/domain/scoring-types';
import { useT } from '../../i18n/i18n';
import type { VisibleRow } from './tree-model';
import { TreeRow } from './TreeRow';
import { useRowsToDraw } from './rows-to-draw';

interface CriteriaTreeProps {
  rows: VisibleRow[];
  totals: Totals;
  selected: string | null;
  /** Set when the keyboard (or a jump) moved the selection: that row takes the focus. */
  focusRequest: { code: string } | null;
  /** Stable across renders (the rows are memoised on them). */
  onSelect: (code: string, viaKeyboard: boolean) => void;
  onToggle: (code: string, open: boolean) => void;
  /** Enter on a leaf: go to its inputs. */
  onEnterLeaf: () => void;
}

/** Frames to wait at most for the rows around a jump to settle at their real height. */
const SETTLE_FRAMES = 10;

/**
 * Scrolls `row` into its tree's view, and again on the next frames until it stays there: rows never
 * drawn are laid out at an estimated height (content-visibility in workspace.css), and those a jump
 * (End, a search result) brings into view take their real height a frame later, which can push the
 * focused row past the tree's edge (even when focus() had put it in view). Returns the cancel.
 */
function keepInView(row: HTMLElement): () => void {
  let frame = 0;
  const step = (left: number) => {
    const tree = row.closest('[role="tree"]');
    const box = tree?.getBoundingClientRect();
    const r = row.getBoundingClientRect();
    if (!box || r.top < box.top || r.bottom > box.bottom) row.scrollIntoView?.({ block: 'nearest' });
    if (left > 0) frame = requestAnimationFrame(() => step(left - 1));
  };
  step(SETTLE_FRAMES);
  return () => cancelAnimationFrame(frame);
}

/** The criteria tree (WAI-ARIA tree pattern, flat rows with aria-level and a roving tabindex). */
export function CriteriaTree({ rows, totals, selected, focusRequest, onSelect, onToggle, onEnterLeaf }: CriteriaTreeProps) {
  const t = useT();
  const refs = useRef(new Map<string, HTMLLIElement>());
  const selectedIndex = rows.findIndex((r) => r.node.code === selected);
  const tabStop = selectedIndex >= 0 ? selected : (rows[0]?.node.code ?? null);
  const drawn = useRowsToDraw(selectedIndex + 1);
  const rowRef = useCallback((code: string, el: HTMLLIElement | null) => {
    if (el) refs.current.set(code, el);
    else refs.current.delete(code);
  }, []);

  useEffect(() => {
    if (!focusRequest) return;
    const el = refs.current.get(focusRequest.code);
    if (!el) return;
    el.focus();
    return keepInView(el);
  }, [focusRequest]);

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const index = rows.findIndex((r) => r.node.code === tabStop);
    const row = rows[index];
    if (!row) return;
    const move = (i: number) => {
      const target = rows[Math.max(0, Math.min(rows.length - 1, i))];
      if (target) onSelect(target.node.code, true);
    };
    switch (e.key) {
      case 'ArrowDown':
        move(index + 1);
        break;
      case 'ArrowUp':
        move(index - 1);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(rows.length - 1);
        break;
      case 'ArrowRight':
        if (row.expanded === false) onToggle(row.node.code, true);
        else if (row.expanded === true) move(index + 1);
        break;
      case 'ArrowLeft':
        if (row.expanded === true) onToggle(row.node.code, false);
        else if (row.node.parentCode !== null) onSelect(row.node.parentCode, true);
        break;
      case 'Enter':
      case ' ':
        if (row.expanded !== null) onToggle(row.node.code, !row.expanded);
        else if (e.key === 'Enter') onEnterLeaf();
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  return (
    <ul className="tree" role="tree" aria-label={t('ws.treeLabel')} onKeyDown={onKeyDown}>
      {(drawn < rows.length ? rows.slice(0, drawn) : rows).map(({ node, expanded, posInSet, setSize }) => (
        <TreeRow
          key={node.code}
          node={node}
          expanded={expanded}
          posInSet={posInSet}
          setSize={setSize}
          total={totals.nodes[node.code]}
          isSelected={node.code === selected}
          isTabStop={node.code === tabStop}
          rowRef={rowRef}
          onSelect={onSelect}
          onToggle={onToggle}
        />
      ))}
    </ul>
  );
}
