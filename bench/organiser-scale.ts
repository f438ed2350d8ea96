import { randomBytes } from "node:crypto";
import type { Db } from "~/infra/db/client.server";
import { publishRelease } from "~/agenda/releases.server";
import { draftScheduleId } from "~/agenda/schedule.server";

// An organisation and one event at the size of a big season, written in bulk (createMany, a few
// statements per table, not one round trip per row): `orders` orders of one to three tickets
// (mostly paid, some pending, cancelled or expired, over sixty days), `contacts` contacts with
// tags, `submissions` stories with three reviews each on three criteria, `talks` of them confirmed
// and scheduled in a published agenda, a few codes, a draft invitation to most contacts and a sent
// one with a recipient and a delivered mail per contact, some of whom answered.
export type ScaleSize = { orders: number; contacts: number; submissions: number; talks: number };

const firstNames = [
  "Camille",
  "Léa",
  "Hugo",
  "Chloé",
  "Louis",
  "Manon",
  "Jules",
  "Inès",
  "Gabriel",
  "Zoé",
  "Arthur",
  "Emma",
];
const lastNames = [
  "Martin",
  "Bernard",
  "Dubois",
  "Thomas",
  "Robert",
  "Richard",
  "Petit",
  "Durand",
  "Leroy",
  "Moreau",
  "Simon",
  "Laurent",
];
const tagSets = [
  ["presse"],
  ["mentor", "paris"],
  ["investisseur"],
  ["alumni", "lyon"],
  ["presse", "paris"],
  ["alumni"],
];

async function inBatches<T>(rows: T[], size: number, write: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

export async function seedScaleOrganisation(
  db: Db,
  input: { slug: string; ownerId: string; size: ScaleSize; appUrl: string },
) {
  const { slug, size } = input;
  const day = 24 * 3600 * 1000;
  const now = Date.now();
  const organisation = await db.organisation.create({ data: { slug, name: `Réseau ${slug}` } });
  await db.membership.create({ data: { organisationId: organisation.id, userId: input.ownerId, role: "OWNER" } });
  const startsAt = new Date(now + 40 * day);
  const event = await db.event.create({
    data: {
      organisationId: organisation.id,
      slug: `${slug}-soiree`,
      titleFr: `Le grand rebond (${slug})`,
      titleEn: `The big bounce-back (${slug})`,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 8 * 3600 * 1000),
      venueName: "Cité des congrès",
      venueAddress: "5 rue de Valmy, 44000 Nantes",
      status: "PUBLISHED",
    },
  });

  // Ticketing: one quota, three types, an attendee question, a public code and partner codes.
  const quota = await db.quota.create({ data: { eventId: event.id, name: "Jauge", size: size.orders * 4 + 10 } });
  const types = await Promise.all(
    [
      ["Entrée", "Entry", 2500],
      ["Solidaire", "Solidarity", 0],
      ["Soutien", "Supporter", 5000],
    ].map(([nameFr, nameEn, priceCents], position) =>
      db.ticketType.create({
        data: {
          eventId: event.id,
          nameFr: nameFr as string,
          nameEn: nameEn as string,
          priceCents: priceCents as number,
          position,
          maxPerOrder: 10,
          quotas: { create: { quotaId: quota.id } },
        },
      }),
    ),
  );
  const question = await db.attendeeQuestion.create({
    data: { eventId: event.id, kind: "TEXT", textFr: "Entreprise", textEn: "Company" },
  });
  await db.voucher.create({
    data: { eventId: event.id, code: "REBOND20", kind: "PERCENT", percent: 20, maxUses: 500 },
  });
  for (let i = 0; i < 10; i++) {
    await db.voucher.create({
      data: {
        eventId: event.id,
        code: `PARTENAIRE-${i}`,
        kind: "FREE",
        maxUses: 20,
        reserveQuota: true,
        tag: `Partenaire ${i}`,
        ticketTypes: { create: { ticketTypeId: types[1]!.id } },
      },
    });
  }
  const orders = Array.from({ length: size.orders }, (_, i) => {
    const createdAt = new Date(now - 60 * day + Math.floor((i / size.orders) * 59 * day));
    const roll = i % 20;
    const status = roll < 17 ? "PAID" : roll === 17 ? "PENDING" : roll === 18 ? "CANCELED" : "EXPIRED";
    const first = firstNames[i % firstNames.length]!;
    const last = lastNames[Math.floor(i / firstNames.length) % lastNames.length]!;
    const count = 1 + (i % 3);
    const type = types[i % 3]!;
    return {
      order: {
        id: `${slug}-o${String(i).padStart(6, "0")}`,
        eventId: event.id,
        code: `${slug.slice(0, 3).toUpperCase()}${String(i).padStart(6, "0")}`,
        email: `${first}.${last}.${i}@acheteurs.example`.toLowerCase(),
        name: `${first} ${last}`,
        status: status as "PAID" | "PENDING" | "CANCELED" | "EXPIRED",
        method: (i % 4 === 0 ? "STRIPE" : "OFFLINE") as "STRIPE" | "OFFLINE",
        totalCents: type.priceCents * count,
        expiresAt: status === "PENDING" || status === "EXPIRED" ? new Date(createdAt.getTime() + day) : null,
        paidAt: status === "PAID" ? new Date(createdAt.getTime() + 60_000) : null,
        answers: { [question.id]: `Entreprise ${i % 300}` },
        createdAt,
      },
      tickets: Array.from({ length: count }, (_, n) => ({
        orderId: `${slug}-o${String(i).padStart(6, "0")}`,
        ticketTypeId: type.id,
        priceCents: type.priceCents,
        attendeeName: n === 0 ? `${first} ${last}` : `Invité·e ${n} de ${first}`,
        secret: randomBytes(16).toString("base64url"),
        canceledAt: status === "CANCELED" ? createdAt : null,
        checkedInAt: status === "PAID" && i % 5 === 0 ? startsAt : null,
        createdAt,
      })),
    };
  });
  await inBatches(
    orders.map((o) => o.order),
    2000,
    (data) => db.order.createMany({ data }),
  );
  await inBatches(
    orders.flatMap((o) => o.tickets),
    4000,
    (data) => db.ticket.createMany({ data }),
  );

  // Contacts.
  const contacts = Array.from({ length: size.contacts }, (_, i) => ({
    organisationId: organisation.id,
    email: `contact${String(i).padStart(6, "0")}@contacts.example`,
    firstName: firstNames[i % firstNames.length]!,
    lastName: lastNames[(i * 7) % lastNames.length]!,
    locale: (i % 5 === 0 ? "en" : "fr") as "fr" | "en",
    tags: tagSets[i % tagSets.length]!,
    consentSource: i % 2 ? "Formulaire salon Lyon 2026" : "Import partenaires.csv",
    consentAt: new Date(now - 200 * day),
    unsubscribedAt: i % 50 === 0 ? new Date(now - 10 * day) : null,
    bouncedAt: i % 97 === 0 ? new Date(now - 5 * day) : null,
  }));
  await inBatches(contacts, 5000, (data) => db.contact.createMany({ data }));

  // The call: submissions by their own speakers, three reviews each on three criteria.
  const format = await db.talkFormat.create({
    data: { eventId: event.id, nameFr: "Récit", nameEn: "Story", minutes: 20 },
  });
  const tracks = await Promise.all(
    ["Financement", "Associés", "Marché", "Santé"].map((nameFr, i) =>
      db.track.create({ data: { eventId: event.id, nameFr, nameEn: nameFr, position: i } }),
    ),
  );
  const categories = await Promise.all(
    ["Récit", "Leçons", "Scène"].map((nameFr, i) =>
      db.scoreCategory.create({ data: { eventId: event.id, nameFr, nameEn: nameFr, weight: i + 1, position: i } }),
    ),
  );
  const reviewers = Array.from({ length: 10 }, (_, i) => ({
    id: `${slug}-r${i}`,
    email: `relecteur${i}.${slug}@bench.example`,
    name: `Relecteur·rice ${i}`,
  }));
  await db.user.createMany({ data: reviewers });
  const speakers = Array.from({ length: size.submissions }, (_, i) => ({
    id: `${slug}-u${i}`,
    email: `intervenant${i}.${slug}@bench.example`,
    name: `${firstNames[i % 12]} ${lastNames[(i * 5) % 12]}`,
  }));
  await inBatches(speakers, 2000, (data) => db.user.createMany({ data }));
  const states = ["SUBMITTED", "SUBMITTED", "SUBMITTED", "ACCEPTED", "REJECTED"] as const;
  const submissions = Array.from({ length: size.submissions }, (_, i) => ({
    id: `${slug}-s${String(i).padStart(4, "0")}`,
    eventId: event.id,
    formatId: format.id,
    trackId: tracks[i % 4]!.id,
    state: i < size.talks ? ("CONFIRMED" as const) : states[i % states.length]!,
    title: `Récit n° ${i} : la croissance qui a tout emporté`,
    whatHappened: "Une entreprise qui grandissait trop vite, et une trésorerie qui ne suivait pas. ".repeat(4),
    lessons: "Regarder la trésorerie chaque semaine.",
    consentPublish: true,
    submittedAt: new Date(now - 90 * day + i * 60_000),
  }));
  await inBatches(submissions, 1000, (data) => db.submission.createMany({ data }));
  await inBatches(
    submissions.map((s, i) => ({ submissionId: s.id, userId: speakers[i]!.id, acceptedAt: new Date() })),
    2000,
    (data) => db.speakerRole.createMany({ data }),
  );
  const reviews = submissions.flatMap((s, i) =>
    [0, 1, 2].map((n) => ({
      id: `${s.id}-v${n}`,
      submissionId: s.id,
      reviewerId: reviewers[(i + n * 3) % reviewers.length]!.id,
      comment: "Un récit fort, une leçon claire.",
    })),
  );
  await inBatches(reviews, 3000, (data) => db.review.createMany({ data }));
  const scores = reviews.flatMap((r, i) =>
    categories.map((c, n) => ({ reviewId: r.id, categoryId: c.id, value: 1 + ((i * 7 + n * 3) % 5) })),
  );
  await inBatches(scores, 5000, (data) => db.reviewScore.createMany({ data }));

  // The agenda: the confirmed stories over one day in six rooms, published.
  const rooms = await Promise.all(
    Array.from({ length: 6 }, (_, i) =>
      db.room.create({ data: { eventId: event.id, nameFr: `Salle ${i + 1}`, nameEn: `Room ${i + 1}`, position: i } }),
    ),
  );
  const scheduleId = await draftScheduleId(db, event.id);
  await db.talkSlot.createMany({
    data: submissions.slice(0, size.talks).map((s, i) => {
      const at = new Date(startsAt.getTime() + Math.floor(i / rooms.length) * 30 * 60_000);
      return {
        scheduleId,
        submissionId: s.id,
        roomId: rooms[i % rooms.length]!.id,
        startsAt: at,
        endsAt: new Date(at.getTime() + 20 * 60_000),
      };
    }),
  });
  await publishRelease(db, { eventId: event.id, publisherId: input.ownerId, appUrl: input.appUrl });

  // Invitations: a draft to the tagged contacts and the event's attendees, and one sent to every
  // contact, delivered, with answers.
  const text = {
    subjectFr: "Vous êtes invité·e, {{prenom}}",
    subjectEn: "You are invited, {{prenom}}",
    bodyFr: "Bonjour {{prenom}},\n\n{{evenement}} le {{date}} : {{lien}}",
    bodyEn: "Hello {{prenom}},\n\n{{evenement}} on {{date}}: {{lien}}",
  };
  const draft = await db.campaign.create({
    data: {
      organisationId: organisation.id,
      eventId: event.id,
      name: "Invitation presse et mentors",
      ...text,
      segment: { match: "any", tags: ["presse", "mentor", "alumni"], attendeesOf: event.id },
      createdById: input.ownerId,
    },
  });
  const sent = await db.campaign.create({
    data: {
      organisationId: organisation.id,
      eventId: event.id,
      name: "Invitation à tous",
      ...text,
      segment: { match: "any", tags: ["presse", "mentor", "investisseur", "alumni"] },
      queuedAt: new Date(now - 7 * day),
      createdById: input.ownerId,
    },
  });
  const recipients = contacts.map((c, i) => ({
    campaignId: sent.id,
    email: c.email,
    firstName: c.firstName,
    locale: c.locale,
    answer: i % 7 === 0 ? ("YES" as const) : i % 11 === 0 ? ("NO" as const) : null,
    answeredAt: i % 7 === 0 || i % 11 === 0 ? new Date(now - 6 * day) : null,
  }));
  await inBatches(recipients, 5000, (data) => db.campaignRecipient.createMany({ data }));
  const messages = contacts.map((c, i) => ({
    to: c.email,
    template: "campaign",
    locale: c.locale,
    data: {},
    status: (i % 200 === 0 ? "FAILED" : "SENT") as "SENT" | "FAILED",
    sentAt: new Date(now - 7 * day),
    campaignId: sent.id,
    dedupeKey: `campaign:${sent.id}:${c.email}`,
  }));
  await inBatches(messages, 5000, (data) => db.outboxMessage.createMany({ data }));
  return { organisation, event, draftCampaignId: draft.id, sentCampaignId: sent.id };
}
