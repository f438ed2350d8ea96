import { publishedAgenda } from "~/agenda/public.server";
import type { Db } from "~/infra/db/client.server";
import { isOrganisationMember, visibleEvent } from "~/events/visibility.server";

// The event's wall as the public sees it: only once organisers opened it (before that, they alone
// can look at it, as a preview). Null when it is not there to be seen.
export async function visibleWall(client: Db, slug: string, userId: string | undefined) {
  const event = await visibleEvent(client, slug, userId);
  if (!event) return null;
  const [settings, member] = await Promise.all([
    client.wallSettings.findUnique({ where: { eventId: event.id }, select: { open: true } }),
    isOrganisationMember(client, event.organisationId, userId),
  ]);
  const open = settings?.open ?? false;
  if (!open && !member) return null;
  return { event, open, member };
}

// The talks still to come or under way, for the screen's "now / next" (worked out again in the
// browser as time passes, so the screen never reloads).
export async function upcomingTalks(client: Db, eventId: string, now = new Date()) {
  const agenda = await publishedAgenda(client, eventId);
  if (!agenda) return [];
  const rooms = new Map(agenda.rooms.map((r) => [r.id, r]));
  return agenda.slots
    .filter((s) => s.talk && s.endsAt > now)
    .slice(0, 8)
    .map((s) => ({
      id: s.id,
      title: s.talk!.title,
      speakers: s.talk!.speakers.map((p) => p.name).join(", "),
      roomFr: s.roomId ? (rooms.get(s.roomId)?.nameFr ?? "") : "",
      roomEn: s.roomId ? (rooms.get(s.roomId)?.nameEn ?? "") : "",
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
    }));
}

export type UpcomingTalk = Awaited<ReturnType<typeof upcomingTalks>>[number];

// An on-site photo, shown once its post is on the wall (organisers see it while moderating).
export async function onsitePhoto(client: Db, eventId: string, externalId: string, organiser: boolean) {
  const post = await client.wallPost.findUnique({
    where: { eventId_origin_externalId: { eventId, origin: "onsite", externalId } },
    select: { photo: true, status: true },
  });
  if (!post?.photo || (post.status !== "APPROVED" && !organiser)) return null;
  return post.photo;
}
