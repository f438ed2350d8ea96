import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "~/infra/i18n/react";
import { data, Form, href, redirect } from "react-router";
import type { Route } from "./+types/series-new";
import { requireOrganiserAnywhere } from "~/auth/roles.server";
import { timeZones } from "~/events/event-form";
import { db } from "~/infra/db/db.server";
import { seriesSchema } from "~/series/series-form";
import { createSeries } from "~/series/series.server";
import { chapterChoice } from "~/team/chapter-choice";
import { chapterFor, teamChoices } from "~/team/chapters.server";
import { useTeamOptions } from "~/team/team-options";
import { FormErrors, SelectField, SubmitButton, TextAreaField, TextField } from "~/ui/form";
import { pageTitle } from "~/ui/meta";
import { readForm } from "~/infra/request-body.server";
import { pageStrings } from "~/infra/i18n/strings.server";
import { PageHeader } from "~/ui/page-header";

export async function loader({ request }: Route.LoaderArgs) {
  const { organisations } = await requireOrganiserAnywhere(request);
  return {
    organisations,
    teams: await teamChoices(db(), organisations),
    strings: await pageStrings(request, "chapters", "dashboard", "errors", "eventForm", "series"),
  };
}

export async function action({ request }: Route.ActionArgs) {
  const { organisations } = await requireOrganiserAnywhere(request);
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: seriesSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const organisation =
    organisations.find((o) => o.id === formData.get("organisationId")) ??
    (organisations.length === 1 ? organisations[0] : undefined);
  if (!organisation)
    return data({ result: submission.reply({ formErrors: ["series.errors.organisation"] }) }, { status: 400 });
  const chapter = await chapterFor(
    db(),
    organisation,
    chapterChoice.catch(null).parse(formData.get("chapterId") ?? ""),
  );
  if (!chapter.ok) return data({ result: submission.reply({ formErrors: [chapter.error] }) }, { status: 400 });
  const created = await createSeries(db(), organisation.id, submission.value, chapter.chapterId);
  if (!created.ok)
    return data({ result: submission.reply({ fieldErrors: { slug: [created.error] } }) }, { status: 400 });
  return redirect(href("/organisateur/series/:seriesSlug", { seriesSlug: created.slug }));
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => t("series.new"));
}

const weekdays = [1, 2, 3, 4, 5, 6, 7];

// Which organisation, and which of its teams, runs the series: read by the action from the form
// beside the series' own fields.
function TeamSelect({
  name,
  label,
  options,
}: {
  name: string;
  label: string;
  options: { value: string; label: string }[];
}) {
  return (
    <label className="block text-sm font-semibold">
      {label}
      <select name={name} className="mt-1 block w-full rounded-md border border-stone-300 bg-white px-2 py-2">
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export default function NewSeries({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { organisations } = loaderData;
  const chapterOptions = useTeamOptions(loaderData.teams);
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    constraint: getZodConstraint(seriesSchema),
    defaultValue: { timeZone: "Europe/Paris", startTimes: "17:00", durationMinutes: "40" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: seriesSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <>
      <PageHeader
        breadcrumbs={[{ to: href("/organisateur"), label: t("dashboard.title") }]}
        title={t("series.new")}
        lead={t("series.newLead")}
      />
      <Form method="post" {...getFormProps(form)} className="mt-6 max-w-3xl space-y-5">
        {organisations.length > 1 ? (
          <TeamSelect
            name="organisationId"
            label={t("eventForm.organisation")}
            options={organisations.map((o) => ({ value: o.id, label: o.name }))}
          />
        ) : (
          <input type="hidden" name="organisationId" value={organisations[0]?.id ?? ""} />
        )}
        {chapterOptions.length ? (
          <TeamSelect name="chapterId" label={t("chapters.eventField")} options={chapterOptions} />
        ) : null}
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField meta={fields.titleFr} label={t("eventForm.titleFr")} />
          <TextField meta={fields.titleEn} label={t("eventForm.titleEn")} />
          <TextField meta={fields.slug} label={t("series.slug")} hint={t("series.slugHint")} />
          <TextField meta={fields.meetingUrl} type="url" label={t("series.meetingUrl")} placeholder="https://" />
          <TextAreaField meta={fields.descriptionFr} label={t("eventForm.descriptionFr")} rows={3} />
          <TextAreaField meta={fields.descriptionEn} label={t("eventForm.descriptionEn")} rows={3} />
        </div>
        <fieldset>
          <legend className="text-sm font-semibold">{t("series.weekdays")}</legend>
          <div className="mt-1 flex flex-wrap gap-3">
            {weekdays.map((day) => (
              <label key={day} className="flex items-center gap-1">
                <input
                  type="checkbox"
                  name={fields.weekdays.name}
                  value={day}
                  defaultChecked={[1, 2, 3, 4, 5].includes(day)}
                />
                {t(`series.day.${day}`)}
              </label>
            ))}
          </div>
          <FormErrors errors={fields.weekdays.errors} />
        </fieldset>
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField meta={fields.startTimes} label={t("series.startTimes")} hint={t("series.startTimesHint")} />
          <TextField meta={fields.durationMinutes} type="number" label={t("series.duration")} />
          <SelectField
            meta={fields.timeZone}
            label={t("eventForm.timeZone")}
            options={timeZones.map((z) => ({ value: z, label: z }))}
          />
          <TextField meta={fields.startsOn} type="date" label={t("series.startsOn")} />
          <TextField meta={fields.endsOn} type="date" label={t("series.endsOn")} />
        </div>
        <FormErrors errors={form.errors} />
        <SubmitButton>{t("series.create")}</SubmitButton>
      </Form>
    </>
  );
}
