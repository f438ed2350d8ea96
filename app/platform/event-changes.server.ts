import { notifyAttendees } from "~/notices/reminders.server";
import type { EventFormInput } from "~/events/event-form";
import { markEventCanceled, refusingTakenSlug, saveEventDetails, type EventWriteResult } from "~/events/events.server";
import type { Db } from "~/infra/db/client.server";
import type { LinkContext } from "~/infra/links.server";

// An event that moves (time or place) or is canceled tells its attendees through campaigns'
// notices, with their calendar entry updated (docs/decisions/012-campaigns.md): the change and
// the notices' outbox rows commit in one transaction, or neither does.
export async function updateEvent(
  client: Db,
  eventId: string,
  input: EventFormInput,
  context: LinkContext,
): Promise<EventWriteResult> {
  return refusingTakenSlug(() =>
    client.$transaction(async (tx) => {
      const { slug, moved } = await saveEventDetails(tx, eventId, input);
      if (moved) await notifyAttendees(tx, eventId, "changed", context);
      return { ok: true as const, slug };
    }),
  );
}

// Attendees get the news and the CANCEL that takes the event out of their calendar.
export async function cancelEvent(client: Db, eventId: string, context: LinkContext) {
  return client.$transaction(async (tx) => {
    if (!(await markEventCanceled(tx, eventId))) return false;
    await notifyAttendees(tx, eventId, "canceled", context);
    return true;
  });
}
