import { useTranslation } from "react-i18next";
import { Form, Link } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/submissions";
import { requireOrganiser } from "~/auth/roles.server";
import { SubmissionStateBadge } from "~/cfp/state-badge";
import { submissionStates } from "~/cfp/states";
import { eventSubmissions } from "~/cfp/submissions.server";
import { eventForEditing } from "~/events/events.server";
import { db } from "~/infra/db/db.server";
import { formatDateTime, type Locale } from "~/infra/i18n/i18n";
import { eventTitle } from "~/ui/event-card";
import { pageTitle } from "~/ui/meta";

const filterSchema = z.object({ etat: z.enum(submissionStates).optional().catch(undefined) });

export async function loader({ request, params }: Route.LoaderArgs) {
  const { event } = await requireOrganiser(request, params.eventSlug);
  const { etat } = filterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const details = await eventForEditing(db(), event.id);
  return {
    event: { slug: details.slug, titleFr: details.titleFr, titleEn: details.titleEn, timeZone: details.timeZone },
    state: etat ?? null,
    submissions: await eventSubmissions(db(), event.id, etat),
  };
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => t("organiserSubmissions.title"));
}

export default function OrganiserSubmissions({ loaderData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { event, submissions, state } = loaderData;
  const name = (o: { nameFr: string; nameEn: string } | null) => (o ? (locale === "en" ? o.nameEn : o.nameFr) : "—");
  return (
    <>
      <p className="text-sm text-gray-600">
        <Link to="/organisateur">{t("dashboard.title")}</Link> · <Link to={`/organisateur/evenements/${event.slug}`}>{eventTitle(event, locale)}</Link> ·{" "}
        <Link to={`/organisateur/evenements/${event.slug}/appel`}>{t("callSettings.title")}</Link>
      </p>
      <h1 className="mt-1 text-3xl font-extrabold">{t("organiserSubmissions.title")}</h1>
      <Form method="get" className="mt-4 flex items-end gap-3">
        <label className="text-sm font-semibold">
          {t("organiserSubmissions.filter")}
          <select name="etat" defaultValue={state ?? ""} className="mt-1 block rounded-md border border-stone-300 bg-white px-3 py-2">
            <option value="">{t("organiserSubmissions.allButDrafts")}</option>
            {submissionStates.map((s) => (
              <option key={s} value={s}>
                {t(`submissionState.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded-md border border-stone-300 bg-white px-4 py-2 font-semibold">
          {t("organiserSubmissions.apply")}
        </button>
      </Form>
      <p className="mt-4 text-sm text-gray-700">{t("organiserSubmissions.count", { count: submissions.length })}</p>
      <div className="mt-3 overflow-x-auto rounded-lg border border-stone-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="bg-stone-50 text-xs uppercase text-gray-600">
            <tr>
              <th scope="col" className="px-4 py-2">{t("submission.title")}</th>
              <th scope="col" className="px-4 py-2">{t("organiserSubmissions.speakers")}</th>
              <th scope="col" className="px-4 py-2">{t("submission.format")}</th>
              <th scope="col" className="px-4 py-2">{t("submission.track")}</th>
              <th scope="col" className="px-4 py-2">{t("organiserSubmissions.submittedAt")}</th>
              <th scope="col" className="px-4 py-2">{t("speaker.state")}</th>
            </tr>
          </thead>
          <tbody>
            {submissions.map((s) => (
              <tr key={s.id} className="border-t border-stone-100">
                <td className="px-4 py-2 font-semibold">{s.title}</td>
                <td className="px-4 py-2">{s.speakers.map((sp) => sp.user.name || sp.user.email).join(", ")}</td>
                <td className="px-4 py-2">{name(s.format)}</td>
                <td className="px-4 py-2">{name(s.track)}</td>
                <td className="px-4 py-2">{s.submittedAt ? formatDateTime(s.submittedAt, event.timeZone, locale, { dateStyle: "medium", timeStyle: "short" }) : "—"}</td>
                <td className="px-4 py-2">
                  <SubmissionStateBadge state={s.state} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
