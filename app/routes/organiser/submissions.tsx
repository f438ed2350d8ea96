import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { data, Form, Link, redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/submissions";
import { eventOrganiser } from "~/auth/event-organiser.server";
import { SubmissionStateBadge } from "~/cfp/state-badge";
import { submissionStates } from "~/cfp/states";
import { callForEvent } from "~/cfp/call.server";
import { invitedTalkSchema } from "~/cfp/decision-form";
import { addInvitedTalk, eventSubmissions } from "~/cfp/submissions.server";
import { db } from "~/infra/db/db.server";
import { formatDateTime, localized } from "~/infra/i18n/i18n";
import { FilterSelect, FormErrors, Notice, SelectField, SubmitButton, TextAreaField, TextField } from "~/ui/form";
import { pageTitle } from "~/ui/meta";
import { readForm } from "~/infra/request-body.server";
import { pageStrings } from "~/infra/i18n/strings.server";
import { pageParam } from "~/infra/pagination";
import { Pagination } from "~/ui/pagination";

const filterSchema = z.object({ etat: z.enum(submissionStates).optional().catch(undefined), page: pageParam });

export async function loader({ request, context }: Route.LoaderArgs) {
  const { event } = eventOrganiser(context);
  const { etat, page } = filterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [{ formats, tracks }, { rows: submissions, ...span }] = await Promise.all([
    callForEvent(db(), event.id),
    eventSubmissions(db(), event.id, etat, page),
  ]);
  return {
    strings: await pageStrings(
      request,
      "callSettings",
      "dashboard",
      "errors",
      "event",
      "invited",
      "organiserSubmissions",
      "pagination",
      "speaker",
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
  return redirect(`/organisateur/evenements/${event.slug}/recits?ajoute`);
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => t("organiserSubmissions.title"));
}

export default function OrganiserSubmissions({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { event, submissions, span, state, formats, tracks, added } = loaderData;
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    constraint: getZodConstraint(invitedTalkSchema),
    defaultValue: { formatId: formats[0]?.id },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: invitedTalkSchema }),
  });
  const name = (o: { nameFr: string; nameEn: string } | null) => (o ? localized(o, "name", locale) : "—");
  return (
    <>
      <p className="text-sm text-gray-600">
        <Link to="/organisateur">{t("dashboard.title")}</Link> ·{" "}
        <Link to={`/organisateur/evenements/${event.slug}`}>{localized(event, "title", locale)}</Link> ·{" "}
        <Link to={`/organisateur/evenements/${event.slug}/appel`}>{t("callSettings.title")}</Link>
      </p>
      <h1 className="mt-1 text-3xl font-extrabold">{t("organiserSubmissions.title")}</h1>
      <Form method="get" className="mt-4 flex items-end gap-3">
        <FilterSelect
          name="etat"
          label={t("organiserSubmissions.filter")}
          value={state}
          allLabel={t("organiserSubmissions.allButDrafts")}
          options={submissionStates.map((s) => ({ value: s, label: t(`submissionState.${s}`) }))}
        />
        <button type="submit" className="rounded-md border border-stone-300 bg-white px-4 py-2 font-semibold">
          {t("organiserSubmissions.apply")}
        </button>
      </Form>
      <p className="mt-4 text-sm text-gray-700">{t("organiserSubmissions.count", { count: span.total })}</p>
      <div className="mt-3 overflow-x-auto card">
        <table className="w-full text-left text-sm">
          <thead className="bg-stone-50 text-xs uppercase text-gray-600">
            <tr>
              <th scope="col" className="px-4 py-2">
                {t("submission.title")}
              </th>
              <th scope="col" className="px-4 py-2">
                {t("organiserSubmissions.speakers")}
              </th>
              <th scope="col" className="px-4 py-2">
                {t("submission.format")}
              </th>
              <th scope="col" className="px-4 py-2">
                {t("submission.track")}
              </th>
              <th scope="col" className="px-4 py-2">
                {t("organiserSubmissions.submittedAt")}
              </th>
              <th scope="col" className="px-4 py-2">
                {t("speaker.state")}
              </th>
            </tr>
          </thead>
          <tbody>
            {submissions.map((s) => (
              <tr key={s.id} className="border-t border-stone-100">
                <td className="px-4 py-2 font-semibold">
                  {s.title}
                  {s.invited ? (
                    <span className="ml-2 rounded bg-brand-50 px-1.5 py-0.5 text-xs font-normal text-brand-700">
                      {t("invited.badge")}
                    </span>
                  ) : null}
                </td>
                <td className="px-4 py-2">{s.speakers.map((sp) => sp.user.name || sp.user.email).join(", ")}</td>
                <td className="px-4 py-2">{name(s.format)}</td>
                <td className="px-4 py-2">{name(s.track)}</td>
                <td className="px-4 py-2">
                  {s.submittedAt
                    ? formatDateTime(s.submittedAt, event.timeZone, locale, { dateStyle: "medium", timeStyle: "short" })
                    : "—"}
                </td>
                <td className="px-4 py-2">
                  <SubmissionStateBadge state={s.state} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination {...span} label={t("organiserSubmissions.pages")} />
      <section className="mt-10 max-w-3xl">
        <h2 className="text-xl font-bold">{t("invited.title")}</h2>
        <p className="mt-1 text-sm text-gray-700">{t("invited.lead")}</p>
        {added ? (
          <div className="mt-3">
            <Notice>{t("invited.added")}</Notice>
          </div>
        ) : null}
        {formats.length === 0 ? (
          <p className="mt-3 text-sm">
            <Link to={`/organisateur/evenements/${event.slug}/appel`}>{t("invited.needFormat")}</Link>
          </p>
        ) : (
          <Form method="post" {...getFormProps(form)} className="mt-4 space-y-4">
            <input type="hidden" name="intent" value="invited" />
            <FormErrors errors={form.errors} />
            <TextField meta={fields.title} label={t("submission.title")} />
            <div className="grid gap-4 sm:grid-cols-2">
              <SelectField
                meta={fields.formatId}
                label={t("submission.format")}
                options={formats.map((f) => ({ value: f.id, label: localized(f, "name", locale) }))}
              />
              <SelectField
                meta={fields.trackId}
                label={t("submission.track")}
                options={[
                  { value: "", label: t("submission.noTrack") },
                  ...tracks.map((tr) => ({ value: tr.id, label: localized(tr, "name", locale) })),
                ]}
              />
            </div>
            <TextAreaField meta={fields.description} label={t("invited.description")} rows={3} />
            <TextAreaField
              meta={fields.speakers}
              label={t("invited.speakers")}
              hint={t("invited.speakersHint")}
              rows={3}
            />
            <SubmitButton variant="secondary">{t("invited.add")}</SubmitButton>
          </Form>
        )}
      </section>
    </>
  );
}
