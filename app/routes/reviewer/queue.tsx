import { useLocale, useTranslation } from "~/infra/i18n/react";
import { href, Link } from "react-router";
import type { Route } from "./+types/queue";
import { requireReviewer } from "~/auth/roles.server";
import { SubmissionStateBadge } from "~/cfp/state-badge";
import { db } from "~/infra/db/db.server";
import { reviewQueue } from "~/review/review.server";
import { pageTitle } from "~/ui/meta";
import { pageStrings } from "~/infra/i18n/strings.server";
import { localized } from "~/infra/i18n/i18n";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, event, asOrganiser } = await requireReviewer(request, params.eventSlug);
  const queue = await reviewQueue(db(), { eventId: event.id, userId: user.id, asOrganiser });
  return {
    event: { slug: event.slug, titleFr: event.titleFr, titleEn: event.titleEn },
    queue,
    strings: await pageStrings(request, "errors", "event", "review", "submissionState"),
  };
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => t("review.queueTitle"));
}

export default function ReviewQueue({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { event, queue } = loaderData;
  const open = queue.filter((s) => s.state === "SUBMITTED");
  const done = open.filter((s) => s.reviewedByMe).length;
  const name = (o: { nameFr: string; nameEn: string } | null) => (o ? localized(o, "name", locale) : "—");
  return (
    <>
      <p className="text-sm font-semibold text-brand-600">{localized(event, "title", locale)}</p>
      <h1 className="mt-1 text-3xl font-extrabold">{t("review.queueTitle")}</h1>
      <p className="mt-2 text-gray-700">{t("review.progress", { count: done, total: open.length })}</p>
      {queue.length === 0 ? <p className="mt-6">{t("review.empty")}</p> : null}
      <ul className="mt-6 divide-y divide-stone-100 card">
        {queue.map((s) => (
          <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
            <div>
              <Link
                to={href("/relecture/:eventSlug/:submissionId", { eventSlug: event.slug, submissionId: s.id })}
                className="font-semibold"
              >
                {s.title}
              </Link>
              <p className="text-sm text-gray-600">
                {name(s.format)} · {name(s.track)}
              </p>
            </div>
            <div className="flex items-center gap-2 text-sm">
              <SubmissionStateBadge state={s.state} />
              {s.reviewedByMe ? <span className="text-green-800">{t("review.done")}</span> : null}
              {!s.reviewedByMe && s.state === "SUBMITTED" ? (
                <span className="text-amber-800">{t("review.todo")}</span>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
