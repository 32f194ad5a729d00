/** Buttons that change the tree around the selected item (add, move, indent, remove). */
import * as edits from '../../../shared/domain/criteria-draft';
import type { CriteriaDraft, NodeLocation } from '../../../shared/domain/criteria-draft';
import { useT } from '../../i18n/i18n';

interface TreeToolbarProps {
  draft: CriteriaDraft;
  location: NodeLocation | null;
  onAdded: (added: edits.Added) => void;
  onChanged: (draft: CriteriaDraft) => void;
  onRemoved: (draft: CriteriaDraft) => void;
}

export function TreeToolbar({ draft, location, onAdded, onChanged, onRemoved }: TreeToolbarProps) {
  const t = useT();
  const key = location?.node.key;
  const none = location === null;
  const atTop = location === null || location.index === 0;
  return (
    <div className="editor-toolbar" role="toolbar" aria-label={t('editor.toolbar')}>
      <button type="button" onClick={() => onAdded(edits.addField(draft))}>
        {t('editor.add.field')}
      </button>
      <button type="button" disabled={none} onClick={() => key && onAdded(edits.addSiblingAfter(draft, key))}>
        {t('editor.add.sibling')}
      </button>
      <button type="button" disabled={location === null || location.level >= location.maxLevel} onClick={() => key && onAdded(edits.addChild(draft, key))}>
        {t('editor.add.child')}
      </button>
      <button type="button" disabled={atTop} onClick={() => key && onChanged(edits.moveNode(draft, key, -1))}>
        {t('editor.move.up')}
      </button>
      <button type="button" disabled={none} onClick={() => key && onChanged(edits.moveNode(draft, key, 1))}>
        {t('editor.move.down')}
      </button>
      <button type="button" disabled={atTop} onClick={() => key && onChanged(edits.indentNode(draft, key))}>
        {t('editor.indent')}
      </button>
      <button type="button" disabled={location?.parentKey == null} onClick={() => key && onChanged(edits.outdentNode(draft, key))}>
        {t('editor.outdent')}
      </button>
      <button
        type="button"
        disabled={none}
        onClick={() => {
          if (!location) return;
          // A group takes its children with it: asked first. A leaf goes at once.
          const children = location.node.children.length;
          if (children > 0 && !window.confirm(t('editor.removeConfirm', { code: location.node.code, count: children }))) return;
          onRemoved(edits.removeNode(draft, location.node.key));
        }}
      >
        {t('editor.remove')}
      </button>
      {(['bonus', 'penalty'] as const).map(
        (part) =>
          draft.adjustments?.[part] && (
            <button type="button" key={part} onClick={() => onAdded(edits.addPartItem(draft, part))}>
              {t('editor.add.partItem', { part: t(`editor.tree.${part}`) })}
            </button>
          ),
      )}
    </div>
  );
}
