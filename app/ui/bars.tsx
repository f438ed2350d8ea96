// Horizontal bars, one per rating or option, with their counts; a count withheld to protect a
// small group (null) is written `withheld` and drawn empty.
export function Bars({
  items,
  withheld = "",
}: {
  items: { label: string; count: number | null }[];
  withheld?: string;
}) {
  const max = Math.max(1, ...items.map((item) => item.count ?? 0));
  return (
    <ul className="mt-2 space-y-1 text-sm">
      {items.map(({ label, count }) => (
        <li key={label} className="grid grid-cols-[8rem_1fr_auto] items-center gap-2 sm:grid-cols-[13rem_1fr_auto]">
          <span className="truncate">{label}</span>
          <span className="h-4 rounded bg-stone-100">
            <span className="block h-4 rounded bg-brand-600" style={{ width: `${((count ?? 0) / max) * 100}%` }} />
          </span>
          <span className="min-w-10 text-right tabular-nums">{count ?? withheld}</span>
        </li>
      ))}
    </ul>
  );
}
