import { Fragment, type ReactNode } from "react";
import { Link } from "react-router";
import { useTranslation } from "~/infra/i18n/react";

// One step of the trail: a link, or (the page's own place, say its organisation) plain text.
export type Crumb = { to?: string; label: ReactNode };

// Where a page sits in the back office: the pages above it, separated by " · ".
export function Breadcrumbs({ items }: { items: Crumb[] }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("nav.breadcrumbs")} className="text-sm text-gray-600">
      {items.map((item, index) => (
        <Fragment key={index}>
          {index > 0 ? " · " : null}
          {item.to ? <Link to={item.to}>{item.label}</Link> : item.label}
        </Fragment>
      ))}
    </nav>
  );
}
