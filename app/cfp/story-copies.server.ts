import { href } from "react-router";
import type { Db } from "~/infra/db/client.server";
import { localized } from "~/infra/i18n/i18n";
import { enqueueMails } from "~/platform/mail.server";

// Stories that travel between cities (docs/decisions/043-stories-across-calls.md): a speaker's
// story told in Lyon may be proposed to Lille's call, as a draft copy linked to the original,
// whose history stays with it; organisers see the speaker's other stories in the network.

// A call open now (callStatus's "open"), on a published event that has a format to propose in.
const openCallWhere = (now: Date) => ({
  status: "PUBLISHED" as const,
  canceledAt: null,
  call: { closesAt: { gt: now }, OR: [{ opensAt: null }, { opensAt: { lte: now } }] },
  formats: { some: {} },
});

// The calls open now that the story may go to: other events', not one that already has a copy;
// those whose organisers invited it first (inviteToCall).
export async function otherOpenCalls(client: Db, story: { id: string; eventId: string }, now = new Date()) {
  const calls = await client.event.findMany({
    where: {
      ...openCallWhere(now),
      id: { not: story.eventId },
      submissions: { none: { originId: story.id } },
    },
    orderBy: { startsAt: "asc" },
    select: {
      id: true,
      slug: true,
      titleFr: true,
      titleEn: true,
      startsAt: true,
      timeZone: true,
      storyInvitations: { where: { submissionId: story.id }, select: { id: true } },
    },
  });
  return calls
    .map(({ storyInvitations, ...call }) => ({ ...call, invited: storyInvitations.length > 0 }))
    .sort((a, b) => Number(b.invited) - Number(a.invited));
}

// The copy, made for the speaker: the story's words, consents and their name as a draft of the
// other call, in its first format, for them to complete (its questions) and send. Refused when
// that call is not open, already has a copy, or already has as many of their stories as it takes.
export async function proposeElsewhere(
  client: Db,
  input: { submissionId: string; userId: string; eventId: string; now?: Date },
) {
  const now = input.now ?? new Date();
  return client.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "CallForStories" WHERE "eventId" = ${input.eventId} FOR UPDATE`;
    const story = await tx.submission.findFirst({
      where: { id: input.submissionId, speakers: { some: { userId: input.userId } }, state: { not: "DRAFT" } },
    });
    if (!story) return { ok: false as const, error: "errors.notFound" };
    const target = await tx.event.findFirst({
      where: {
        ...openCallWhere(now),
        id: input.eventId,
        NOT: { id: story.eventId },
        submissions: { none: { originId: story.id } },
      },
      select: {
        id: true,
        call: { select: { maxPerSpeaker: true } },
        formats: { orderBy: { position: "asc" }, take: 1, select: { id: true } },
      },
    });
    if (!target) return { ok: false as const, error: "storyCopies.errors.closed" };
    const mine = await tx.submission.count({
      where: { eventId: target.id, state: { not: "WITHDRAWN" }, speakers: { some: { userId: input.userId } } },
    });
    if (mine >= (target.call?.maxPerSpeaker ?? 0)) return { ok: false as const, error: "errors.tooManySubmissions" };
    const copy = await tx.submission.create({
      data: {
        eventId: target.id,
        formatId: target.formats[0]!.id,
        originId: story.id,
        title: story.title,
        company: story.company,
        sector: story.sector,
        companyYears: story.companyYears,
        whatHappened: story.whatHappened,
        turningPoint: story.turningPoint,
        lessons: story.lessons,
        nowDoing: story.nowDoing,
        language: story.language,
        consentRecording: story.consentRecording,
        consentPublish: story.consentPublish,
        speakers: { create: { userId: input.userId } },
      },
      select: { id: true },
    });
    await tx.submissionStateChange.create({
      data: { submissionId: copy.id, toState: "DRAFT", byUserId: input.userId },
    });
    return { ok: true as const, id: copy.id };
  });
}

// Where a story came from and where it went, for its page: the original's event and state, and
// each copy's.
export async function storyLineage(client: Db, story: { id: string; originId: string | null }) {
  const eventSelect = { select: { slug: true, titleFr: true, titleEn: true, startsAt: true, timeZone: true } };
  const [origin, copies] = await Promise.all([
    story.originId
      ? client.submission.findUnique({
          where: { id: story.originId },
          select: { id: true, state: true, event: eventSelect },
        })
      : null,
    client.submission.findMany({
      where: { originId: story.id },
      orderBy: { createdAt: "asc" },
      select: { id: true, state: true, event: eventSelect },
    }),
  ]);
  return { origin, copies };
}

// The speakers' other stories in the organisation's events (sent ones, not this event's), for the
// organisers' list: what they have told, or will tell, elsewhere in the network.
export async function networkTalks(client: Db, organisationId: string, eventId: string, userIds: string[]) {
  if (!userIds.length) return [];
  return client.speakerRole.findMany({
    where: {
      userId: { in: userIds },
      submission: { eventId: { not: eventId }, event: { organisationId }, state: { notIn: ["DRAFT", "WITHDRAWN"] } },
    },
    orderBy: { submission: { event: { startsAt: "desc" } } },
    select: {
      userId: true,
      submission: {
        select: {
          id: true,
          title: true,
          state: true,
          event: { select: { titleFr: true, titleEn: true, startsAt: true } },
        },
      },
    },
  });
}

// A talk told on stage in the network: on a released (public) agenda of another published event
// of the organisation, accepted or confirmed. Only what the public agenda shows already is shown
// to another chapter's organisers: its title, its speakers' names, its event.
const publicTalkWhere = (event: { id: string; organisationId: string }) => ({
  eventId: { not: event.id },
  state: { in: ["ACCEPTED" as const, "CONFIRMED" as const] },
  event: { organisationId: event.organisationId, status: "PUBLISHED" as const, canceledAt: null },
  slots: { some: { schedule: { number: { gt: 0 } } } },
});

export const NETWORK_STORIES_SHOWN = 50;

// The stories told on stage elsewhere in the network, newest edition first (those whose title or
// speaker matches the search, when there is one), each with what this event knows of it: invited
// already, or already proposed here by its speaker.
export async function networkStories(client: Db, event: { id: string; organisationId: string }, search = "") {
  const rows = await client.submission.findMany({
    where: {
      ...publicTalkWhere(event),
      ...(search
        ? {
            OR: [
              { title: { contains: search, mode: "insensitive" as const } },
              { speakers: { some: { user: { name: { contains: search, mode: "insensitive" as const } } } } },
            ],
          }
        : {}),
    },
    orderBy: [{ event: { startsAt: "desc" } }, { title: "asc" }],
    take: NETWORK_STORIES_SHOWN,
    select: {
      id: true,
      title: true,
      sector: true,
      event: { select: { titleFr: true, titleEn: true, startsAt: true, timeZone: true } },
      speakers: { orderBy: { position: "asc" }, select: { userId: true, user: { select: { name: true } } } },
      invitations: { where: { eventId: event.id }, select: { createdAt: true } },
      copies: { where: { eventId: event.id }, select: { state: true } },
    },
  });
  return rows.map(({ invitations, copies, ...story }) => ({
    ...story,
    invitedAt: invitations[0]?.createdAt ?? null,
    proposedHere: copies[0]?.state ?? null,
  }));
}

// An organiser invites the speakers of a story told elsewhere in the network to propose it to
// their event's open call: one invitation per story and call, a mail to each speaker, who then
// decides (proposeElsewhere, from their story's page). Nothing is copied on their behalf.
export async function inviteToCall(
  client: Db,
  input: {
    storyId: string;
    event: { id: string; organisationId: string; titleFr: string; titleEn: string };
    organiserId: string;
    appUrl: string;
    now?: Date;
  },
) {
  const now = input.now ?? new Date();
  return client.$transaction(async (tx) => {
    const open = await tx.event.count({ where: { id: input.event.id, ...openCallWhere(now) } });
    if (!open) return { ok: false as const, error: "storyCopies.errors.callNotOpen" };
    const story = await tx.submission.findFirst({
      where: { id: input.storyId, ...publicTalkWhere(input.event) },
      select: {
        title: true,
        event: { select: { titleFr: true, titleEn: true } },
        speakers: { select: { user: { select: { email: true, locale: true } } } },
        copies: { where: { eventId: input.event.id }, select: { id: true } },
      },
    });
    if (!story) return { ok: false as const, error: "errors.notFound" };
    if (story.copies.length) return { ok: false as const, error: "storyCopies.errors.alreadyProposed" };
    const { count } = await tx.storyInvitation.createMany({
      data: { submissionId: input.storyId, eventId: input.event.id, invitedById: input.organiserId },
      skipDuplicates: true,
    });
    if (!count) return { ok: false as const, error: "storyCopies.errors.alreadyInvited" };
    await enqueueMails(
      tx,
      story.speakers.map(({ user }) => ({
        to: user.email,
        locale: user.locale,
        template: "story-invitation" as const,
        data: {
          title: story.title,
          toldAt: localized(story.event, "title", user.locale),
          eventTitle: localized(input.event, "title", user.locale),
          url: `${input.appUrl}${href("/connexion")}?${new URLSearchParams({ email: user.email, redirectTo: href("/espace/recits/:submissionId", { submissionId: input.storyId }) })}`,
        },
      })),
    );
    return { ok: true as const };
  });
}
