import { parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "~/infra/i18n/react";
import { data } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/rooms";
import { roomSchema, stepSchema } from "~/agenda/agenda-form";
import { AddRoomSection, RoomsSection } from "~/agenda/room-sections";
import { addRoom, listRooms, moveRoom, removeRoom, scheduleStepOf, setScheduleStep } from "~/agenda/schedule.server";
import { eventOrganiser } from "~/auth/event-organiser.server";
import { db } from "~/infra/db/db.server";
import { FormErrors } from "~/ui/form";
import { pageTitle } from "~/ui/meta";
import { readForm } from "~/infra/request-body.server";
import { pageStrings } from "~/infra/i18n/strings.server";
import { PageHeader } from "~/ui/page-header";
import { useEventCrumbs } from "~/events/event-crumbs";

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

type IntentArgs = { eventId: string; formData: FormData; intent: FormDataEntryValue | null };

async function room({ eventId, formData, intent }: IntentArgs) {
  const submission = parseWithZod(formData, { schema: roomSchema });
  if (submission.status !== "success")
    return data({ intent, result: submission.reply(), error: null }, { status: 400 });
  await addRoom(db(), eventId, submission.value);
  return { intent, result: submission.reply({ resetForm: true }), error: null };
}

async function step({ eventId, formData, intent }: IntentArgs) {
  const parsed = stepSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return data({ intent, result: undefined, error: "errors.agenda.step" }, { status: 400 });
  await setScheduleStep(db(), eventId, parsed.data.scheduleStep);
  return { intent, result: undefined, error: null };
}

// Removing a room or moving it up or down; roomActionSchema refuses any other intent.
async function roomAction({ eventId, formData, intent }: IntentArgs) {
  const parsed = roomActionSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return data({ intent, result: undefined, error: "errors.badIntent" }, { status: 400 });
  if (parsed.data.intent === "remove-room") {
    const removed = await removeRoom(db(), eventId, parsed.data.id);
    if (!removed.ok) return data({ intent, result: undefined, error: removed.error }, { status: 400 });
  } else {
    await moveRoom(db(), eventId, parsed.data.id, parsed.data.intent);
  }
  return { intent, result: undefined, error: null };
}

const intents = { room, step, "remove-room": roomAction, up: roomAction, down: roomAction };

export async function action({ request, context }: Route.ActionArgs) {
  const { event } = eventOrganiser(context);
  const formData = await readForm(request);
  const intent = formData.get("intent");
  const handler =
    typeof intent === "string" && Object.hasOwn(intents, intent) ? intents[intent as keyof typeof intents] : roomAction;
  return handler({ eventId: event.id, formData, intent });
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => t("rooms.title"));
}

export default function Rooms({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { event, rooms, scheduleStep } = loaderData;
  return (
    <>
      <PageHeader breadcrumbs={useEventCrumbs(event)} title={t("rooms.title")} lead={t("rooms.lead")} />
      {actionData?.error ? (
        <div className="mt-4">
          <FormErrors errors={[actionData.error]} />
        </div>
      ) : null}
      <div className="mt-6 grid gap-8 lg:grid-cols-2">
        <RoomsSection
          rooms={rooms}
          scheduleStep={scheduleStep}
          stepSaved={actionData?.intent === "step" && !actionData.error}
        />
        <AddRoomSection lastResult={actionData?.intent === "room" ? actionData.result : undefined} />
      </div>
    </>
  );
}
