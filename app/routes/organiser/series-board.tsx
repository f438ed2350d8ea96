import { href } from "react-router";
import type { Route } from "./+types/series-board";
import { requireSeriesOrganiser } from "~/auth/roles.server";
import { itemSchema, postSchema, visibilitySchema } from "~/boards/board-form";
import {
  BoardFeedback,
  PostSection,
  SessionsSection,
  VisibilitySection,
  WaitingSection,
} from "~/boards/board-admin-sections";
import {
  moderateResource,
  organiserBoard,
  postResource,
  removeResource,
  renewGuestLink,
  setBoardVisibility,
  setPinned,
} from "~/boards/boards.server";
import { sendFollowUp } from "~/boards/follow-up.server";
import { db } from "~/infra/db/db.server";
import { env } from "~/infra/env.server";
import { intentsFor, runIntent, type IntentReply } from "~/infra/form-intents.server";
import { linkContext } from "~/infra/links.server";
import { localized } from "~/infra/i18n/i18n";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { pageStrings } from "~/infra/i18n/strings.server";
import { pageTitle } from "~/ui/meta";
import { PageHeader } from "~/ui/page-header";

// A series' board of resources, for its organisers: who sees it, the participants' suggestions to
// moderate, their own posts, and per session its resources, its guests' link and its follow-up.
export async function loader({ request, params }: Route.LoaderArgs) {
  const { series } = await requireSeriesOrganiser(request, params.seriesSlug);
  return {
    page: await organiserBoard(db(), series.id),
    appUrl: env().APP_URL,
    strings: await pageStrings(request, "boards", "dashboard", "errors", "series"),
  };
}

type Input = { seriesId: string; user: { id: string; name: string } };
const { conform, plain } = intentsFor<Input>();
const handlers = {
  visibility: plain("visibility", visibilitySchema, (value, { seriesId }) =>
    setBoardVisibility(db(), seriesId, value.boardVisibility),
  ),
  post: conform("post", postSchema, (value, { seriesId, user }) => postResource(db(), seriesId, value, user)),
  approve: plain("approve", itemSchema, (value, { seriesId }) => moderateResource(db(), seriesId, value.id, true)),
  reject: plain("reject", itemSchema, (value, { seriesId }) => moderateResource(db(), seriesId, value.id, false)),
  pin: plain("pin", itemSchema, (value, { seriesId }) => setPinned(db(), seriesId, value.id, true)),
  unpin: plain("unpin", itemSchema, (value, { seriesId }) => setPinned(db(), seriesId, value.id, false)),
  remove: plain("remove", itemSchema, (value, { seriesId }) => removeResource(db(), seriesId, value.id)),
  "guest-link": plain("guest-link", itemSchema, (value, { seriesId }) => renewGuestLink(db(), seriesId, value.id)),
  "follow-up": plain("follow-up", itemSchema, (value, { seriesId }) =>
    sendFollowUp(db(), linkContext(), { sessionId: value.id, seriesId }),
  ),
};

export async function action({ request, params }: Route.ActionArgs) {
  const { series, user } = await requireSeriesOrganiser(request, params.seriesSlug);
  return runIntent(handlers, { request, seriesId: series.id, user });
}

export function meta({ data, matches }: Route.MetaArgs) {
  return pageTitle(
    matches,
    (t, locale) => data && t("boards.titleOf", { series: localized(data.page.series, "title", locale) }),
  );
}

export default function SeriesBoard({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { page, appUrl } = loaderData;
  const { series } = page;
  const reply = actionData as IntentReply | undefined;
  const guestUrl = (token: string | null) =>
    token ? `${appUrl}${href("/ressources/invite/:token", { token })}` : null;
  return (
    <>
      <PageHeader
        breadcrumbs={[
          { to: href("/organisateur"), label: t("dashboard.title") },
          {
            to: href("/organisateur/series/:seriesSlug", { seriesSlug: series.slug }),
            label: localized(series, "title", locale),
          },
          {
            to: href("/serie/:seriesSlug/ressources", { seriesSlug: series.slug }),
            label: t("boards.admin.publicBoard"),
          },
        ]}
        title={t("boards.titleOf", { series: localized(series, "title", locale) })}
        lead={t("boards.admin.lead")}
      />
      {/* A removed item is no longer there to be spoken of beside. */}
      <div aria-live="polite">
        <BoardFeedback reply={reply} intent="remove" />
      </div>
      <p className="mt-2 text-sm lg:hidden">
        {t("boards.admin.jump")} <a href="#publier">{t("boards.admin.post")}</a> ·{" "}
        <a href="#visibilite">{t("boards.admin.visibility")}</a>
      </p>
      <div className="mt-4 grid gap-6 lg:grid-cols-[1fr_24rem]">
        <div>
          <WaitingSection waiting={page.waiting} timeZone={series.timeZone} reply={reply} />
          <SessionsSection page={page} guestUrl={guestUrl} reply={reply} />
        </div>
        <div className="space-y-6">
          <PostSection sessions={page.sessions} timeZone={series.timeZone} reply={reply} />
          <VisibilitySection visibility={series.boardVisibility} reply={reply} />
        </div>
      </div>
    </>
  );
}
