import type { Corrections } from '../../../shared/api/channels/years';
import type { LeafMappingRow } from '../../../shared/domain/leaf-mapping';
import { useT } from '../../i18n/i18n';

const AUTO = '';
const NONE = '-';

interface MappingTableProps {
  rows: LeafMappingRow[];
  corrections: Corrections;
  readOnly: boolean;
  onCorrect: (oldCode: string, target: string | null | undefined) => void;
}

const refText = (refs: { code: string; title: string }[]) => refs.map((r) => `${r.code} ${r.title}`).join('\n');

/** One row per leaf: last year's criterion, next year's, how they were matched, and a correction per old leaf. */
export function MappingTable({ rows, corrections, readOnly, onCorrect }: MappingTableProps) {
  const t = useT();
  const newLeaves = rows.flatMap((row) => row.to).sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }));
  const reason = (row: LeafMappingRow) => (row.by === 'title' ? t('next.by.title', { percent: Math.round((row.similarity ?? 0) * 100) }) : t(`next.by.${row.by}`));
  return (
    <table className="data-table mapping-table">
      <thead>
        <tr>
          <th scope="col">{t('next.col.kind')}</th>
          <th scope="col">{t('next.col.old')}</th>
          <th scope="col">{t('next.col.new')}</th>
          <th scope="col">{t('next.col.reason')}</th>
          <th scope="col">{t('next.col.correct')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const old = row.from.length === 1 ? row.from[0]!.code : null;
          const key = `${row.from.map((r) => r.code).join('+')}>${row.to.map((r) => r.code).join('+')}`;
          const value = old === null || !(old in corrections) ? AUTO : (corrections[old] ?? NONE);
          return (
            <tr key={key}>
              <td className={`mapping-kind--${row.kind}`}>{t(`next.kind.${row.kind}`)}</td>
              <td style={{ whiteSpace: 'pre-line' }}>{refText(row.from)}</td>
              <td style={{ whiteSpace: 'pre-line' }}>{refText(row.to)}</td>
              <td>{reason(row)}</td>
              <td>
                {old !== null && (
                  <select
                    aria-label={t('next.correctLabel', { code: old })}
                    value={value}
                    disabled={readOnly}
                    onChange={(e) => onCorrect(old, e.target.value === AUTO ? undefined : e.target.value === NONE ? null : e.target.value)}
                  >
                    <option value={AUTO}>{t('next.auto')}</option>
                    <option value={NONE}>{t('next.noCounterpart')}</option>
                    {newLeaves.map((leaf) => (
                      <option key={leaf.code} value={leaf.code}>
                        {leaf.code} {leaf.title.length > 60 ? `${leaf.title.slice(0, 60)}…` : leaf.title}
                      </option>
                    ))}
                  </select>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
