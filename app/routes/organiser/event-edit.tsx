import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { data, Form, href, redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/event-edit";
import { eventOrganiser, type EventOrganiser } from "~/auth/event-organiser.server";
import { eventFormSchema, eventStatusIntents } from "~/events/event-form";
import { StatusCard, TemplateCard } from "~/events/event-edit-sections";
import { nameTemplate } from "~/events/editions.server";
import { SetupChecklist } from "~/events/setup-checklist";
import { setupChecklist } from "~/events/setup-checklist.server";
import { EventFormFields } from "~/events/event-form-fields";
import { changeEventStatus, eventForEditing, moveToChapter } from "~/events/events.server";
import { chapterFor, chapterOptions } from "~/team/chapters.server";
import { cancelEvent, updateEvent } from "~/platform/event-changes.server";
import { env } from "~/infra/env.server";
import { db } from "~/infra/db/db.server";
import { localized } from "~/infra/i18n/i18n";
import { utcToZonedLocal } from "~/infra/time";
import { FormErrors, Notice, SubmitButton } from "~/ui/form";
import { pageTitle } from "~/ui/meta";
import { readForm } from "~/infra/request-body.server";
import { pageStrings } from "~/infra/i18n/strings.server";
import { PageHeader } from "~/ui/page-header";

export async function loader({ request, context }: Route.LoaderArgs) {
  const { event, access } = eventOrganiser(context);
  const [full, setup, chapters] = await Promise.all([
    eventForEditing(db(), event.id),
    setupChecklist(db(), event.id),
    // Only the national team moves an event between chapters.
    access.chapterId === null ? chapterOptions(db(), access) : [],
  ]);
  const url = new URL(request.url);
  return {
    event: full,
    setup,
    chapters,
    notice: url.searchParams.has("cree") ? "created" : url.searchParams.get("statut"),
    strings: await pageStrings(
      request,
      "chapters.eventField",
      "chapters.eventFieldHint",
      "chapters.national",
      "chapters.errors",
      "dashboard",
      "editions",
      "errors",
      "event",
      "eventForm",
      "eventNav",
      "status",
    ),
  };
}

const statusSchema = z.object({ intent: z.enum(eventStatusIntents) });
const templateSchema = z.object({
  intent: z.literal("template"),
  templateName: z
    .string()
    .trim()
    .max(80, "errors.tooLong")
    .transform((v) => v || null),
});

type IntentArgs = { event: EventOrganiser["event"]; access: EventOrganiser["access"]; formData: FormData };

async function cancel({ event }: IntentArgs) {
  if (!(await cancelEvent(db(), event.id, { appUrl: env().APP_URL, secret: env().SESSION_SECRET })))
    return data({ result: undefined, error: "errors.badTransition" }, { status: 400 });
  return redirect(`${href("/organisateur/evenements/:eventSlug", { eventSlug: event.slug })}?statut=canceled`);
}

async function changeStatus({ event, formData }: IntentArgs) {
  const parsed = statusSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return data({ result: undefined, error: "errors.badIntent" }, { status: 400 });
  const changed = await changeEventStatus(db(), event.id, parsed.data.intent);
  if (!changed) return data({ result: undefined, error: "errors.badTransition" }, { status: 400 });
  return redirect(
    `${href("/organisateur/evenements/:eventSlug", { eventSlug: event.slug })}?statut=${parsed.data.intent}`,
  );
}

async function save({ event, access, formData }: IntentArgs) {
  const submission = parseWithZod(formData, { schema: eventFormSchema.safeExtend({ intent: z.literal("save") }) });
  if (submission.status !== "success") return data({ result: submission.reply(), error: null }, { status: 400 });
  // The chapter select is the national team's only; a form without it leaves the chapter as it is.
  const moving = access.chapterId === null && formData.has("chapterId");
  const chapter = moving ? await chapterFor(db(), access, submission.value.chapterId) : null;
  if (chapter && !chapter.ok)
    return data(
      { result: submission.reply({ fieldErrors: { chapterId: [chapter.error] } }), error: null },
      { status: 400 },
    );
  const saved = await updateEvent(
    db(),
    event.id,
    { ...submission.value, organisationId: event.organisationId },
    { appUrl: env().APP_URL, secret: env().SESSION_SECRET },
  );
  if (!saved.ok) {
    return data(
      { result: submission.reply({ fieldErrors: { [saved.field]: [saved.message] } }), error: null },
      { status: 400 },
    );
  }
  if (chapter?.ok) await moveToChapter(db(), event.id, chapter.chapterId);
  return redirect(`${href("/organisateur/evenements/:eventSlug", { eventSlug: saved.slug })}?statut=saved`);
}

async function keepAsTemplate({ event, formData }: IntentArgs) {
  const parsed = templateSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return data({ result: undefined, error: parsed.error.issues[0]!.message }, { status: 400 });
  await nameTemplate(db(), event.id, parsed.data.templateName);
  const notice = parsed.data.templateName ? "template" : "untemplate";
  return redirect(`${href("/organisateur/evenements/:eventSlug", { eventSlug: event.slug })}?statut=${notice}`);
}

// Any other intent is a status change (publish, unpublish, archive), checked by statusSchema.
const intents = { "cancel-event": cancel, save, template: keepAsTemplate };

export async function action({ request, context }: Route.ActionArgs) {
  const { event, access } = eventOrganiser(context);
  const formData = await readForm(request);
  const intent = formData.get("intent");
  const handler =
    typeof intent === "string" && Object.hasOwn(intents, intent)
      ? intents[intent as keyof typeof intents]
      : changeStatus;
  return handler({ event, access, formData });
}

export function meta({ data, matches }: Route.MetaArgs) {
  return pageTitle(matches, (_, locale) => data && localized(data.event, "title", locale));
}

export default function EditEvent({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { event, notice } = loaderData;
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    constraint: getZodConstraint(eventFormSchema),
    defaultValue: {
      ...event,
      startsAt: utcToZonedLocal(new Date(event.startsAt), event.timeZone),
      endsAt: utcToZonedLocal(new Date(event.endsAt), event.timeZone),
      capacity: event.capacity?.toString() ?? "",
      chapterId: event.chapterId ?? "",
    },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: eventFormSchema }),
  });
  return (
    <div className="grid gap-10 lg:grid-cols-[1fr_18rem]">
      <section>
        <PageHeader
          breadcrumbs={[{ to: href("/organisateur"), label: t("dashboard.title") }, { label: event.organisation.name }]}
          title={localized(event, "title", locale)}
        />
        {notice ? (
          <div className="mt-4">
            <Notice>{t(`eventForm.notice.${notice}`)}</Notice>
          </div>
        ) : null}
        <Form method="post" {...getFormProps(form)} className="mt-6 space-y-8">
          <input type="hidden" name="intent" value="save" />
          <FormErrors errors={form.errors} />
          <EventFormFields
            fields={fields}
            organisations={[{ id: event.organisationId, name: event.organisation.name }]}
            chapters={
              loaderData.chapters.length
                ? [
                    { value: "", label: t("chapters.national") },
                    ...loaderData.chapters.map((c) => ({ value: c.id, label: c.name })),
                  ]
                : []
            }
          />
          <SubmitButton>{t("common.save")}</SubmitButton>
        </Form>
      </section>
      <aside className="space-y-6">
        <StatusCard event={event} error={actionData?.error} />
        <TemplateCard event={event} />
        <SetupChecklist eventSlug={event.slug} steps={loaderData.setup} />
      </aside>
    </div>
  );
}
