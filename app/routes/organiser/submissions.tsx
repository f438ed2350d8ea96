import { parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "~/infra/i18n/react";
import { data, href, Link, redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/submissions";
import { eventOrganiser } from "~/auth/event-organiser.server";
import { submissionStates } from "~/cfp/states";
import { callForEvent } from "~/cfp/call.server";
import { invitedTalkSchema } from "~/cfp/decision-form";
import { addInvitedTalk, eventSubmissions } from "~/cfp/submissions.server";
import { networkTalks } from "~/cfp/story-copies.server";
import { InvitedTalkSection, SubmissionsFilter, SubmissionsTable } from "~/cfp/submissions-sections";
import { db } from "~/infra/db/db.server";
import { pageTitle } from "~/ui/meta";
import { readForm } from "~/infra/request-body.server";
import { pageStrings } from "~/infra/i18n/strings.server";
import { pageParam } from "~/infra/pagination";
import { Pagination } from "~/ui/pagination";
import { PageHeader } from "~/ui/page-header";
import { useEventCrumbs } from "~/events/event-crumbs";

const filterSchema = z.object({ etat: z.enum(submissionStates).optional().catch(undefined), page: pageParam });

export async function loader({ request, context }: Route.LoaderArgs) {
  const { event } = eventOrganiser(context);
  const { etat, page } = filterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [{ formats, tracks }, { rows: submissions, ...span }] = await Promise.all([
    callForEvent(db(), event.id),
    eventSubmissions(db(), event.id, etat, page),
  ]);
  const speakerIds = [...new Set(submissions.flatMap((s) => s.speakers.map((sp) => sp.userId)))];
  const elsewhere = await networkTalks(db(), event.organisationId, event.id, speakerIds);
  return {
    elsewhere,
    strings: await pageStrings(
      request,
      "callSettings",
      "dashboard",
      "errors",
      "event",
      "invited",
      "networkStories.link",
      "organiserSubmissions",
      "pagination",
      "speaker",
      "storyCopies.elsewhere",
      "storyCopies.errors",
      "submission",
      "submissionState",
    ),
    event: { slug: event.slug, titleFr: event.titleFr, titleEn: event.titleEn, timeZone: event.timeZone },
    state: etat ?? null,
    submissions,
    span,
    formats: formats.map(({ id, nameFr, nameEn, minutes }) => ({ id, nameFr, nameEn, minutes })),
    tracks: tracks.map(({ id, nameFr, nameEn }) => ({ id, nameFr, nameEn })),
    added: new URL(request.url).searchParams.has("ajoute"),
  };
}

// Organisers add an invited talk (keynote, panel) directly, without review.
export async function action({ request, context }: Route.ActionArgs) {
  const { user, event } = eventOrganiser(context);
  const submission = parseWithZod(await readForm(request), { schema: invitedTalkSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const added = await addInvitedTalk(db(), { eventId: event.id, organiserId: user.id, talk: submission.value });
  if (!added.ok)
    return data(
      { result: submission.reply({ fieldErrors: { [added.field ?? "title"]: [added.error] } }) },
      { status: 400 },
    );
  return redirect(`${href("/organisateur/evenements/:eventSlug/recits", { eventSlug: event.slug })}?ajoute`);
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => t("organiserSubmissions.title"));
}

export default function OrganiserSubmissions({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { event, submissions, span, state, formats, tracks, added } = loaderData;
  return (
    <>
      <PageHeader breadcrumbs={useEventCrumbs(event)} title={t("organiserSubmissions.title")} />
      <p className="mt-2 text-sm">
        <Link to={href("/organisateur/evenements/:eventSlug/recits/reseau", { eventSlug: event.slug })}>
          {t("networkStories.link")}
        </Link>
      </p>
      <SubmissionsFilter state={state} />
      <p className="mt-4 text-sm text-gray-700">{t("organiserSubmissions.count", { count: span.total })}</p>
      <SubmissionsTable submissions={submissions} timeZone={event.timeZone} elsewhere={loaderData.elsewhere} />
      <Pagination {...span} label={t("organiserSubmissions.pages")} />
      <InvitedTalkSection
        formats={formats}
        tracks={tracks}
        added={added}
        eventSlug={event.slug}
        lastResult={actionData?.result}
      />
    </>
  );
}
