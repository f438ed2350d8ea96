import type { Db } from "~/infra/db/client.server";
import type { Prisma } from "~/generated/prisma/client";
import { speakerPhoto } from "~/cfp/profile.server";
import { visibleEvent } from "~/events/visibility.server";
import { publishedReleases, type Changelog } from "./releases.server";
import { latestRelease, slotFields } from "./schedule.server";

// What the public sees of a release: only the latest by default, earlier ones on request, and of
// each talk only what its speakers agreed to publish (docs/decisions/009-agenda.md).

const publicSlotSelect = {
  id: true,
  ...slotFields,
  updatedAt: true,
  submission: {
    select: {
      id: true,
      title: true,
      language: true,
      consentPublish: true,
      consentRecording: true,
      whatHappened: true,
      lessons: true,
      format: { select: { nameFr: true, nameEn: true } },
      track: { select: { id: true, nameFr: true, nameEn: true } },
      speakers: {
        orderBy: { position: "asc" },
        select: {
          user: {
            select: {
              id: true,
              name: true,
              speakerProfile: { select: { bio: true, region: true, links: true, photoUpdatedAt: true } },
            },
          },
        },
      },
    },
  },
} satisfies Prisma.TalkSlotSelect;

type RawSlot = Prisma.TalkSlotGetPayload<{ select: typeof publicSlotSelect }>;

// The story's summary and the speakers' biographies appear only with the speakers' consent.
function publicTalk(talk: NonNullable<RawSlot["submission"]>) {
  const consent = talk.consentPublish;
  return {
    id: talk.id,
    title: talk.title,
    language: talk.language,
    recorded: talk.consentRecording,
    summary: consent ? talk.whatHappened : null,
    lessons: consent ? talk.lessons : null,
    format: talk.format,
    track: talk.track,
    speakers: talk.speakers.map(({ user }) => ({
      id: user.id,
      name: user.name,
      bio: consent ? (user.speakerProfile?.bio ?? "") : "",
      region: consent ? (user.speakerProfile?.region ?? "") : "",
      links: consent ? (user.speakerProfile?.links ?? []) : [],
      hasPhoto: consent && Boolean(user.speakerProfile?.photoUpdatedAt),
    })),
  };
}

export type PublicSlot = Omit<RawSlot, "submission"> & { talk: ReturnType<typeof publicTalk> | null };

const slotOrder = [{ startsAt: "asc" }, { roomId: "asc" }] satisfies Prisma.TalkSlotOrderByWithRelationInput[];
const toPublicSlot = ({ submission, ...slot }: RawSlot): PublicSlot => ({
  ...slot,
  talk: submission ? publicTalk(submission) : null,
});

// A release of the event (the latest when no number is given), or null before the first one: the
// list of releases, and the release with its slots and the event's rooms in one statement.
export async function publishedAgenda(client: Db, eventId: string, number?: number) {
  const [releases, release] = await Promise.all([
    publishedReleases(client, eventId),
    client.schedule.findFirst({
      where: { eventId, number: number ?? { gt: 0 } },
      orderBy: { number: "desc" },
      select: {
        number: true,
        publishedAt: true,
        changelog: true,
        slots: { orderBy: slotOrder, select: publicSlotSelect },
        event: {
          select: {
            rooms: {
              orderBy: [{ position: "asc" }, { createdAt: "asc" }],
              select: {
                id: true,
                nameFr: true,
                nameEn: true,
                capacity: true,
                accessibilityFr: true,
                accessibilityEn: true,
              },
            },
          },
        },
      },
    }),
  ]);
  if (!release || release.number <= 0) return null;
  const used = new Set(release.slots.map((s) => s.roomId));
  return {
    release: {
      number: release.number,
      publishedAt: release.publishedAt!,
      changelog: release.changelog as Changelog | null,
      isLatest: release.number === releases[0]?.number,
    },
    releases: releases.map((r) => ({ number: r.number, publishedAt: r.publishedAt! })),
    rooms: release.event.rooms.filter((r) => used.has(r.id)),
    slots: release.slots.map(toPublicSlot),
  };
}

export type PublishedAgenda = NonNullable<Awaited<ReturnType<typeof publishedAgenda>>>;

// The talks of the latest release as the event page sums them up, in one statement: each talk's
// time, title and speakers, and every speaker once.
export async function agendaOverview(client: Db, eventId: string) {
  const latest = await client.schedule.findFirst({
    where: { eventId, number: { gt: 0 } },
    orderBy: { number: "desc" },
    select: { slots: { where: { submissionId: { not: null } }, orderBy: slotOrder, select: publicSlotSelect } },
  });
  const slots = (latest?.slots ?? [])
    .map(toPublicSlot)
    .flatMap((slot) => (slot.talk ? [{ ...slot, talk: slot.talk }] : []));
  return {
    hasAgenda: latest !== null,
    talks: slots.map((slot) => ({
      id: slot.talk.id,
      startsAt: slot.startsAt,
      title: slot.talk.title,
      speakers: slot.talk.speakers.map((s) => s.name).join(", "),
    })),
    speakers: [
      ...new Map(
        slots
          .flatMap((slot) => slot.talk.speakers)
          .map((s) => [s.id, { id: s.id, name: s.name, hasPhoto: s.hasPhoto }]),
      ).values(),
    ],
  };
}

// The event and its latest release, for the exports; null when either is not there to be seen.
export async function exportableAgenda(client: Db, slug: string, userId: string | undefined) {
  const event = await visibleEvent(client, slug, userId);
  const agenda = event && (await publishedAgenda(client, event.id));
  return event && agenda ? { event, agenda } : null;
}

// Where and when a talk stands in the latest release, for its speakers; null if it is not there.
export async function scheduledSlot(client: Db, eventId: string, submissionId: string) {
  const latest = await latestRelease(client, eventId);
  if (!latest) return null;
  return client.talkSlot.findFirst({
    where: { scheduleId: latest.id, submissionId },
    select: { startsAt: true, endsAt: true, room: { select: { nameFr: true, nameEn: true } } },
  });
}

// A speaker's photo, public only while they have a talk in the latest release and agreed to publish it.
export async function publicSpeakerPhoto(client: Db, eventId: string, userId: string) {
  const latest = await latestRelease(client, eventId);
  if (!latest) return null;
  const consented = await client.talkSlot.count({
    where: { scheduleId: latest.id, submission: { consentPublish: true, speakers: { some: { userId } } } },
  });
  return consented ? speakerPhoto(client, userId) : null;
}

// The tracks of an agenda's talks, the one asked for (?piste=) when it is one of them, and the
// slots shown with it: its talks and every break.
export function byTrack(slots: PublicSlot[], asked: string | undefined) {
  const tracks = [...new Map(slots.flatMap((s) => (s.talk?.track ? [[s.talk.track.id, s.talk.track]] : []))).values()];
  const track = tracks.some((tr) => tr.id === asked) ? asked! : null;
  return { tracks, track, slots: slots.filter((s) => !track || !s.talk || s.talk.track?.id === track) };
}
