/**
 * One draft open in the editor. The draft lives in this component's state; every change is saved
 * (use-draft-saver) and checked by the one validator a moment after typing stops (the check runs
 * off the keystroke path, so a 300-leaf set types as fast as a small one).
 */
import { useCallback, useMemo, useState } from 'react';
import type { CriteriaDraftView } from '../../../shared/api/channels/criteria-drafts';
import * as edits from '../../../shared/domain/criteria-draft';
import { checkDraft, draftSums, issuesByNode, locate, type CriteriaDraft, type DraftNode } from '../../../shared/domain/criteria-draft';
import { useDebounced } from '../../components/use-debounced';
import { useT } from '../../i18n/i18n';
import { DraftTree, treeRows } from './DraftTree';
import { InstallDraft } from './InstallDraft';
import { LeafPreview } from './LeafPreview';
import { MetaForm } from './MetaForm';
import { NodeForm, PartForm } from './NodeForm';
import { TreeToolbar } from './TreeToolbar';
import { useDraftSaver, useSaveState, type SaveStatus } from './use-draft-saver';

/** How long typing must pause before the set is checked again. */
export const CHECK_DELAY_MS = 300;

export function DraftEditor({ initial }: { initial: CriteriaDraftView }) {
  const t = useT();
  const [draft, setDraft] = useState<CriteriaDraft>(initial.body);
  const [selected, setSelected] = useState<string | null>(initial.body.fields[0]?.key ?? null);
  const [focusTitle, setFocusTitle] = useState(false);
  const saver = useDraftSaver(initial.id, draft);

  const checked = useDebounced(draft, CHECK_DELAY_MS);
  const check = useMemo(() => checkDraft(checked), [checked]);
  const byNode = useMemo(() => issuesByNode(check.issues), [check]);
  const issueCounts = useMemo(() => new Map([...byNode].map(([k, list]) => [k, list.length])), [byNode]);
  const sums = useMemo(() => draftSums(draft), [draft]);
  const rows = useMemo(() => treeRows(draft), [draft]);

  const select = useCallback((key: string) => {
    setFocusTitle(false);
    setSelected(key);
  }, []);
  const added = (result: edits.Added) => {
    setDraft(result.draft);
    if (result.key) {
      setFocusTitle(true);
      setSelected(result.key);
    }
  };
  const changeNode = (key: string) => (change: (node: DraftNode) => DraftNode) => setDraft((d) => edits.updateNode(d, key, change));

  const location = selected ? locate(draft, selected) : null;
  const part = !location && draft.adjustments ? (['bonus', 'penalty'] as const).find((p) => draft.adjustments?.[p]?.key === selected) : undefined;
  const pending = checked !== draft;

  return (
    <div className="editor" onBlur={() => void saver.flush()}>
      <p className="editor-status" role="status">
        <SaveStatusText status={saver.status} />
        {' · '}
        {pending ? t('editor.checking') : check.ok ? t('editor.noIssues') : t('editor.issues', { count: check.issues.length })}
      </p>
      <MetaForm
        draft={draft}
        issues={byNode.get('')}
        total={sums.get('total')}
        onMeta={(patch) => setDraft((d) => ({ ...d, meta: { ...d.meta, ...patch } }))}
        onKeepCodes={(keep) => setDraft((d) => edits.setKeepCodes(d, keep))}
        onAdjustments={(present) => setDraft((d) => edits.setAdjustments(d, present))}
        onCountInPercent={(countInPercent) => setDraft((d) => edits.updateAdjustments(d, (a) => ({ ...a, countInPercent })))}
        adjustmentIssues={draft.adjustments ? byNode.get(draft.adjustments.key) : undefined}
        onAdjustmentTitle={(title) => setDraft((d) => edits.updateAdjustments(d, (a) => ({ ...a, title })))}
      />
      <div className="editor-columns">
        <section className="panel editor-tree-panel" aria-label={t('editor.tree')}>
          <h2>{t('editor.tree')}</h2>
          <TreeToolbar
            draft={draft}
            location={location}
            onAdded={added}
            onChanged={(next) => setDraft(next)}
            onRemoved={(next) => {
              setDraft(next);
              setSelected(null);
            }}
          />
          <DraftTree rows={rows} selectedKey={selected} issueCounts={issueCounts} sums={sums} onSelect={select} />
        </section>
        <div className="editor-side">
          {location && (
            <NodeForm
              key={location.node.key}
              node={location.node}
              keepCodes={draft.keepCodes}
              issues={byNode.get(location.node.key)}
              sum={sums.get(location.node.key)}
              focusTitle={focusTitle}
              onChange={changeNode(location.node.key)}
              onEnter={() => added(edits.addSiblingAfter(draft, location.node.key))}
            />
          )}
          {part && draft.adjustments?.[part] && (
            <PartForm
              part={draft.adjustments[part]!}
              keepCodes={draft.keepCodes}
              issues={byNode.get(draft.adjustments[part]!.key)}
              onChange={(change) => setDraft((d) => edits.updatePart(d, part, change))}
            />
          )}
          {!location && !part && <p className="panel">{t('editor.node.none')}</p>}
          {location && location.node.children.length === 0 && <LeafPreview key={`preview-${location.node.key}`} draft={draft} node={location.node} />}
        </div>
      </div>
      <InstallDraft draftId={initial.id} check={check} pending={pending} flush={saver.flush} />
    </div>
  );
}

/** "Đã lưu" / "Đang lưu…" / the failure: re-renders alone when the save state changes. */
function SaveStatusText({ status }: { status: SaveStatus }) {
  const t = useT();
  const state = useSaveState(status);
  return <>{state.kind === 'saving' ? t('editor.saving') : state.kind === 'failed' ? t('editor.saveFailed', { message: state.message }) : t('editor.saved')}</>;
}
