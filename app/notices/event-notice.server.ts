import { z } from "zod";
import { calendarFile } from "~/infra/calendar.server";

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
  const { calendar } = data;
  const method = data.kind === "canceled" ? ("CANCEL" as const) : ("PUBLISH" as const);
  const content = calendarFile({
    name: calendar.title,
    timeZone: calendar.timeZone,
    method,
    entries: [
      {
        uid: calendar.uid,
        sequence: calendar.sequence,
        startsAt: new Date(calendar.startsAt),
        endsAt: new Date(calendar.endsAt),
        summary: calendar.title,
        description: "",
        location: calendar.location,
        url: calendar.url,
        updatedAt: new Date(calendar.updatedAt),
        canceled: data.kind === "canceled",
      },
    ],
  });
  return { icalEvent: { method, content } };
}
