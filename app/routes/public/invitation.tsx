import { useLocale, useTranslation } from "~/infra/i18n/react";
import { data, Form, href, Link } from "react-router";
import type { Route } from "./+types/invitation";
import { notFound } from "~/auth/roles.server";
import { answerSchema } from "~/campaigns/campaign-form";
import { answerInvitation, findInvitation, invitationOpen } from "~/campaigns/campaigns.server";
import { db } from "~/infra/db/db.server";
import { env } from "~/infra/env.server";
import { localized } from "~/infra/i18n/i18n";
import { FormErrors, Notice, SubmitButton } from "~/ui/form";
import { pageTitle } from "~/ui/meta";
import { readForm } from "~/infra/request-body.server";
import { pageStrings } from "~/infra/i18n/strings.server";
import { whenLine } from "~/events/where-and-when";

// The personal link of an invitation: the person answers yes or no (no account needed), and
// those who come are offered the registration.
async function invitation(token: string) {
  const found = await findInvitation(db(), token, env().SESSION_SECRET);
  if (!found) notFound();
  if (!invitationOpen(found)) throw data({ message: "errorPage.reasons.invitationOver" }, { status: 410 });
  return found;
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const found = await invitation(params.token);
  const { event } = found.campaign;
  return {
    strings: await pageStrings(
      request,
      "campaigns.defaults",
      "campaigns.errors",
      "campaigns.testTag",
      "event.online",
      "invitation",
    ),
    firstName: found.firstName,
    answer: found.answer,
    event: {
      slug: event.slug,
      titleFr: event.titleFr,
      titleEn: event.titleEn,
      startsAt: event.startsAt,
      timeZone: event.timeZone,
      venueName: event.venueName,
      venueAddress: event.venueAddress,
      onlineUrl: event.onlineUrl,
      canceledAt: event.canceledAt,
    },
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const found = await invitation(params.token);
  const parsed = answerSchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) return data({ error: parsed.error.issues[0]!.message }, { status: 400 });
  await answerInvitation(db(), found.id, parsed.data.answer);
  return { error: null };
}

export function meta({ data, matches }: Route.MetaArgs) {
  return [
    ...pageTitle(
      matches,
      (t, locale) => data && t("invitation.title", { event: localized(data.event, "title", locale) }),
    ),
    { name: "robots", content: "noindex" },
  ];
}

export default function Invitation({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { event, answer, firstName } = loaderData;
  const place = [event.venueName, event.venueAddress].filter(Boolean).join(", ") || t("event.online");
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="text-3xl font-extrabold">{t("invitation.title", { event: localized(event, "title", locale) })}</h1>
      <p className="mt-3 text-lg">
        {firstName ? t("invitation.hello", { name: firstName }) : t("invitation.helloAnonymous")}
      </p>
      <p className="mt-2 text-gray-800">
        {whenLine(event, locale)}
        <br />
        {place}
      </p>
      {event.canceledAt ? (
        <p className="mt-6 rounded-md bg-red-50 p-3 text-red-900">{t("invitation.canceled")}</p>
      ) : (
        <>
          <div className="mt-6 space-y-3">
            {actionData?.error ? <FormErrors errors={[actionData.error]} /> : null}
            {answer === "YES" ? <Notice>{t("invitation.saidYes")}</Notice> : null}
            {answer === "NO" ? <Notice tone="info">{t("invitation.saidNo")}</Notice> : null}
          </div>
          <Form method="post" className="mt-6 flex flex-wrap gap-3">
            <SubmitButton name="answer" value="YES" variant={answer === "YES" ? "secondary" : "primary"}>
              {t("invitation.yes")}
            </SubmitButton>
            <SubmitButton name="answer" value="NO" variant="secondary">
              {t("invitation.no")}
            </SubmitButton>
          </Form>
          {answer === "YES" ? (
            <p className="mt-6">
              <Link
                to={href("/e/:eventSlug/billets", { eventSlug: event.slug })}
                className="inline-block rounded-md bg-brand-600 px-4 py-2 font-semibold text-white no-underline hover:bg-brand-700"
              >
                {t("invitation.register")}
              </Link>
            </p>
          ) : null}
        </>
      )}
      <p className="mt-8 text-sm">
        <Link to={href("/e/:eventSlug", { eventSlug: event.slug })}>{t("invitation.eventPage")}</Link>
      </p>
    </div>
  );
}
