import type { Db } from "~/infra/db/client.server";

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

// The calls open now that the story may go to: other events', not one that already has a copy.
export async function otherOpenCalls(client: Db, story: { id: string; eventId: string }, now = new Date()) {
  return client.event.findMany({
    where: {
      ...openCallWhere(now),
      id: { not: story.eventId },
      submissions: { none: { originId: story.id } },
    },
    orderBy: { startsAt: "asc" },
    select: { id: true, slug: true, titleFr: true, titleEn: true, startsAt: true, timeZone: true },
  });
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
