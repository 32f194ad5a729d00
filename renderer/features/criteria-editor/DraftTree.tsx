/**
 * The tree of the draft as one list of rows (fields, criteria, sub-criteria; then the bonus and
 * penalty parts with their items). A row is a button that selects the item; rows are memoised on
 * plain values, so typing in one item re-renders only its own row on a 300-leaf set.
 */
import { memo } from 'react';
import type { CriteriaDraft, DraftNode, SumCheck } from '../../../shared/domain/criteria-draft';
import { formatPointsVi } from '../../../shared/format/numbers';
import { useT } from '../../i18n/i18n';

export interface TreeRow {
  key: string;
  code: string;
  title: string;
  depth: number;
  maxPoints: string;
  isPart: boolean;
}

export function treeRows(draft: CriteriaDraft): TreeRow[] {
  const rows: TreeRow[] = [];
  const visit = (node: DraftNode, depth: number): void => {
    rows.push({ key: node.key, code: node.code, title: node.title, depth, maxPoints: node.maxPoints, isPart: false });
    for (const child of node.children) visit(child, depth + 1);
  };
  draft.fields.forEach((field) => visit(field, 0));
  for (const part of [draft.adjustments?.bonus, draft.adjustments?.penalty]) {
    if (!part) continue;
    rows.push({ key: part.key, code: part.code, title: part.title, depth: 0, maxPoints: part.maxPoints, isPart: true });
    part.children.forEach((child) => visit(child, 1));
  }
  return rows;
}

interface RowProps {
  row: TreeRow;
  selected: boolean;
  issueCount: number;
  sumText: string | null;
  sumWrong: boolean;
  onSelect: (key: string) => void;
}

const sameRow = (a: RowProps, b: RowProps): boolean =>
  a.selected === b.selected &&
  a.issueCount === b.issueCount &&
  a.sumText === b.sumText &&
  a.sumWrong === b.sumWrong &&
  a.onSelect === b.onSelect &&
  (Object.keys(a.row) as (keyof TreeRow)[]).every((k) => a.row[k] === b.row[k]);

const Row = memo(function Row({ row, selected, issueCount, sumText, sumWrong, onSelect }: RowProps) {
  const t = useT();
  return (
    <li className={`editor-row${selected ? ' editor-row--selected' : ''}${row.isPart ? ' editor-row--part' : ''}`} style={{ paddingLeft: `${row.depth * 1.25}rem` }}>
      <button type="button" aria-current={selected ? 'true' : undefined} onClick={() => onSelect(row.key)}>
        <span className="editor-row-code">{row.code}</span> {row.title || t('editor.tree.untitled')}{' '}
        <span className="editor-row-max">({row.maxPoints || '?'})</span>
      </button>
      {sumText && <span className={`editor-row-sum${sumWrong ? ' editor-row-sum--wrong' : ''}`}>{sumText}</span>}
      {issueCount > 0 && <span className="editor-row-issues">{t('editor.tree.issues', { count: issueCount })}</span>}
    </li>
  );
}, sameRow);

export function sumLabel(sum: SumCheck | undefined, unknown: string): { sum: string; max: string; text: string; wrong: boolean } | null {
  if (!sum) return null;
  const show = (milli: number | null) => (milli === null ? unknown : formatPointsVi(milli));
  const [sumText, maxText] = [show(sum.sumMilli), show(sum.maxMilli)];
  return { sum: sumText, max: maxText, text: `${sumText} / ${maxText}`, wrong: sum.sumMilli !== null && sum.maxMilli !== null && sum.sumMilli !== sum.maxMilli };
}

/** Memoised: a re-render of the editor for the save indicator leaves the tree alone. */
export const DraftTree = memo(function DraftTree(props: {
  rows: TreeRow[];
  selectedKey: string | null;
  issueCounts: Map<string, number>;
  sums: Map<string, SumCheck>;
  onSelect: (key: string) => void;
}) {
  const t = useT();
  const unknown = t('editor.sumUnknown');
  return (
    <ul className="editor-tree" aria-label={t('editor.tree')}>
      {props.rows.map((row) => {
        const sum = sumLabel(props.sums.get(row.key), unknown);
        return (
          <Row
            key={row.key}
            row={row}
            selected={row.key === props.selectedKey}
            issueCount={props.issueCounts.get(row.key) ?? 0}
            sumText={sum?.text ?? null}
            sumWrong={sum?.wrong ?? false}
            onSelect={props.onSelect}
          />
        );
      })}
    </ul>
  );
});
