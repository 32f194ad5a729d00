/** The form of the selected item: its own data, its rule when it is a leaf, and the live sum when it is a group. */
import type { KeyboardEvent } from 'react';
import type { DraftNode, DraftPart, PlacedIssue, SumCheck } from '../../../shared/domain/criteria-draft';
import { useT } from '../../i18n/i18n';
import { sumLabel } from './DraftTree';
import { Area, Check, IssueLines, Text, issueText, unshownIssues } from './editor-fields';
import { RuleForm } from './RuleForm';

interface NodeFormProps {
  node: DraftNode;
  keepCodes: boolean;
  issues: readonly PlacedIssue[] | undefined;
  sum: SumCheck | undefined;
  focusTitle: boolean;
  onChange: (change: (node: DraftNode) => DraftNode) => void;
  onEnter: () => void;
}

export function NodeForm({ node, keepCodes, issues, sum, focusTitle, onChange, onEnter }: NodeFormProps) {
  const t = useT();
  const isLeaf = node.children.length === 0;
  const label = sumLabel(sum, t('editor.sumUnknown'));
  const onTitleKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    onEnter();
  };
  return (
    <section className="panel editor-node" aria-label={t('editor.node', { code: node.code })}>
      <h3>{t('editor.node', { code: node.code })}</h3>
      {keepCodes && <Text label={t('editor.node.code')} value={node.code} onChange={(code) => onChange((n) => ({ ...n, code }))} issues={issues} field="code" />}
      <Text label={t('editor.node.title')} value={node.title} onChange={(title) => onChange((n) => ({ ...n, title }))} issues={issues} field="title" onKeyDown={onTitleKey} autoFocus={focusTitle} />
      <Text label={t('editor.node.max')} value={node.maxPoints} onChange={(maxPoints) => onChange((n) => ({ ...n, maxPoints }))} issues={issues} field="maxPoints" inputMode="decimal" />
      {label && <p className={`editor-sum${label.wrong ? ' editor-sum--wrong' : ''}`}>{t('editor.sum', { sum: label.sum, max: label.max })}</p>}
      <Area label={t('editor.node.guidance')} value={node.guidance} onChange={(guidance) => onChange((n) => ({ ...n, guidance }))} error={issueText(issues, 'guidance')} />
      <Area label={t('editor.node.evidenceHint')} value={node.evidenceHint} onChange={(evidenceHint) => onChange((n) => ({ ...n, evidenceHint }))} error={issueText(issues, 'evidenceHint')} />
      {isLeaf ? (
        <>
          <Check label={t('editor.node.na')} checked={node.notApplicableAllowed} onChange={(notApplicableAllowed) => onChange((n) => ({ ...n, notApplicableAllowed }))} />
          <RuleForm rule={node.rule} issues={issues} onChange={(rule) => onChange((n) => ({ ...n, rule }))} />
        </>
      ) : (
        <p className="field-hint">{t('editor.node.group')}</p>
      )}
      <IssueLines issues={unshownIssues(issues)} />
    </section>
  );
}

export function PartForm({ part, keepCodes, issues, onChange }: { part: DraftPart; keepCodes: boolean; issues: readonly PlacedIssue[] | undefined; onChange: (change: (part: DraftPart) => DraftPart) => void }) {
  const t = useT();
  return (
    <section className="panel editor-node" aria-label={t('editor.node', { code: part.code })}>
      <h3>{t('editor.node', { code: part.code })}</h3>
      {keepCodes && <Text label={t('editor.node.code')} value={part.code} onChange={(code) => onChange((p) => ({ ...p, code }))} issues={issues} field="code" />}
      <Text label={t('editor.part.title')} value={part.title} onChange={(title) => onChange((p) => ({ ...p, title }))} issues={issues} field="title" />
      <Text label={t('editor.part.max')} value={part.maxPoints} onChange={(maxPoints) => onChange((p) => ({ ...p, maxPoints }))} issues={issues} field="maxPoints" inputMode="decimal" />
      <IssueLines issues={unshownIssues(issues)} />
    </section>
  );
}
