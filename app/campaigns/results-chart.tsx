import { useTranslation } from "~/infra/i18n/react";

type Results = {
  recipients: number;
  delivered: number;
  failed: number;
  unsubscribed: number;
  yes: number;
  no: number;
  registered: number;
};

// What an invitation brought, as horizontal bars against the number invited (plain SVG).
export function ResultsChart({ results }: { results: Results }) {
  const { t } = useTranslation();
  const rows = (["recipients", "delivered", "failed", "unsubscribed", "yes", "no", "registered"] as const).map(
    (key) => ({ key, value: results[key] }),
  );
  const max = Math.max(1, results.recipients, results.delivered);
  const barHeight = 28;
  return (
    <figure className="mt-3">
      <svg
        viewBox={`0 0 400 ${rows.length * barHeight}`}
        className="w-full"
        role="img"
        aria-labelledby="results-caption"
      >
        {rows.map((row, i) => (
          <g key={row.key} transform={`translate(0 ${i * barHeight})`}>
            <text x="0" y="18" fontSize="12" fill="#1f2933">
              {t(`campaigns.results.${row.key}`)}
            </text>
            <rect
              x="150"
              y="6"
              height="16"
              rx="3"
              width={(200 * row.value) / max}
              fill={row.key === "failed" || row.key === "no" || row.key === "unsubscribed" ? "#b4432b" : "#2f7d4f"}
            />
            <text x={156 + (200 * row.value) / max} y="18" fontSize="12" fill="#1f2933">
              {row.value}
            </text>
          </g>
        ))}
      </svg>
      <figcaption id="results-caption" className="mt-2 text-sm text-gray-700">
        {rows.map((row) => `${t(`campaigns.results.${row.key}`)} : ${row.value}`).join(" · ")}
      </figcaption>
    </figure>
  );
}
