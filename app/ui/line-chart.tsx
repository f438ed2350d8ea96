// A line per series over a few points (seasons): drawn in SVG, named for screen readers by
// `label`; the figures themselves are in the table beside it.
export function LineChart({
  label,
  points,
  series,
}: {
  label: string;
  points: string[];
  series: { name: string; values: number[]; className: string }[];
}) {
  const width = 480;
  const height = 160;
  const pad = 28;
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const x = (i: number) => (points.length === 1 ? width / 2 : pad + (i * (width - 2 * pad)) / (points.length - 1));
  const y = (v: number) => height - pad - (v / max) * (height - 2 * pad);
  return (
    <figure className="mt-3">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} className="h-auto w-full max-w-xl">
        <line x1={pad} x2={width - pad} y1={height - pad} y2={height - pad} className="stroke-stone-300" />
        {points.map((point, i) => (
          <text key={point} x={x(i)} y={height - 8} textAnchor="middle" className="fill-gray-600 text-[11px]">
            {point}
          </text>
        ))}
        {series.map((s) => (
          <g key={s.name} className={s.className}>
            <polyline
              fill="none"
              strokeWidth={2.5}
              stroke="currentColor"
              points={s.values.map((v, i) => `${x(i)},${y(v)}`).join(" ")}
            />
            {s.values.map((v, i) => (
              <g key={points[i]}>
                <circle cx={x(i)} cy={y(v)} r={3.5} fill="currentColor" />
                <text x={x(i)} y={y(v) - 8} textAnchor="middle" className="text-[11px]" fill="currentColor">
                  {v}
                </text>
              </g>
            ))}
          </g>
        ))}
      </svg>
      <figcaption className="mt-1 flex flex-wrap gap-4 text-sm">
        {series.map((s) => (
          <span key={s.name} className={`inline-flex items-center gap-1 ${s.className}`}>
            <span aria-hidden="true">●</span>
            <span className="text-gray-800">{s.name}</span>
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
