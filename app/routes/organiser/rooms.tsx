import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { data, Form, Link } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/rooms";
import { roomSchema, stepSchema } from "~/agenda/agenda-form";
import { addRoom, listRooms, moveRoom, removeRoom, scheduleStepOf, setScheduleStep } from "~/agenda/schedule.server";
import { eventOrganiser } from "~/auth/event-organiser.server";
import { db } from "~/infra/db/db.server";
import { localized } from "~/infra/i18n/i18n";
import { FormErrors, Notice, RemoveForm, SubmitButton, TextField } from "~/ui/form";
import { pageTitle } from "~/ui/meta";
import { readForm } from "~/infra/request-body.server";
import { pageStrings } from "~/infra/i18n/strings.server";

const roomActionSchema = z.object({ intent: z.enum(["remove-room", "up", "down"]), id: z.string().min(1) });

export async function loader({ request, context }: Route.LoaderArgs) {
  const { event } = eventOrganiser(context);
  const [rooms, scheduleStep] = await Promise.all([listRooms(db(), event.id), scheduleStepOf(db(), event.id)]);
  return {
    event: { slug: event.slug, titleFr: event.titleFr, titleEn: event.titleEn },
    rooms,
    scheduleStep,
    strings: await pageStrings(
      request,
      "dashboard",
      "errors",
      "event",
      "eventForm",
      "rooms",
      "schedule",
      "submission",
      "team",
    ),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { event } = eventOrganiser(context);
  const formData = await readForm(request);
  const intent = formData.get("intent");
  if (intent === "room") {
    const submission = parseWithZod(formData, { schema: roomSchema });
    if (submission.status !== "success")
      return data({ intent, result: submission.reply(), error: null }, { status: 400 });
    await addRoom(db(), event.id, submission.value);
    return { intent, result: submission.reply({ resetForm: true }), error: null };
  }
  if (intent === "step") {
    const parsed = stepSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return data({ intent, result: undefined, error: "errors.agenda.step" }, { status: 400 });
    await setScheduleStep(db(), event.id, parsed.data.scheduleStep);
    return { intent, result: undefined, error: null };
  }
  const parsed = roomActionSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return data({ intent, result: undefined, error: "errors.badIntent" }, { status: 400 });
  if (parsed.data.intent === "remove-room") {
    const removed = await removeRoom(db(), event.id, parsed.data.id);
    if (!removed.ok) return data({ intent, result: undefined, error: removed.error }, { status: 400 });
  } else {
    await moveRoom(db(), event.id, parsed.data.id, parsed.data.intent);
  }
  return { intent, result: undefined, error: null };
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => t("rooms.title"));
}

export default function Rooms({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { event, rooms, scheduleStep } = loaderData;
  const [form, fields] = useForm({
    id: "room",
    lastResult: actionData?.intent === "room" ? actionData.result : undefined,
    constraint: getZodConstraint(roomSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: roomSchema }),
  });
  return (
    <>
      <p className="text-sm text-gray-600">
        <Link to="/organisateur">{t("dashboard.title")}</Link> ·{" "}
        <Link to={`/organisateur/evenements/${event.slug}`}>{localized(event, "title", locale)}</Link> ·{" "}
        <Link to={`/organisateur/evenements/${event.slug}/programme`}>{t("schedule.title")}</Link>
      </p>
      <h1 className="mt-1 text-3xl font-extrabold">{t("rooms.title")}</h1>
      <p className="mt-2 max-w-3xl text-gray-700">{t("rooms.lead")}</p>
      {actionData?.error ? (
        <div className="mt-4">
          <FormErrors errors={[actionData.error]} />
        </div>
      ) : null}
      <div className="mt-6 grid gap-8 lg:grid-cols-2">
        <section>
          <h2 className="text-xl font-bold">{t("rooms.list")}</h2>
          {rooms.length === 0 ? <p className="mt-2 text-sm text-gray-700">{t("rooms.none")}</p> : null}
          <ol className="mt-3 divide-y divide-stone-100 card">
            {rooms.map((room, index) => (
              <li key={room.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
                <span>
                  <strong>{localized(room, "name", locale)}</strong>
                  {room.capacity ? (
                    <span className="text-sm text-gray-700"> — {t("rooms.seats", { count: room.capacity })}</span>
                  ) : null}
                  {localized(room, "accessibility", locale) ? (
                    <span className="block text-xs text-gray-600">{localized(room, "accessibility", locale)}</span>
                  ) : null}
                </span>
                <span className="flex items-center gap-2">
                  <Form method="post" className="flex gap-1">
                    <input type="hidden" name="id" value={room.id} />
                    <button
                      type="submit"
                      name="intent"
                      value="up"
                      disabled={index === 0}
                      className="rounded border border-stone-300 px-2 py-1 text-sm disabled:opacity-40"
                      aria-label={t("rooms.up", { room: localized(room, "name", locale) })}
                    >
                      ↑
                    </button>
                    <button
                      type="submit"
                      name="intent"
                      value="down"
                      disabled={index === rooms.length - 1}
                      className="rounded border border-stone-300 px-2 py-1 text-sm disabled:opacity-40"
                      aria-label={t("rooms.down", { room: localized(room, "name", locale) })}
                    >
                      ↓
                    </button>
                  </Form>
                  <RemoveForm intent="remove-room" id={room.id} label={t("team.remove")} />
                </span>
              </li>
            ))}
          </ol>
          <Form method="post" className="mt-6 flex items-end gap-3">
            <input type="hidden" name="intent" value="step" />
            <label className="text-sm font-semibold">
              {t("rooms.step")}
              <select
                name="scheduleStep"
                defaultValue={String(scheduleStep)}
                className="mt-1 block rounded-md border border-stone-300 bg-white px-3 py-2"
              >
                {[5, 10, 15, 30].map((m) => (
                  <option key={m} value={m}>
                    {t("submission.minutes", { count: m })}
                  </option>
                ))}
              </select>
            </label>
            <SubmitButton variant="secondary">{t("common.save")}</SubmitButton>
          </Form>
          {actionData?.intent === "step" && !actionData.error ? (
            <div className="mt-2">
              <Notice>{t("eventForm.notice.saved")}</Notice>
            </div>
          ) : null}
        </section>
        <section>
          <h2 className="text-xl font-bold">{t("rooms.add")}</h2>
          <Form method="post" {...getFormProps(form)} className="mt-3 space-y-4 card p-4">
            <input type="hidden" name="intent" value="room" />
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField meta={fields.nameFr} label={t("rooms.nameFr")} />
              <TextField meta={fields.nameEn} label={t("rooms.nameEn")} />
            </div>
            <TextField meta={fields.capacity} label={t("rooms.capacity")} type="number" />
            <TextField
              meta={fields.accessibilityFr}
              label={t("rooms.accessibilityFr")}
              hint={t("rooms.accessibilityHint")}
            />
            <TextField meta={fields.accessibilityEn} label={t("rooms.accessibilityEn")} />
            <SubmitButton>{t("rooms.addButton")}</SubmitButton>
          </Form>
        </section>
      </div>
    </>
  );
}
