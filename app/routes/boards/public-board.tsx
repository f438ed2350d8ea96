import { href, Link } from "react-router";
import type { Route } from "./+types/public-board";
import { notFound } from "~/auth/roles.server";
import { BoardView } from "~/boards/board-sections";
import { publicBoard } from "~/boards/boards.server";
import { db } from "~/infra/db/db.server";
import { localized } from "~/infra/i18n/i18n";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { pageStrings } from "~/infra/i18n/strings.server";
import { publicPageHeaders } from "~/infra/page-cache.server";
import { pageTitle } from "~/ui/meta";
import { PageHeader } from "~/ui/page-header";
import { loadAsDocument, withoutReact } from "~/ui/without-react";

export const headers = publicPageHeaders;
export const handle = withoutReact;
export const clientLoader = loadAsDocument;

// A series' board of resources, for everyone when its organisers made it public; else it says
// how those registered reach it.
export async function loader({ request, params }: Route.LoaderArgs) {
  const found = await publicBoard(db(), params.seriesSlug);
  if (!found) notFound();
  return { ...found, strings: await pageStrings(request, "boards", "errors.notFound", "series.public") };
}

export function meta({ data, matches }: Route.MetaArgs) {
  return pageTitle(
    matches,
    (t, locale) => data && t("boards.titleOf", { series: localized(data.series, "title", locale) }),
  );
}

export default function PublicBoard({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { series, board } = loaderData;
  return (
    <>
      <PageHeader
        breadcrumbs={[
          {
            to: href("/serie/:seriesSlug", { seriesSlug: series.slug }),
            label: localized(series, "title", locale),
          },
        ]}
        title={t("boards.titleOf", { series: localized(series, "title", locale) })}
        lead={t("boards.lead")}
      />
      {board ? (
        <>
          <p className="mt-3 text-sm">
            {t("boards.contribute")}{" "}
            <Link to={href("/serie/:seriesSlug", { seriesSlug: series.slug })} className="underline">
              {t("boards.register")}
            </Link>
          </p>
          <BoardView board={board} timeZone={series.timeZone} />
        </>
      ) : (
        <p className="mt-4 card p-4">
          {t("boards.registrantsOnly")}{" "}
          <Link to={href("/serie/:seriesSlug", { seriesSlug: series.slug })} className="underline">
            {t("boards.register")}
          </Link>
        </p>
      )}
    </>
  );
}
