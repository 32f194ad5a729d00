import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { Totals } from '../../../shared/domain/scoring-types';
import { formatPointsVi } from '../../../shared/format/numbers';
import { useT } from '../../i18n/i18n';
import { MarkIcon } from './MarkIcon';
import type { TreeModel, VisibleRow } from './tree-model';

interface CriteriaTreeProps {
  model: TreeModel;
  rows: VisibleRow[];
  totals: Totals;
  selected: string | null;
  /** Set when the keyboard (or a jump) moved the selection: that row takes the focus. */
  focusRequest: { code: string } | null;
  onSelect: (code: string, viaKeyboard: boolean) => void;
  onToggle: (code: string, open: boolean) => void;
  /** Enter on a leaf: go to its inputs. */
  onEnterLeaf: () => void;
}

/** The criteria tree (WAI-ARIA tree pattern, flat rows with aria-level and a roving tabindex). */
export function CriteriaTree({ model, rows, totals, selected, focusRequest, onSelect, onToggle, onEnterLeaf }: CriteriaTreeProps) {
  const t = useT();
  const refs = useRef(new Map<string, HTMLLIElement>());
  const tabStop = rows.some((r) => r.node.code === selected) ? selected : (rows[0]?.node.code ?? null);

  useEffect(() => {
    if (!focusRequest) return;
    const el = refs.current.get(focusRequest.code);
    if (el) {
      el.focus();
      el.scrollIntoView?.({ block: 'nearest' });
    }
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
      {rows.map(({ node, expanded, posInSet, setSize }) => {
        const total = totals.nodes[node.code];
        const isSelected = node.code === selected;
        const showPoints = !node.isLeaf || total?.mark === 'answered' || total?.mark === 'needsExplanation';
        return (
          <li
            key={node.code}
            ref={(el) => {
              if (el) refs.current.set(node.code, el);
              else refs.current.delete(node.code);
            }}
            role="treeitem"
            aria-level={node.depth}
            aria-posinset={posInSet}
            aria-setsize={setSize}
            aria-expanded={expanded === null ? undefined : expanded}
            aria-selected={isSelected}
            tabIndex={node.code === tabStop ? 0 : -1}
            className={`tree-row depth-${Math.min(node.depth, 5)}${isSelected ? ' tree-row--selected' : ''}${node.isLeaf ? ' tree-row--leaf' : ''}`}
            style={{ paddingInlineStart: `${0.5 + (node.depth - 1) * 1.25}rem` }}
            onClick={() => onSelect(node.code, true)}
          >
            <span
              className="twisty"
              aria-hidden="true"
              onClick={(e) => {
                if (expanded === null) return;
                e.stopPropagation();
                onToggle(node.code, !expanded);
              }}
            >
              {expanded === null ? '' : expanded ? '▾' : '▸'}
            </span>
            <span className="node-code">{node.code}</span>
            <span className="tree-title">{model.byCode.get(node.code)?.title}</span>
            {total && (
              <span className="node-points">
                {t('ws.treePoints', { points: showPoints ? formatPointsVi(total.pointsMilli) : '—', max: formatPointsVi(total.maxMilli) })}
              </span>
            )}
            {total && <MarkIcon mark={total.mark} />}
          </li>
        );
      })}
    </ul>
  );
}
