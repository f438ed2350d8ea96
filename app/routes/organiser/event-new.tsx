import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "~/infra/i18n/react";
import { data, Form, href, redirect } from "react-router";
import type { Route } from "./+types/event-new";
import { forbidden, requireOrganiserAnywhere } from "~/auth/roles.server";
import { eventFormSchema } from "~/events/event-form";
import { EventFormFields } from "~/events/event-form-fields";
import { createEvent } from "~/events/events.server";
import { EditionSourcePicker } from "~/events/edition-source";
import { editionPrefill, editionSource, editionSources } from "~/events/editions.server";
import { chapterFor, teamChoices } from "~/team/chapters.server";
import { useTeamOptions } from "~/team/team-options";
import { db } from "~/infra/db/db.server";
import { FormErrors, Notice, SubmitButton } from "~/ui/form";
import { pageTitle } from "~/ui/meta";
import { readForm } from "~/infra/request-body.server";
import { pageStrings } from "~/infra/i18n/strings.server";

export async function loader({ request }: Route.LoaderArgs) {
  const { organisations } = await requireOrganiserAnywhere(request);
  const sources = await editionSources(db(), organisations);
  const chosen = sources.find((s) => s.id === new URL(request.url).searchParams.get("depuis")) ?? null;
  return {
    organisations: organisations.map(({ id, name }) => ({ id, name })),
    teams: await teamChoices(db(), organisations),
    sources,
    // The form filled from the source: what an edition keeps (its name, words, zone, size); the
    // city, place and dates are the new edition's own.
    prefill: chosen && (await editionPrefill(db(), chosen.id)),
    strings: await pageStrings(request, "chapters", "editions", "errors", "eventForm"),
  };
}

export async function action({ request }: Route.ActionArgs) {
  const { organisations } = await requireOrganiserAnywhere(request);
  const submission = parseWithZod(await readForm(request), { schema: eventFormSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const team = organisations.find((o) => o.id === submission.value.organisationId);
  if (!team) forbidden();
  const chapter = await chapterFor(db(), team, submission.value.chapterId);
  if (!chapter.ok)
    return data({ result: submission.reply({ fieldErrors: { chapterId: [chapter.error] } }) }, { status: 400 });
  const { sourceId } = submission.value;
  if (sourceId && !(await editionSource(db(), team, sourceId)))
    return data({ result: submission.reply({ formErrors: ["editions.errors.source"] }) }, { status: 400 });
  const created = await createEvent(db(), submission.value, chapter.chapterId, sourceId);
  if (!created.ok)
    return data({ result: submission.reply({ fieldErrors: { [created.field]: [created.message] } }) }, { status: 400 });
  return redirect(`${href("/organisateur/evenements/:eventSlug", { eventSlug: created.slug })}?cree=1`);
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => t("eventForm.newTitle"));
}

export default function NewEvent({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const chapterOptions = useTeamOptions(loaderData.teams);
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    constraint: getZodConstraint(eventFormSchema),
    defaultValue: {
      timeZone: "Europe/Paris",
      organisationId: loaderData.organisations[0]?.id,
      chapterId: chapterOptions[0]?.value,
      ...loaderData.prefill,
    },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: eventFormSchema }),
  });
  return (
    <>
      <h1 className="text-3xl font-extrabold">{t("eventForm.newTitle")}</h1>
      <p className="mt-1 text-gray-700">{t("eventForm.newLead")}</p>
      <EditionSourcePicker sources={loaderData.sources} chosen={loaderData.prefill?.sourceId ?? null} />
      <Form method="post" {...getFormProps(form)} className="mt-6 space-y-8">
        <FormErrors errors={form.errors} />
        {loaderData.prefill ? (
          <>
            <input type="hidden" name={fields.sourceId.name} value={loaderData.prefill.sourceId} />
            <Notice tone="info">{t("editions.fromSource", { title: loaderData.prefill.titleFr })}</Notice>
          </>
        ) : null}
        <EventFormFields
          fields={fields}
          organisations={loaderData.organisations}
          chapters={chapterOptions}
          suggestSlug
        />
        <SubmitButton>{t("eventForm.create")}</SubmitButton>
      </Form>
    </>
  );
}
