import { useLocale, useTranslation } from "~/infra/i18n/react";
import { href, Link } from "react-router";
import type { Route } from "./+types/submissions";
import { requireUser } from "~/auth/session.server";
import { SubmissionStateBadge } from "~/cfp/state-badge";
import { speakerExpectation } from "~/cfp/states";
import { speakerSubmissions } from "~/cfp/submissions.server";
import { db } from "~/infra/db/db.server";
import { formatDateTime, localized } from "~/infra/i18n/i18n";
import { pageTitle } from "~/ui/meta";
import { pageStrings } from "~/infra/i18n/strings.server";
import { EmptyState } from "~/ui/empty-state";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  return {
    submissions: await speakerSubmissions(db(), user.id),
    strings: await pageStrings(
      request,
      "errors.alreadySpeaker",
      "errors.badTransition",
      "errors.callClosed",
      "errors.formatClosed",
      "errors.notEditable",
      "errors.notFound",
      "errors.required",
      "errors.tooManySpeakers",
      "errors.tooManySubmissions",
      "event.online",
      "profile.title",
      "speaker.empty",
      "speaker.expected",
      "speaker.title",
      "submission.untitled",
      "submissionState",
    ),
  };
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => t("speaker.title"));
}

// The speaker's dashboard: each story, its state, and what is expected of them now.
export default function SpeakerSubmissions({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-3xl font-extrabold">{t("speaker.title")}</h1>
        <Link to={href("/espace/profil")} className="font-semibold">
          {t("profile.title")}
        </Link>
      </div>
      {loaderData.submissions.length === 0 ? <EmptyState page>{t("speaker.empty")}</EmptyState> : null}
      <ul className="mt-6 space-y-3">
        {loaderData.submissions.map((s) => {
          const deadline = s.format.deadline ?? s.event.call?.closesAt ?? null;
          return (
            <li key={s.id} className="card p-5">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <Link to={href("/espace/recits/:submissionId", { submissionId: s.id })} className="text-lg font-bold">
                  {s.title || t("submission.untitled")}
                </Link>
                <SubmissionStateBadge state={s.state} />
              </div>
              <p className="mt-1 text-sm text-gray-700">
                {localized(s.event, "title", locale)} · {localized(s.format, "name", locale)}
              </p>
              <p className="mt-2 text-sm">
                {t(
                  `speaker.expected.${speakerExpectation(s.state, deadline !== null && new Date(deadline) <= new Date())}`,
                  { deadline: deadline ? formatDateTime(deadline, s.event.timeZone, locale) : "" },
                )}
              </p>
            </li>
          );
        })}
      </ul>
    </>
  );
}
