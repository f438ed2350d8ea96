import type { Db } from "~/infra/db/client.server";
import { callForEvent, callStatus } from "./call.server";

// What the public call page and the submission form need: the event, its call and options.
export async function publicCall(client: Db, eventSlug: string, now = new Date()) {
  const event = await client.event.findUnique({
    where: { slug: eventSlug },
    select: {
      id: true,
      slug: true,
      titleFr: true,
      titleEn: true,
      timeZone: true,
      startsAt: true,
      status: true,
      organisationId: true,
    },
  });
  if (!event) return null;
  const { call, formats, tracks } = await callForEvent(client, event.id);
  return { event, call, formats, tracks, status: callStatus(call, now) };
}
