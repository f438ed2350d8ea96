import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { data, Form, Link, redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/event-edit";
import { eventOrganiser } from "~/auth/event-organiser.server";
import { eventFormSchema, eventStatusIntents } from "~/events/event-form";
import { EventFormFields } from "~/events/event-form-fields";
import { changeEventStatus, eventForEditing } from "~/events/events.server";
import { cancelEvent, updateEvent } from "~/platform/event-changes.server";
import { env } from "~/infra/env.server";
import { db } from "~/infra/db/db.server";
import { formatDateTime, localized } from "~/infra/i18n/i18n";
import { utcToZonedLocal } from "~/infra/time";
import { FormErrors, Notice, SubmitButton } from "~/ui/form";
import { StatusBadge } from "~/ui/status-badge";
import { pageTitle } from "~/ui/meta";
import { readForm } from "~/infra/request-body.server";
import { pageStrings } from "~/infra/i18n/strings.server";

export async function loader({ request, context }: Route.LoaderArgs) {
  const { event } = eventOrganiser(context);
  const full = await eventForEditing(db(), event.id);
  const url = new URL(request.url);
  return {
    event: full,
    notice: url.searchParams.has("cree") ? "created" : url.searchParams.get("statut"),
    strings: await pageStrings(request, "checkIn", "dashboard", "errors", "event", "eventForm", "status", "surveys"),
  };
}

const statusSchema = z.object({ intent: z.enum(eventStatusIntents) });

export async function action({ request, context }: Route.ActionArgs) {
  const { event } = eventOrganiser(context);
  const formData = await readForm(request);
  if (formData.get("intent") === "cancel-event") {
    if (!(await cancelEvent(db(), event.id, { appUrl: env().APP_URL, secret: env().SESSION_SECRET })))
      return data({ result: undefined, error: "errors.badTransition" }, { status: 400 });
    return redirect(`/organisateur/evenements/${event.slug}?statut=canceled`);
  }
  if (formData.get("intent") !== "save") {
    const parsed = statusSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return data({ result: undefined, error: "errors.badIntent" }, { status: 400 });
    const changed = await changeEventStatus(db(), event.id, parsed.data.intent);
    if (!changed) return data({ result: undefined, error: "errors.badTransition" }, { status: 400 });
    return redirect(`/organisateur/evenements/${event.slug}?statut=${parsed.data.intent}`);
  }
  const submission = parseWithZod(formData, { schema: eventFormSchema.safeExtend({ intent: z.literal("save") }) });
  if (submission.status !== "success") return data({ result: submission.reply(), error: null }, { status: 400 });
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
  return redirect(`/organisateur/evenements/${saved.slug}?statut=saved`);
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
    },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: eventFormSchema }),
  });
  return (
    <div className="grid gap-10 lg:grid-cols-[1fr_18rem]">
      <section>
        <p className="text-sm text-gray-600">
          <Link to="/organisateur">{t("dashboard.title")}</Link> · {event.organisation.name}
        </p>
        <h1 className="mt-1 text-3xl font-extrabold">{localized(event, "title", locale)}</h1>
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
          />
          <SubmitButton>{t("common.save")}</SubmitButton>
        </Form>
      </section>
      <aside className="space-y-6">
        <section className="card p-5">
          <h2 className="font-bold">{t("eventForm.statusTitle")}</h2>
          <p className="mt-2">
            <StatusBadge status={event.status} />
          </p>
          {event.publishedAt ? (
            <p className="mt-2 text-xs text-gray-600">
              {t("eventForm.publishedAt", { date: formatDateTime(event.publishedAt, event.timeZone, locale) })}
            </p>
          ) : null}
          {actionData?.error ? (
            <div className="mt-3">
              <FormErrors errors={[actionData.error]} />
            </div>
          ) : null}
          <Form method="post" className="mt-4 flex flex-col gap-2">
            {event.status !== "PUBLISHED" ? (
              <SubmitButton name="intent" value="publish">
                {t("eventForm.publish")}
              </SubmitButton>
            ) : null}
            {event.status === "PUBLISHED" ? (
              <SubmitButton name="intent" value="unpublish" variant="secondary">
                {t("eventForm.unpublish")}
              </SubmitButton>
            ) : null}
            {event.status !== "ARCHIVED" ? (
              <SubmitButton name="intent" value="archive" variant="danger">
                {t("eventForm.archive")}
              </SubmitButton>
            ) : null}
          </Form>
          {event.canceledAt ? (
            <p className="mt-3 text-sm font-semibold text-red-800">
              {t("eventForm.canceledOn", { date: formatDateTime(event.canceledAt, event.timeZone, locale) })}
            </p>
          ) : event.status === "PUBLISHED" ? (
            <Form method="post" className="mt-3">
              <p className="mb-2 text-xs text-gray-600">{t("eventForm.cancelHint")}</p>
              <SubmitButton name="intent" value="cancel-event" variant="danger">
                {t("eventForm.cancel")}
              </SubmitButton>
            </Form>
          ) : null}
        </section>
        <nav className="space-y-2 text-sm" aria-label={t("eventForm.links")}>
          <p>
            <Link to={`/e/${event.slug}`}>{t("eventForm.viewPublic")}</Link>
          </p>
          <p>
            <Link to={`/organisateur/evenements/${event.slug}/equipe`}>{t("eventForm.team")}</Link>
          </p>
          <p>
            <Link to={`/organisateur/evenements/${event.slug}/appel`}>{t("eventForm.call")}</Link>
          </p>
          <p>
            <Link to={`/organisateur/evenements/${event.slug}/recits`}>{t("eventForm.submissions")}</Link>
          </p>
          <p>
            <Link to={`/organisateur/evenements/${event.slug}/relecture`}>{t("eventForm.review")}</Link>
          </p>
          <p>
            <Link to={`/organisateur/evenements/${event.slug}/classement`}>{t("eventForm.ranking")}</Link>
          </p>
          <p>
            <Link to={`/organisateur/evenements/${event.slug}/decisions`}>{t("eventForm.decisions")}</Link>
          </p>
          <p>
            <Link to={`/organisateur/evenements/${event.slug}/salles`}>{t("eventForm.rooms")}</Link>
          </p>
          <p>
            <Link to={`/organisateur/evenements/${event.slug}/programme`}>{t("eventForm.schedule")}</Link>
          </p>
          <p>
            <Link to={`/organisateur/evenements/${event.slug}/billetterie`}>{t("eventForm.ticketing")}</Link>
          </p>
          <p>
            <Link to={`/organisateur/evenements/${event.slug}/campagnes`}>{t("eventForm.campaigns")}</Link>
          </p>
          <p>
            <Link to={`/organisateur/evenements/${event.slug}/mur`}>{t("eventForm.wall")}</Link>
          </p>
          <p>
            <Link to={`/organisateur/evenements/${event.slug}/partenaires`}>{t("eventForm.partners")}</Link>
          </p>
          <p>
            <Link to={`/organisateur/evenements/${event.slug}/sondage`}>{t("surveys.title")}</Link>
          </p>
          <p>
            <Link to={`/controle/${event.slug}`}>{t("checkIn.title")}</Link>
          </p>
        </nav>
      </aside>
    </div>
  );
}
