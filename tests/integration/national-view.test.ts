import { expect, test } from "vitest";
import { translator } from "~/infra/i18n/i18n";
import { nationalView, nationalViewCsv, type Figures } from "~/network/national-view.server";
import { freshDatabase } from "../support/database";
import { createEvent, createOrganisation, createUser } from "../support/factories";

// The national view (app/network/national-view.server.ts): each figure of the whole network is
// the sum of its chapters' (and of the national team's own events), on both databases.
const { prisma: db } = await freshDatabase();
const t = translator("fr");
const organisation = await createOrganisation(db, { name: "Réseau Rebond" });
const elsewhere = await createOrganisation(db);
const [lyon, lille] = await Promise.all(
  [
    ["Auvergne-Rhône-Alpes", "Auvergne-Rhône-Alpes"],
    ["Hauts-de-France", "Hauts-de-France"],
  ].map(([name, region]) =>
    db.chapter.create({ data: { organisationId: organisation.id, name: name!, regions: [region!] } }),
  ),
);
await db.chapter.create({ data: { organisationId: organisation.id, name: "Provence-Alpes-Côte d'Azur" } });
const speaker = await createUser(db);
let n = 0;

// An evening with `tickets` tickets in hand of which `entered` came in, `stories` sent stories of
// which `kept` accepted, invitations answered, survey ratings and wall posts.
async function evening(
  organisationId: string,
  chapterId: string | null,
  region: string,
  startsAt: string,
  f: {
    tickets: number;
    entered: number;
    stories: number;
    kept: number;
    yes: number;
    no: number;
    silent: number;
    ratings: number[];
    posts: number;
  },
) {
  const event = await createEvent(db, organisationId, {
    chapterId,
    region,
    startsAt: new Date(startsAt),
    endsAt: new Date(Date.parse(startsAt) + 3 * 3600_000),
  });
  const type = await db.ticketType.create({ data: { eventId: event.id, nameFr: "Entrée", nameEn: "Entry" } });
  const format = await db.talkFormat.create({
    data: { eventId: event.id, nameFr: "Récit", nameEn: "Story", minutes: 12 },
  });
  for (let i = 0; i < f.tickets; i++) {
    await db.order.create({
      data: {
        eventId: event.id,
        code: `NAT${n++}`,
        email: `p${n}@exemple.fr`,
        name: "Personne",
        status: "PAID",
        method: "OFFLINE",
        totalCents: 0,
        tickets: {
          create: {
            ticketTypeId: type.id,
            priceCents: 0,
            attendeeName: "Personne",
            secret: `nat-${n}`,
            checkedInAt: i < f.entered ? new Date() : null,
          },
        },
      },
    });
  }
  // Neither a canceled ticket nor an unpaid transfer is a ticket in hand.
  await db.order.create({
    data: {
      eventId: event.id,
      code: `NAT${n++}`,
      email: "x@exemple.fr",
      name: "X",
      status: "PENDING",
      method: "OFFLINE",
      totalCents: 0,
      tickets: { create: { ticketTypeId: type.id, priceCents: 0, attendeeName: "X", secret: `nat-${n}` } },
    },
  });
  for (let i = 0; i < f.stories + 1; i++) {
    const state = i === f.stories ? "DRAFT" : i < f.kept ? "ACCEPTED" : "REJECTED";
    await db.submission.create({
      data: {
        eventId: event.id,
        formatId: format.id,
        state,
        title: "Récit",
        whatHappened: "…",
        lessons: "…",
        speakers: { create: { userId: speaker.id } },
      },
    });
  }
  const campaign = await db.campaign.create({
    data: {
      organisationId,
      eventId: event.id,
      name: "Invitation",
      subjectFr: "",
      subjectEn: "",
      bodyFr: "",
      bodyEn: "",
      createdById: speaker.id,
    },
  });
  const answers = [...Array(f.yes).fill("YES"), ...Array(f.no).fill("NO"), ...Array(f.silent).fill(null)];
  await db.campaignRecipient.createMany({
    data: answers.map((answer, i) => ({ campaignId: campaign.id, email: `invite${n}-${i}@exemple.fr`, answer })),
  });
  if (f.ratings.length) {
    const survey = await db.survey.create({
      data: {
        eventId: event.id,
        titleFr: "Avis",
        titleEn: "Opinion",
        anonymous: true,
        questions: { create: { kind: "RATING", textFr: "Note", textEn: "Rating" } },
      },
      include: { questions: true },
    });
    for (const rating of f.ratings)
      await db.surveyResponse.create({
        data: {
          id: `r${n++}`,
          surveyId: survey.id,
          createdAt: new Date(),
          answers: { create: { questionId: survey.questions[0]!.id, rating } },
        },
      });
  }
  for (let i = 0; i < f.posts + 1; i++)
    await db.wallPost.create({
      data: {
        eventId: event.id,
        origin: "wall",
        externalId: `post-${n++}`,
        authorName: "A",
        authorHandle: "a",
        text: "Bravo",
        html: "Bravo",
        postedAt: new Date(),
        status: i < f.posts ? "APPROVED" : "PENDING",
      },
    });
  return event;
}

const none = { yes: 0, no: 0, silent: 0, ratings: [] as number[], posts: 0 };
await evening(organisation.id, lyon!.id, "Auvergne-Rhône-Alpes", "2026-03-12T17:30:00Z", {
  tickets: 10,
  entered: 8,
  stories: 6,
  kept: 3,
  yes: 4,
  no: 1,
  silent: 2,
  ratings: [5, 4],
  posts: 3,
});
await evening(organisation.id, lyon!.id, "Auvergne-Rhône-Alpes", "2027-03-11T17:30:00Z", {
  ...none,
  tickets: 4,
  entered: 1,
  stories: 2,
  kept: 1,
  ratings: [3],
});
await evening(organisation.id, lille!.id, "Hauts-de-France", "2026-05-20T16:30:00Z", {
  tickets: 6,
  entered: 6,
  stories: 3,
  kept: 2,
  yes: 1,
  no: 2,
  silent: 0,
  ratings: [],
  posts: 1,
});
await evening(organisation.id, null, "En ligne", "2026-12-31T23:30:00Z", {
  ...none,
  tickets: 2,
  entered: 1,
  stories: 0,
  kept: 0,
  posts: 2,
});
// Another organisation's evening counts nowhere here.
await evening(elsewhere.id, null, "Bretagne", "2026-04-01T17:00:00Z", {
  ...none,
  tickets: 50,
  entered: 50,
  stories: 9,
  kept: 9,
  posts: 9,
});

// Lyon's online bistrot: two sessions held by mid-January, one to come; three registrations.
async function bistrot(organisationId: string, chapterId: string | null) {
  const series = await db.series.create({
    data: {
      organisationId,
      chapterId,
      slug: `bistrot-${n++}`,
      titleFr: "Bistrot du rebond",
      titleEn: "Bounce-back bistro",
      weekdays: [1],
      startTimes: ["08:30"],
      durationMinutes: 40,
      startsOn: "2027-01-04",
      endsOn: "2027-01-18",
      meetingUrl: "https://visio.exemple.fr/bistrot",
      sessions: {
        create: ["2027-01-04", "2027-01-11", "2027-01-18"].map((day) => ({
          startsAt: new Date(`${day}T07:30:00Z`),
          endsAt: new Date(`${day}T08:10:00Z`),
        })),
      },
      registrations: {
        create: [1, 2, 3].map((i) => ({ name: "Personne", email: `bistrot${n}-${i}@exemple.fr`, token: `b${n}-${i}` })),
      },
    },
    include: { sessions: { orderBy: { startsAt: "asc" } }, registrations: true },
  });
  const [first, second, third] = series.sessions;
  const [a, b] = series.registrations;
  await db.seriesAttendance.createMany({
    data: [
      { sessionId: first!.id, registrationId: a!.id, source: "LINK" },
      { sessionId: first!.id, registrationId: b!.id, source: "CHECK_IN" },
      { sessionId: second!.id, registrationId: a!.id, source: "LINK" },
      // Joined early for the session to come: not an attendance of a session held.
      { sessionId: third!.id, registrationId: b!.id, source: "LINK" },
    ],
  });
  const survey = await db.survey.create({
    data: {
      seriesId: series.id,
      titleFr: "Avis",
      titleEn: "Opinion",
      anonymous: true,
      questions: { create: { kind: "RATING", textFr: "Note", textEn: "Rating" } },
    },
    include: { questions: true },
  });
  for (const rating of [4, 5])
    await db.surveyResponse.create({
      data: {
        id: `r${n++}`,
        surveyId: survey.id,
        createdAt: new Date(),
        answers: { create: { questionId: survey.questions[0]!.id, rating } },
      },
    });
}
await bistrot(organisation.id, lyon!.id);
await bistrot(elsewhere.id, null);

// Mid-January 2027: Lyon's 2027 evening is still to come, so its tickets are not in the rate.
const view = await nationalView(db, organisation.id, t, new Date("2027-01-15T12:00:00Z"));
const additive = [
  "events",
  "submissions",
  "accepted",
  "tickets",
  "checkedIn",
  "invited",
  "yes",
  "no",
  "posts",
] as const;
const added = (lines: Figures[]) => Object.fromEntries(additive.map((k) => [k, lines.reduce((s, l) => s + l[k], 0)]));

test("the network's figures are the sum of its chapters', of its regions' and of its seasons'", () => {
  expect(view.total).toEqual({
    events: 4,
    submissions: 11,
    accepted: 6,
    tickets: 22,
    checkedIn: 16,
    attendanceRate: 15 / 18,
    invited: 10,
    yes: 5,
    no: 3,
    rating: 4,
    posts: 6,
  });
  for (const group of [view.chapters, view.regions, view.seasons])
    expect(added(group)).toEqual(Object.fromEntries(additive.map((k) => [k, view.total[k]])));
});

test("per chapter — every chapter, even one with no event yet — per region and per season", () => {
  expect(view.chapters.map((l) => [l.label, l.events, l.tickets, l.checkedIn, l.rating])).toEqual([
    ["Auvergne-Rhône-Alpes", 2, 14, 9, 4],
    ["Hauts-de-France", 1, 6, 6, null],
    ["Provence-Alpes-Côte d'Azur", 0, 0, 0, null],
    ["Équipe nationale", 1, 2, 1, null],
  ]);
  expect(view.chapters[0]!.attendanceRate).toBe(8 / 10);
  expect(view.regions.map((l) => l.label)).toEqual(["Auvergne-Rhône-Alpes", "Hauts-de-France", "En ligne"]);
  // The season is the year in the organisation's zone: 31 December 23:30 UTC is 2027 in Paris.
  expect(view.seasons.map((l) => [l.label, l.events, l.tickets])).toEqual([
    ["2026", 2, 16],
    ["2027", 2, 6],
  ]);
});

test("the spreadsheet carries the same lines, decimals with a comma", () => {
  const csv = nationalViewCsv(view, t);
  const lines = csv.trim().split("\r\n");
  expect(lines[0]).toBe(
    "Regroupement;Nom;Événements;Récits reçus;Récits retenus;Billets;Entrées;Taux de présence;Personnes invitées;Réponses oui;Réponses non;Note moyenne au sondage;Messages du mur",
  );
  expect(lines).toContain("Antenne;Auvergne-Rhône-Alpes;2;8;4;14;9;80,0;7;4;1;4,00;3");
  expect(lines.at(-1)).toBe("Total;Tout le réseau;4;11;6;22;16;83,3;10;5;3;4,00;6");
  expect(lines).toHaveLength(1 + 4 + 3 + 2 + 1);
});

test("the online series beside the evenings: sessions held, registrations, attendances, survey", () => {
  expect(view.series).toEqual([
    expect.objectContaining({
      titleFr: "Bistrot du rebond",
      chapter: "Auvergne-Rhône-Alpes",
      held: 2,
      registrations: 3,
      attendances: 3,
      perSession: 1.5,
      rating: 4.5,
    }),
  ]);
});
