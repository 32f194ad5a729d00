import type { FieldSeries } from '../../../shared/api/channels/years';
import { formatPointsVi } from '../../../shared/format/numbers';
import { useT } from '../../i18n/i18n';

const COLORS = ['#1d4ed8', '#b91c1c', '#15803d', '#a16207', '#7e22ce', '#0e7490', '#be185d', '#4d7c0f', '#c2410c', '#334155'];
const W = 640;
const H = 260;
const PAD = { left: 44, right: 16, top: 12, bottom: 28 };

/** Points per field across years as lines, in plain SVG (no chart library): one colour per field, a legend and a data table beside it for screen readers. */
export function FieldChart({ years, fields }: { years: number[]; fields: FieldSeries[] }) {
  const t = useT();
  const maxMilli = Math.max(1, ...fields.flatMap((f) => [...f.maxMilli, ...f.pointsMilli].filter((v): v is number => v !== null)));
  const x = (i: number) => PAD.left + (years.length <= 1 ? (W - PAD.left - PAD.right) / 2 : (i * (W - PAD.left - PAD.right)) / (years.length - 1));
  const y = (milli: number) => H - PAD.bottom - (milli / maxMilli) * (H - PAD.top - PAD.bottom);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => Math.round(maxMilli * f));
  return (
    <figure>
      <svg className="yoy-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('yoy.chartLabel')}>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(tick)} y2={y(tick)} stroke="#e5e7eb" />
            <text x={PAD.left - 6} y={y(tick) + 4} fontSize="11" textAnchor="end" fill="#475569">
              {formatPointsVi(tick, 1)}
            </text>
          </g>
        ))}
        {years.map((year, i) => (
          <text key={year} x={x(i)} y={H - 8} fontSize="12" textAnchor="middle" fill="#334155">
            {year}
          </text>
        ))}
        {fields.map((f, fi) => {
          const color = COLORS[fi % COLORS.length]!;
          const points = f.pointsMilli.map((v, i) => (v === null ? null : { cx: x(i), cy: y(v), v }));
          const path = points
            .map((p, i) => (p === null ? '' : `${i === 0 || points[i - 1] === null ? 'M' : 'L'}${p.cx.toFixed(1)},${p.cy.toFixed(1)}`))
            .join(' ')
            .trim();
          return (
            <g key={f.code} data-field={f.code}>
              {path !== '' && <path d={path} fill="none" stroke={color} strokeWidth="2" />}
              {points.map((p, i) =>
                p === null ? null : (
                  <circle key={years[i]} cx={p.cx} cy={p.cy} r="3.5" fill={color}>
                    <title>{`${f.code}. ${f.title} – ${years[i]}: ${formatPointsVi(p.v)}`}</title>
                  </circle>
                ),
              )}
            </g>
          );
        })}
      </svg>
      <ul className="yoy-legend">
        {fields.map((f, fi) => (
          <li key={f.code}>
            <span className="yoy-swatch" style={{ background: COLORS[fi % COLORS.length] }} aria-hidden="true" />
            {f.code}. {f.title}
          </li>
        ))}
      </ul>
    </figure>
  );
}
