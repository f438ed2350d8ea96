import type { ReactNode } from "react";
import { Breadcrumbs, type Crumb } from "./breadcrumbs";

// The top of a back-office page: its breadcrumbs, its title (with, beside it, links of its own)
// and the sentence that says what the page is for.
export function PageHeader({
  breadcrumbs,
  title,
  aside,
  lead,
}: {
  breadcrumbs?: Crumb[];
  title: ReactNode;
  aside?: ReactNode;
  lead?: ReactNode;
}) {
  return (
    <>
      {breadcrumbs ? <Breadcrumbs items={breadcrumbs} /> : null}
      {aside ? (
        <div className="mt-1 flex flex-wrap items-end justify-between gap-3">
          <h1 className="text-3xl font-extrabold">{title}</h1>
          {aside}
        </div>
      ) : (
        <h1 className="mt-1 text-3xl font-extrabold">{title}</h1>
      )}
      {lead ? <p className="mt-2 max-w-3xl text-gray-700">{lead}</p> : null}
    </>
  );
}
