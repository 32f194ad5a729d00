/** The differences between two criteria sets as plain Vietnamese lines (for `par diff` and the app). */
import type { CriteriaDiff, CriteriaChange, NodeRef } from './criteria-diff';
import { formatDecimalVi } from '../format/numbers';

const ref = (node: NodeRef): string => `${node.code} "${node.title}"`;
const pts = (value: number): string => `${formatDecimalVi(value)} điểm`;
const parent = (code: string | null): string => (code === null ? 'cấp cao nhất' : `mục ${code}`);

export function changeLineVi(change: CriteriaChange): string {
  switch (change.kind) {
    case 'added':
      return `+ Thêm ${ref(change.to)} (${pts(change.to.maxPoints)})`;
    case 'removed':
      return `- Bỏ ${ref(change.from)} (${pts(change.from.maxPoints)})`;
    case 'renumbered':
      return `# Đổi số ${change.from.code} → ${change.to.code}: "${change.to.title}"`;
    case 'moved':
      return `> Chuyển ${change.from.code} (trong ${parent(change.fromParent)}) → ${change.to.code} (trong ${parent(change.toParent)}): "${change.to.title}"`;
    case 'retitled':
      return `~ Đổi tên ${change.from.code}: "${change.from.title}" → "${change.to.title}"`;
    case 'maxChanged':
      return `* Điểm tối đa ${change.to.code}: ${formatDecimalVi(change.from.maxPoints)} → ${formatDecimalVi(change.to.maxPoints)}`;
    case 'ruleChanged':
      return `* Cách chấm ${change.to.code}: ${change.fromRule} → ${change.toRule}`;
    case 'split':
      return `< Tách ${ref(change.from)} thành ${change.into.map((node) => node.code).join(', ')}`;
    case 'merged':
      return `> Gộp ${change.from.map((node) => node.code).join(', ')} thành ${ref(change.into)}`;
  }
}

export function diffTextVi(diff: CriteriaDiff, fromName: string, toName: string): string {
  const byCode = diff.matches.filter((match) => match.by === 'code').length;
  const byTitle = diff.matches.filter((match) => match.by === 'title').length;
  const byMapping = diff.matches.length - byCode - byTitle;
  const lines = [
    `So sánh ${fromName} → ${toName}`,
    `Khớp ${diff.matches.length} mục: ${byCode} theo mã, ${byTitle} theo tên${byMapping > 0 ? `, ${byMapping} theo ánh xạ chỉ định` : ''}.`,
  ];
  for (const match of diff.matches) {
    if (match.by !== 'code') lines.push(`  ${match.from.code} ↔ ${match.to.code} (${match.by === 'title' ? `tên giống ${Math.round(match.similarity * 100)}%` : 'ánh xạ chỉ định'})`);
  }
  lines.push(diff.changes.length === 0 ? 'Không có khác biệt.' : `${diff.changes.length} khác biệt:`);
  for (const change of diff.changes) lines.push(`  ${changeLineVi(change)}`);
  return `${lines.join('\n')}\n`;
}
