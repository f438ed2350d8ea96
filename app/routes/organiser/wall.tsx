import { useTranslation } from "~/infra/i18n/react";
import { data, href, Link, useFetcher } from "react-router";
import type { Route } from "./+types/wall";
import { eventOrganiser } from "~/auth/event-organiser.server";
import { db } from "~/infra/db/db.server";
import { FormErrors } from "~/ui/form";
import { pageTitle } from "~/ui/meta";
import { moderationQueue } from "~/wall/admin.server";
import { banPostAuthor, moderatePost } from "~/wall/moderation.server";
import { ModerationLog, PostQueue, QueueTabs } from "~/wall/queue-sections";
import { useQueueKeys, useQueueRefresh } from "~/wall/use-queue-keys";
import type { PostAction } from "~/wall/moderation";
import { moderationSchema, queueTabs, type ModerationAction, type QueueTab } from "~/wall/wall-forms";
import { readForm } from "~/infra/request-body.server";
import { pageStrings } from "~/infra/i18n/strings.server";
import { PageHeader } from "~/ui/page-header";
import { useEventCrumbs } from "~/events/event-crumbs";

export async function loader({ request, context }: Route.LoaderArgs) {
  const { event } = eventOrganiser(context);
  const asked = new URL(request.url).searchParams.get("onglet");
  const tab: QueueTab = queueTabs.includes(asked as QueueTab) ? (asked as QueueTab) : "pending";
  return {
    event,
    tab,
    ...(await moderationQueue(db(), event.id, tab)),
    strings: await pageStrings(request, "dashboard", "errors", "event", "wall"),
  };
}

type Moderation = { eventId: string; postId: string; userId: string };
type Outcome = { ok: true } | { ok: false; error: string; status: number };

// A moderation action on the post; refused (409) when the post is no longer in a state it applies to.
const moderate =
  (action: ModerationAction) =>
  async (input: Moderation): Promise<Outcome> => {
    const result = await moderatePost(db(), { ...input, action });
    return result.ok ? result : { ...result, status: 409 };
  };

// One handler per button of postActions().
const handlers: Record<PostAction, (input: Moderation) => Promise<Outcome>> = {
  approve: moderate("approve"),
  reject: moderate("reject"),
  pin: moderate("pin"),
  unpin: moderate("unpin"),
  hide: moderate("hide"),
  ban: async (input) => {
    const banned = await banPostAuthor(db(), input);
    return banned.ok ? banned : { ...banned, status: 400 };
  },
};

export async function action({ request, context }: Route.ActionArgs) {
  const { user, event } = eventOrganiser(context);
  const parsed = moderationSchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) return data({ error: parsed.error.issues[0]!.message }, { status: 400 });
  const { postId, action } = parsed.data;
  const done = await handlers[action]({ eventId: event.id, postId, userId: user.id });
  return done.ok ? { error: null } : data({ error: done.error }, { status: done.status });
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => t("wall.queue.title"));
}

export default function WallQueue({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { event, tab, posts, counts, actions, settings } = loaderData;
  const fetcher = useFetcher<typeof action>();
  const { selected, setSelected, list } = useQueueKeys(posts, fetcher);
  useQueueRefresh(fetcher.state);
  const error = fetcher.data?.error ?? actionData?.error;

  return (
    <>
      <PageHeader
        breadcrumbs={useEventCrumbs(event)}
        title={t("wall.queue.title")}
        aside={
          <p className="flex flex-wrap gap-4 text-sm">
            <Link to="reglages">{t("wall.setup.title")}</Link>
            <a href={href("/e/:eventSlug/mur/ecran", { eventSlug: event.slug })} target="_blank" rel="noreferrer">
              {t("wall.queue.openScreen")}
            </a>
          </p>
        }
        lead={
          <>
            {t(settings.moderation === "PRE" ? "wall.queue.leadPre" : "wall.queue.leadPost")}{" "}
            {settings.open ? null : <strong>{t("wall.queue.closed")}</strong>}
          </>
        }
      />
      <QueueTabs tab={tab} counts={counts} />
      <p className="mt-3 text-sm text-gray-700">{t("wall.queue.keys")}</p>
      <div className="mt-2">{error ? <FormErrors errors={[error]} /> : null}</div>
      <div className="mt-4 grid gap-6 lg:grid-cols-[1fr_20rem]">
        {posts.length === 0 ? <p className="text-gray-700">{t(`wall.queue.empty.${tab}`)}</p> : null}
        <PostQueue
          posts={posts}
          tab={tab}
          selected={selected}
          onSelect={setSelected}
          listRef={list}
          timeZone={event.timeZone}
        />
        <ModerationLog actions={actions} timeZone={event.timeZone} />
      </div>
    </>
  );
}
