import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "react-router";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { localized } from "~/infra/i18n/i18n";
import { Notice, RemoveForm, SubmitButton, TextField } from "~/ui/form";
import { roomSchema } from "./agenda-form";
import type { listRooms } from "./schedule.server";
import { EmptyState } from "~/ui/empty-state";

// The sections of an event's rooms page (app/routes/organiser/rooms.tsx).

// The rooms in their order, each movable and removable, then the schedule's time step.
export function RoomsSection({
  rooms,
  scheduleStep,
  stepSaved,
}: {
  rooms: Awaited<ReturnType<typeof listRooms>>;
  scheduleStep: number;
  stepSaved: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section>
      <h2 className="text-xl font-bold">{t("rooms.list")}</h2>
      {rooms.length === 0 ? <EmptyState>{t("rooms.none")}</EmptyState> : null}
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
      {stepSaved ? (
        <div className="mt-2">
          <Notice>{t("eventForm.notice.saved")}</Notice>
        </div>
      ) : null}
    </section>
  );
}

// The form adding a room; lastResult is the action's answer when it was for it.
export function AddRoomSection({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "room",
    lastResult,
    constraint: getZodConstraint(roomSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: roomSchema }),
  });
  return (
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
  );
}
