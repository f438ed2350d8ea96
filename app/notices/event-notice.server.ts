import { z } from "zod";
import { eventCalendarFile } from "~/events/event-mail.server";

// A reminder, a change or a cancellation, with the event (or the speaker's talk) as a calendar
// entry: same UID as every earlier invite, its current SEQUENCE, so calendar apps replace it.
export const eventNoticeData = z.object({
  kind: z.enum(["reminder", "changed", "canceled"]),
  eventTitle: z.string(),
  when: z.string(),
  place: z.string(),
  soon: z.string(),
  onlineUrl: z.string().nullable(),
  talk: z.object({ title: z.string(), when: z.string(), room: z.string() }).nullable(),
  url: z.url(),
  calendar: z.object({
    uid: z.string(),
    sequence: z.number().int().min(0),
    title: z.string(),
    startsAt: z.iso.datetime(),
    endsAt: z.iso.datetime(),
    timeZone: z.string(),
    location: z.string(),
    url: z.url(),
    updatedAt: z.iso.datetime(),
  }),
});

export function eventNoticeExtras(data: z.output<typeof eventNoticeData>) {
  const method = data.kind === "canceled" ? ("CANCEL" as const) : ("PUBLISH" as const);
  const content = eventCalendarFile(data.calendar, method);
  return { icalEvent: { method, content } };
}
