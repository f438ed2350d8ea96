import type { ReactNode } from "react";

// A titled part of a page on the card surface: its heading, a line that says what it is for,
// then its body. className places it (margins, width).
export function Section({
  title,
  lead,
  className = "",
  children,
}: {
  title: ReactNode;
  lead?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section className={`${className} card p-4`}>
      <h2 className="text-xl font-bold">{title}</h2>
      {lead ? <p className="mt-1 text-sm text-gray-700">{lead}</p> : null}
      {children}
    </section>
  );
}
