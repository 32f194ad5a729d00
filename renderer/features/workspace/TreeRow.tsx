import { memo } from 'react';
import type { NodeTotal } from '../../../shared/domain/scoring-types';
import { formatPointsVi } from '../../../shared/format/numbers';
import { useT } from '../../i18n/i18n';
import { MarkIcon } from './MarkIcon';
import type { TreeNode } from './tree-model';

interface TreeRowProps {
  node: TreeNode;
  expanded: boolean | null;
  posInSet: number;
  setSize: number;
  total: NodeTotal | undefined;
  isSelected: boolean;
  isTabStop: boolean;
  rowRef: (code: string, el: HTMLLIElement | null) => void;
  onSelect: (code: string, viaKeyboard: boolean) => void;
  onToggle: (code: string, open: boolean) => void;
}

/** One row of the criteria tree. Memoised: moving the selection redraws the two rows it touches,
 *  not the whole tree (the department set has over a hundred rows). */
export const TreeRow = memo(TreeRowView, sameRow);

function sameRow(a: TreeRowProps, b: TreeRowProps): boolean {
  return (
    a.node === b.node &&
    a.expanded === b.expanded &&
    a.posInSet === b.posInSet &&
    a.setSize === b.setSize &&
    a.isSelected === b.isSelected &&
    a.isTabStop === b.isTabStop &&
    a.rowRef === b.rowRef &&
    a.onSelect === b.onSelect &&
    a.onToggle === b.onToggle &&
    // Fresh totals come after every save: only the figures this row shows count.
    a.total?.pointsMilli === b.total?.pointsMilli &&
    a.total?.maxMilli === b.total?.maxMilli &&
    a.total?.mark === b.total?.mark
  );
}

function TreeRowView({ node, expanded, posInSet, setSize, total, isSelected, isTabStop, rowRef, onSelect, onToggle }: TreeRowProps) {
  const t = useT();
  const showPoints = !node.isLeaf || total?.mark === 'answered' || total?.mark === 'needsExplanation';
  return (
    <li
      ref={(el) => rowRef(node.code, el)}
      role="treeitem"
      aria-level={node.depth}
      aria-posinset={posInSet}
      aria-setsize={setSize}
      aria-expanded={expanded === null ? undefined : expanded}
      aria-selected={isSelected}
      tabIndex={isTabStop ? 0 : -1}
      className={`tree-row depth-${Math.min(node.depth, 5)}${isSelected ? ' tree-row--selected' : ''}${node.isLeaf ? ' tree-row--leaf' : ''}`}
      style={{ paddingInlineStart: `${0.5 + (node.depth - 1) * 1.25}rem` }}
      // Selected when the button goes down (as a desktop tree does): a row that moves under the
      // pointer before the button comes up (rows taking their real height after a jump) is still
      // the one pressed. A click without a press (keyboard, assistive technology) selects too.
      onMouseDown={(e) => {
        if (e.button === 0 && !(e.target as Element).closest('.twisty')) onSelect(node.code, true);
      }}
      onClick={(e) => {
        if (e.detail === 0) onSelect(node.code, true);
      }}
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
      <span className="tree-title">{node.title}</span>
      {total && (
        <span className="node-points">
          {t('ws.treePoints', { points: showPoints ? formatPointsVi(total.pointsMilli) : '—', max: formatPointsVi(total.maxMilli) })}
        </span>
      )}
      {total && <MarkIcon mark={total.mark} />}
    </li>
  );
}
