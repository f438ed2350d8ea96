import { Form, href, Link } from "react-router";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { formatDateTime } from "~/infra/i18n/i18n";
import { FormErrors, SubmitButton } from "~/ui/form";
import { StatusBadge } from "~/ui/status-badge";
import type { eventForEditing } from "./events.server";

// Kept as a named template, and the way to a new edition from it.
export function TemplateCard({ event }: { event: { id: string; templateName: string | null } }) {
  const { t } = useTranslation();
  return (
    <section className="card p-5">
      <h2 className="font-bold">{t("editions.template")}</h2>
      <p className="mt-1 text-sm text-gray-700">{t("editions.templateLead")}</p>
      <Form method="post" className="mt-3 space-y-2">
        <input type="hidden" name="intent" value="template" />
        <label htmlFor="templateName" className="block text-sm font-semibold">
          {t("editions.templateName")}
        </label>
        <input
          id="templateName"
          name="templateName"
          defaultValue={event.templateName ?? ""}
          maxLength={80}
          aria-describedby="templateName-hint"
          className="block w-full rounded-md border border-stone-300 px-2 py-1.5"
        />
        <p id="templateName-hint" className="text-xs text-gray-600">
          {t("editions.templateNameHint")}
        </p>
        <SubmitButton variant="secondary">{t("editions.saveTemplate")}</SubmitButton>
      </Form>
      <p className="mt-3 text-sm">
        <Link to={`${href("/organisateur/evenements/nouveau")}?${new URLSearchParams({ depuis: event.id })}`}>
          {t("editions.newEdition")}
        </Link>
      </p>
    </section>
  );
}

// The sections beside an event's edit form (app/routes/organiser/event-edit.tsx).

type EditedEvent = Pick<
  Awaited<ReturnType<typeof eventForEditing>>,
  "status" | "publishedAt" | "canceledAt" | "timeZone"
>;

// The event's status, the buttons moving it on, and cancelling it once published.
export function StatusCard({ event, error }: { event: EditedEvent; error: string | null | undefined }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
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
      {error ? (
        <div className="mt-3">
          <FormErrors errors={[error]} />
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
  );
}
