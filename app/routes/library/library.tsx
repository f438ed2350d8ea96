import { href } from "react-router";
import type { Route } from "./+types/library";
import { libraryFilters } from "~/library/library-form";
import { libraryPage } from "~/library/library.server";
import { LibrarySearch, StoryCards } from "~/library/library-sections";
import { db } from "~/infra/db/db.server";
import { useTranslation } from "~/infra/i18n/react";
import { pageStrings } from "~/infra/i18n/strings.server";
import { publicPageHeaders } from "~/infra/page-cache.server";
import { EmptyState } from "~/ui/empty-state";
import { pageTitle } from "~/ui/meta";
import { PageHeader } from "~/ui/page-header";
import { Pagination } from "~/ui/pagination";

export const headers = publicPageHeaders;

// The rebound library: the stories told on stage across editions, searched in French and English.
export async function loader({ request }: Route.LoaderArgs) {
  const filters = libraryFilters(new URL(request.url).searchParams);
  return {
    filters,
    page: await libraryPage(db(), filters),
    strings: await pageStrings(request, "library", "pagination"),
  };
}

export function meta({ matches }: Route.MetaArgs) {
  return [
    ...pageTitle(matches, (t) => t("library.title")),
    { tagName: "link", rel: "alternate", type: "application/atom+xml", href: href("/bibliotheque/flux.atom") },
  ];
}

export default function Library({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { filters, page } = loaderData;
  const searching = Boolean(filters.q || filters.kind || filters.sector || filters.region || filters.year);
  return (
    <>
      <PageHeader
        title={t("library.title")}
        lead={t("library.lead")}
        aside={<a href={href("/bibliotheque/flux.atom")}>{t("library.feed")}</a>}
      />
      <LibrarySearch filters={filters} choices={page.choices} />
      <p className="mt-4 text-sm text-gray-700" role="status">
        {searching ? t("library.found", { count: page.total }) : t("library.count", { count: page.total })}
      </p>
      {page.rows.length ? (
        <StoryCards stories={page.rows} />
      ) : (
        <EmptyState>{searching ? t("library.noneFound") : t("library.empty")}</EmptyState>
      )}
      <Pagination page={page.page} pages={page.pages} total={page.total} size={page.size} label={t("library.pages")} />
    </>
  );
}
