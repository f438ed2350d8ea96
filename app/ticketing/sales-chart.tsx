import { useTranslation } from "~/infra/i18n/react";

export type SalesSeries = { name: string; points: { day: string; total: number }[] };

const COLOURS = ["#b4432b", "#2563eb", "#15803d", "#a16207", "#7c3aed", "#0f766e"];

// Tickets sold over time, one cumulative line per ticket type, drawn as plain SVG (no chart
// library): what an organiser glances at to see whether the room will fill.
export function SalesChart({ days, series }: { days: string[]; series: SalesSeries[] }) {
  const { t } = useTranslation();
  if (days.length === 0) return <p className="text-sm text-gray-700">{t("ticketing.noSales")}</p>;
  const width = 640;
  const height = 220;
  const pad = { left: 36, right: 12, top: 12, bottom: 28 };
  const max = Math.max(1, ...series.flatMap((s) => s.points.map((p) => p.total)));
  const x = (i: number) =>
    pad.left + (days.length === 1 ? 0 : (i / (days.length - 1)) * (width - pad.left - pad.right));
  const y = (v: number) => height - pad.bottom - (v / max) * (height - pad.top - pad.bottom);
  return (
    <figure>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={t("ticketing.chartLabel")} className="w-full card">
        <line x1={pad.left} x2={width - pad.right} y1={y(0)} y2={y(0)} stroke="#d6d3d1" />
        <text x={pad.left - 6} y={y(max) + 4} textAnchor="end" fontSize="11" fill="#57534e">
          {max}
        </text>
        <text x={pad.left - 6} y={y(0) + 4} textAnchor="end" fontSize="11" fill="#57534e">
          0
        </text>
        <text x={x(0)} y={height - 8} fontSize="11" fill="#57534e">
          {days[0]}
        </text>
        {days.length > 1 ? (
          <text x={x(days.length - 1)} y={height - 8} textAnchor="end" fontSize="11" fill="#57534e">
            {days.at(-1)}
          </text>
        ) : null}
        {series.map((s, i) => (
          <g key={s.name} stroke={COLOURS[i % COLOURS.length]} fill={COLOURS[i % COLOURS.length]}>
            <polyline
              fill="none"
              strokeWidth="2.5"
              points={s.points.map((p, j) => `${x(j)},${y(p.total)}`).join(" ")}
            />
            {s.points.map((p, j) => (
              <circle key={p.day} cx={x(j)} cy={y(p.total)} r="3" />
            ))}
          </g>
        ))}
      </svg>
      <figcaption className="mt-2 flex flex-wrap gap-4 text-sm">
        {series.map((s, i) => (
          <span key={s.name} className="flex items-center gap-1">
            <span
              aria-hidden="true"
              className="inline-block h-3 w-3 rounded-sm"
              style={{ background: COLOURS[i % COLOURS.length] }}
            />
            {s.name} — {s.points.at(-1)?.total ?? 0}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
