import { agendaOverview } from "~/agenda/public.server";
import { callStatus } from "~/cfp/call.server";
import type { Db } from "~/infra/db/client.server";
import { publicPartners } from "~/partners/partners.server";
import { wallSnapshot } from "~/wall/changes.server";
import { COMPACT_POSTS } from "~/wall/compact-wall";
import { publicEvent } from "./events.server";
import { canSeeEvent } from "./visibility.server";

// What the public page of an event shows, or null when the visitor may not see it: four
// statements for an anonymous visitor (the event, its talks, its partners, its wall), what a
// cache miss costs (docs/decisions/017-performance.md).
export async function eventPage(client: Db, slug: string, userId: string | undefined) {
  const event = await publicEvent(client, slug);
  // A draft is visible only to its organisers, as a preview.
  if (!event || !(await canSeeEvent(client, event, userId))) return null;
  const { call, _count, ...shown } = event;
  const [wall, agenda, partners] = await Promise.all([
    wallSnapshot(client, event.id, COMPACT_POSTS),
    agendaOverview(client, event.id),
    publicPartners(client, event.id),
  ]);
  return {
    event: shown,
    callOpen: callStatus(call) === "open",
    hasTickets: _count.ticketTypes > 0,
    wall: wall.open ? wall : null,
    ...agenda,
    partners,
  };
}
