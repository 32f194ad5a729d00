import { useId } from 'react';
import type { Totals } from '../../../shared/domain/scoring-types';
import { formatPointsVi } from '../../../shared/format/numbers';
import { useT } from '../../i18n/i18n';
import { LeafTexts } from './LeafTexts';
import { MarkIcon } from './MarkIcon';
import type { TreeModel, TreeNode } from './tree-model';

interface ParentPanelProps {
  model: TreeModel;
  node: TreeNode;
  totals: Totals;
  onSelect: (code: string) => void;
}

/** A field or criterion with children: its totals and the list of its children. */
export function ParentPanel({ model, node, totals, onSelect }: ParentPanelProps) {
  const t = useT();
  const id = useId();
  const total = totals.nodes[node.code];
  return (
    <section className="parent-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="node-title" tabIndex={-1}>
        <span className="node-code">{node.code}</span> {node.title}
      </h2>
      {total && (
        <div className="leaf-summary">
          <span className="points-live">{t('parent.points', { points: formatPointsVi(total.pointsMilli), max: formatPointsVi(total.maxMilli) })}</span>
          {total.applicableMaxMilli !== total.maxMilli && <span>{t('parent.applicableMax', { max: formatPointsVi(total.applicableMaxMilli) })}</span>}
          <span>{t('parent.childCount', { answered: total.answeredCount, total: total.leafCount })}</span>
          <MarkIcon mark={total.mark} withText />
        </div>
      )}
      {node.node && <LeafTexts leaf={node.node} />}
      <h3>{t('parent.children')}</h3>
      <ul className="child-list">
        {node.childCodes.map((code) => {
          const child = model.byCode.get(code);
          const childTotal = totals.nodes[code];
          if (!child) return null;
          return (
            <li key={code}>
              <button type="button" className="child-button" onClick={() => onSelect(code)}>
                {childTotal && <MarkIcon mark={childTotal.mark} />}
                <span className="node-code">{code}</span>
                <span className="child-title">{child.title}</span>
                {childTotal && (
                  <span className="node-points">
                    {t('ws.treePoints', { points: formatPointsVi(childTotal.pointsMilli), max: formatPointsVi(childTotal.maxMilli) })}
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
