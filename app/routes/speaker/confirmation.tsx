import { useLocale, useTranslation } from "~/infra/i18n/react";
import { data, Form, href, Link } from "react-router";
import type { Route } from "./+types/confirmation";
import { notFound } from "~/auth/roles.server";
import { answerConfirmation, confirmationByToken, confirmationOpen } from "~/cfp/confirmation.server";
import { answerSchema } from "~/cfp/decision-form";
import { db } from "~/infra/db/db.server";
import { env } from "~/infra/env.server";
import { localized } from "~/infra/i18n/i18n";
import { FormErrors, SubmitButton } from "~/ui/form";
import { pageTitle } from "~/ui/meta";
import { readForm } from "~/infra/request-body.server";
import { pageStrings } from "~/infra/i18n/strings.server";
import { whenLine } from "~/events/where-and-when";

// The page the acceptance mail's link opens: the talk, and two buttons. The link alone changes
// nothing, so a mail scanner following it cannot confirm or decline for the speaker.
export async function loader({ request, params }: Route.LoaderArgs) {
  const found = await confirmationByToken(db(), params.token, env().SESSION_SECRET);
  if (!found) notFound();
  if (!confirmationOpen(found)) throw data({ message: "errorPage.reasons.confirmationClosed" }, { status: 410 });
  return {
    ...found,
    strings: await pageStrings(
      request,
      "confirmation",
      "errors.alreadyAnswered",
      "errors.badIntent",
      "errors.notFound",
      "errors.required",
      "errors.speakerLine",
      "errors.tooLong",
      "errors.tooShort",
      "event.online",
      "speaker.title",
      "submission.minutes",
    ),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const parsed = answerSchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) return data({ error: "errors.badIntent" }, { status: 400 });
  const answered = await answerConfirmation(db(), params.token, env().SESSION_SECRET, parsed.data.answer);
  if (!answered.ok) {
    if (answered.error === "errors.notFound") notFound();
    if (answered.error === "errorPage.reasons.confirmationClosed")
      throw data({ message: answered.error }, { status: 410 });
    return data({ error: answered.error }, { status: 409 });
  }
  return { error: null };
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => t("confirmation.title"));
}

export default function Confirmation({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { submission, user } = loaderData;
  const { event } = submission;
  return (
    <section className="mx-auto max-w-xl">
      <p className="text-sm font-semibold text-brand-600">{localized(event, "title", locale)}</p>
      <h1 className="mt-1 text-3xl font-extrabold">{t("confirmation.title")}</h1>
      <div className="mt-6 card p-5">
        <p className="text-lg font-bold">{submission.title}</p>
        <p className="mt-1 text-sm text-gray-700">
          {[
            user.name,
            `${localized(submission.format, "name", locale)} (${t("submission.minutes", { count: submission.format.minutes })})`,
          ]
            .filter(Boolean)
            .join(" · ")}
        </p>
        <p className="mt-1 text-sm text-gray-700">
          {whenLine(event, locale)}
          {event.venueName ? ` · ${event.venueName}` : ""}
        </p>
      </div>
      {actionData?.error ? (
        <div className="mt-4">
          <FormErrors errors={[actionData.error]} />
        </div>
      ) : null}
      {submission.state === "ACCEPTED" ? (
        <Form method="post" className="mt-6 flex flex-wrap gap-3">
          <SubmitButton name="answer" value="CONFIRMED">
            {t("confirmation.confirm")}
          </SubmitButton>
          <SubmitButton name="answer" value="DECLINED" variant="secondary">
            {t("confirmation.decline")}
          </SubmitButton>
        </Form>
      ) : (
        <p role="status" className="mt-6 rounded-md bg-green-50 px-3 py-2 text-green-900">
          {t(`confirmation.state.${submission.state}`)}
        </p>
      )}
      {submission.state === "CONFIRMED" ? <ProfileRequest profile={user.speakerProfile} /> : null}
      <p className="mt-6 text-sm">
        <Link to={href("/espace/recits")}>{t("speaker.title")}</Link>
      </p>
    </section>
  );
}

// Once the talk is confirmed, what the programme still needs from the speaker: a biography and a
// photo, asked for where they are entered.
function ProfileRequest({ profile }: { profile: { bio: string; photoUpdatedAt: Date | null } | null }) {
  const { t } = useTranslation();
  const missing = [
    !profile?.bio && t("confirmation.missingBio"),
    !profile?.photoUpdatedAt && t("confirmation.missingPhoto"),
  ];
  const asked = missing.filter((item): item is string => Boolean(item));
  if (!asked.length) return null;
  return (
    <div className="mt-6 card p-5">
      <h2 className="text-lg font-bold">{t("confirmation.profileTitle")}</h2>
      <p className="mt-1 text-sm text-gray-700">
        {t("confirmation.profileLead", { missing: asked.join(t("confirmation.and")) })}
      </p>
      <p className="mt-3">
        <Link to={href("/espace/profil")} className="font-semibold">
          {t("confirmation.profileLink")}
        </Link>
      </p>
    </div>
  );
}
