import { useLocale, useTranslation } from "~/infra/i18n/react";
import { data, Form, href, Link } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/my-agenda";
import { feedGeneration, personalFeedToken, renewFeedAddress, setStar, starredTalkIds } from "~/agenda/personal.server";
import { publishedAgenda } from "~/agenda/public.server";
import { visibleEvent } from "~/events/visibility.server";
import { TalkCard } from "~/agenda/talk-card";
import { notFound } from "~/auth/roles.server";
import { getUser, requireUser, signInPath } from "~/auth/session.server";
import { db } from "~/infra/db/db.server";
import { env } from "~/infra/env.server";
import { localized } from "~/infra/i18n/i18n";
import { FormErrors, Notice, SubmitButton } from "~/ui/form";
import { pageTitle } from "~/ui/meta";
import { readForm } from "~/infra/request-body.server";
import { pageStrings } from "~/infra/i18n/strings.server";
import { EmptyState } from "~/ui/empty-state";

// Someone without an account (a buyer, say) is told what "my programme" is and how to get one
// with the address they booked with, rather than sent to a sign-in form without a word.
async function signedOutPage(request: Request, slug: string) {
  const event = await visibleEvent(db(), slug, undefined);
  if (!event) notFound();
  return {
    strings: await pageStrings(request, "agenda", "errors.badIntent", "errors.notFound", "event.online"),
    signInUrl: signInPath(request),
    event: { slug: event.slug, titleFr: event.titleFr, titleEn: event.titleEn, timeZone: event.timeZone },
    rooms: [],
    slots: [],
    feedUrl: "",
    webcalUrl: "",
  };
}

const starSchema = z.object({ intent: z.enum(["star", "unstar"]), submissionId: z.string().min(1) });

async function signedInAndEvent(request: Request, slug: string) {
  const user = await requireUser(request);
  const event = await visibleEvent(db(), slug, user.id);
  if (!event) notFound();
  return { user, event };
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await getUser(request);
  if (!user) return signedOutPage(request, params.eventSlug);
  const { event } = await signedInAndEvent(request, params.eventSlug);
  const [agenda, starred, generation] = await Promise.all([
    publishedAgenda(db(), event.id),
    starredTalkIds(db(), user.id, event.id),
    feedGeneration(db(), user.id),
  ]);
  const feedPath = href("/e/:eventSlug/agenda/:token", {
    eventSlug: event.slug,
    token: personalFeedToken({ id: user.id, feedGeneration: generation }, event.id, env().SESSION_SECRET),
  });
  return {
    strings: await pageStrings(request, "agenda", "errors.badIntent", "errors.notFound", "event.online"),
    signInUrl: null,
    event: { slug: event.slug, titleFr: event.titleFr, titleEn: event.titleEn, timeZone: event.timeZone },
    rooms: agenda?.rooms ?? [],
    slots: (agenda?.slots ?? []).filter((s) => s.talk && starred.has(s.talk.id)),
    feedUrl: `${env().APP_URL}${feedPath}`,
    webcalUrl: `${env().APP_URL.replace(/^https?:/, "webcal:")}${feedPath}`,
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { user, event } = await signedInAndEvent(request, params.eventSlug);
  const form = Object.fromEntries(await readForm(request));
  if (form.intent === "renew-feed") {
    await renewFeedAddress(db(), user.id);
    return { error: null, renewed: true };
  }
  const parsed = starSchema.safeParse(form);
  if (!parsed.success) return data({ error: "errors.badIntent" }, { status: 400 });
  const result = await setStar(db(), {
    userId: user.id,
    eventId: event.id,
    submissionId: parsed.data.submissionId,
    starred: parsed.data.intent === "star",
  });
  return result.ok ? { error: null } : data({ error: result.error }, { status: 400 });
}

export function meta({ data, matches }: Route.MetaArgs) {
  return pageTitle(matches, (t, locale) => data && `${t("agenda.mine")} — ${localized(data.event, "title", locale)}`);
}

export default function MyAgenda({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { event, rooms, slots, feedUrl, webcalUrl, signInUrl } = loaderData;
  return (
    <article className="max-w-3xl">
      <p className="text-sm font-semibold text-brand-600">
        <Link to={href("/e/:eventSlug", { eventSlug: event.slug })}>{localized(event, "title", locale)}</Link> ·{" "}
        <Link to={href("/e/:eventSlug/programme", { eventSlug: event.slug })}>{t("agenda.title")}</Link>
      </p>
      <h1 className="mt-1 text-3xl font-extrabold">{t("agenda.mine")}</h1>
      {signInUrl ? (
        <section className="mt-4 card p-4">
          <p>{t("agenda.signedOut.what")}</p>
          <p className="mt-2">{t("agenda.signedOut.how")}</p>
          <p className="mt-4">
            <Link to={signInUrl} className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white no-underline">
              {t("agenda.signedOut.signIn")}
            </Link>
          </p>
        </section>
      ) : (
        <MyAgendaContent
          event={event}
          rooms={rooms}
          slots={slots}
          feedUrl={feedUrl}
          webcalUrl={webcalUrl}
          actionData={actionData}
        />
      )}
    </article>
  );
}

function MyAgendaContent({
  event,
  rooms,
  slots,
  feedUrl,
  webcalUrl,
  actionData,
}: Omit<Route.ComponentProps["loaderData"], "strings" | "signInUrl"> & {
  actionData: Route.ComponentProps["actionData"];
}) {
  const { t } = useTranslation();
  return (
    <>
      {actionData?.error ? (
        <div className="mt-4">
          <FormErrors errors={[actionData.error]} />
        </div>
      ) : null}
      {slots.length === 0 ? <EmptyState page>{t("agenda.noneStarred")}</EmptyState> : null}
      <div className="mt-4 space-y-3">
        {slots.map((slot) => (
          <TalkCard
            key={slot.id}
            slot={slot}
            rooms={rooms}
            eventSlug={event.slug}
            timeZone={event.timeZone}
            starred
            signedIn
          />
        ))}
      </div>
      <section className="mt-8 card p-4">
        <h2 className="font-bold">{t("agenda.feedTitle")}</h2>
        <p className="mt-1 text-sm text-gray-700">{t("agenda.feedLead")}</p>
        <p className="mt-2 break-all rounded bg-stone-100 px-2 py-1 font-mono text-sm">{feedUrl}</p>
        <p className="mt-2 text-sm">
          <a href={webcalUrl}>{t("agenda.feedOpen")}</a>
        </p>
        {actionData && "renewed" in actionData ? (
          <div className="mt-2">
            <Notice>{t("agenda.feedRenewed")}</Notice>
          </div>
        ) : null}
        <Form method="post" className="mt-3">
          <input type="hidden" name="intent" value="renew-feed" />
          <SubmitButton variant="secondary">{t("agenda.feedRenew")}</SubmitButton>
          <p className="mt-1 text-xs text-gray-600">{t("agenda.feedRenewHint")}</p>
        </Form>
      </section>
    </>
  );
}
