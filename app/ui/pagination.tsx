import { useTranslation } from "~/infra/i18n/react";
import { Link, useLocation } from "react-router";
import { pageQuery } from "~/infra/pagination";

// Previous / next links of a paginated list and where the reader is in it: plain links carrying
// `?page=` with the list's filters, so they work without JavaScript.
export function Pagination({
  page,
  pages,
  total,
  size,
  label,
}: {
  page: number;
  pages: number;
  total: number;
  size: number;
  label: string;
}) {
  const { t } = useTranslation();
  const { search } = useLocation();
  if (pages <= 1) return null;
  const from = (page - 1) * size + 1;
  const to = Math.min(total, page * size);
  return (
    <nav aria-label={label} className="mt-3 flex flex-wrap items-center gap-3 text-sm">
      {page > 1 ? (
        <>
          <Link to={pageQuery(search, 1)}>{t("pagination.first")}</Link>
          <Link to={pageQuery(search, page - 1)} rel="prev">
            {t("pagination.previous")}
          </Link>
        </>
      ) : null}
      <span aria-current="page">{t("pagination.pageOf", { page, pages })}</span>
      <span className="text-gray-600">{t("pagination.range", { from, to, total })}</span>
      {page < pages ? (
        <>
          <Link to={pageQuery(search, page + 1)} rel="next">
            {t("pagination.next")}
          </Link>
          <Link to={pageQuery(search, pages)}>{t("pagination.last")}</Link>
        </>
      ) : null}
    </nav>
  );
}
