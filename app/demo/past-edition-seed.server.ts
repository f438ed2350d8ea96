import { randomUUID } from "node:crypto";
import type { Db } from "~/infra/db/client.server";
import { randomCode } from "~/ticketing/codes.server";
import { ticketSecret } from "~/ticketing/orders.server";
import { ownerSurvey } from "~/surveys/surveys.server";
import { escapeHtml } from "~/wall/sanitize.server";
import { partnerLogo } from "./partners-seed.server";

const MINUTE = 60_000;
const BOOKED = 64;
const REGION_GUESTS = 14;
const roles = ["Entrepreneur·e", "Salarié·e", "Accompagnant·e", "Autre"];
const first = ["Alice", "Bruno", "Chloé", "David", "Élodie", "Fabien", "Gaëlle", "Henri", "Irène", "Jules", "Karine"];
const last = ["Martin", "Bernard", "Dubois", "Lefèvre", "Moreau", "Laurent", "Simon", "Michel"];

const wall: [name: string, handle: string, text: string, minutes: number][] = [
  [
    "Sophie L.",
    "@sophiel@piaille.fr",
    "Merci à la Région Île-de-France d'avoir invité des dirigeants en procédure ce soir. #failconfr",
    35,
  ],
  [
    "Marc D.",
    "@marcd.bsky.social",
    "Le stand de la Région Île-de-France sur la prévention : trois rendez-vous pris. #failconfr",
    80,
  ],
  ["Collectif Rebond", "@rebond@mastodon.social", "Salle comble aux Chais pour la #failconfr 2026.", 20],
  [
    "Anne P.",
    "@annep@mastodon.social",
    "Bravo la région Île-de-France pour le soutien aux entrepreneurs qui rebondissent #failconfr",
    120,
  ],
];

// Last year's Failcon Paris, over: sixty-odd bookings (fourteen with the Région's code), most of
// them let in between 18:00 and 19:30, answers to the booking questions, an anonymous survey
// answered by twenty-six people, and wall posts, some naming the Région — what the Région's
// account (the demo partner) finds in the evening's report of its partner space.
export async function seedPastEdition(client: Db) {
  const event = await client.event.findUniqueOrThrow({
    where: { slug: "failcon-paris-2026" },
    select: { id: true, startsAt: true, endsAt: true },
  });
  const isabelle = await client.user.findUniqueOrThrow({
    where: { email: "isabelle.moreau@demo.rebond.example" },
    select: { id: true },
  });
  const quota = await client.quota.create({ data: { eventId: event.id, name: "Jauge des Chais", size: 450 } });
  const entry = await client.ticketType.create({
    data: {
      eventId: event.id,
      nameFr: "Entrée",
      nameEn: "Entry",
      priceCents: 1500,
      maxPerOrder: 4,
      quotas: { create: { quotaId: quota.id } },
    },
  });
  const voucher = await client.voucher.create({
    data: { eventId: event.id, code: "REGION-2026", kind: "FREE", maxUses: 20, tag: "Région Île-de-France" },
  });
  const partner = await client.partner.create({
    data: {
      eventId: event.id,
      name: "Région Île-de-France",
      tier: "PRINCIPAL",
      url: "https://www.iledefrance.fr",
      textFr: "A invité vingt dirigeants franciliens en difficulté.",
      textEn: "Invited twenty business owners in difficulty from the Paris region.",
      voucherTag: "Région Île-de-France",
      logo: await partnerLogo("#1d4ed8", "#bfdbfe"),
      logoUpdatedAt: new Date(),
    },
  });
  await client.eventRole.create({
    data: { eventId: event.id, userId: isabelle.id, role: "PARTNER", partnerId: partner.id },
  });
  const [who, difficulty] = await client.attendeeQuestion.createManyAndReturn({
    data: [
      {
        eventId: event.id,
        kind: "CHOICE",
        textFr: "Vous êtes…",
        textEn: "You are…",
        optionsFr: roles,
        optionsEn: ["Entrepreneur", "Employee", "Adviser", "Other"],
        position: 0,
      },
      {
        eventId: event.id,
        kind: "YES_NO",
        textFr: "Traversez-vous une difficulté d'entreprise en ce moment ?",
        textEn: "Is your business going through a difficulty right now?",
        position: 1,
      },
    ],
    select: { id: true },
  });
  const opening = event.startsAt.getTime() - 30 * MINUTE;
  for (let i = 0; i < BOOKED; i++) {
    const name = `${first[i % first.length]} ${last[(i * 3) % last.length]}`;
    const guest = i < REGION_GUESTS;
    const paidAt = new Date(event.startsAt.getTime() - (40 - (i % 40)) * 24 * 60 * MINUTE);
    await client.order.create({
      data: {
        eventId: event.id,
        code: randomCode(6),
        email: `invite-${i}@demo.rebond.example`,
        name,
        status: "PAID",
        method: guest ? "FREE" : "OFFLINE",
        totalCents: guest ? 0 : 1500,
        createdAt: paidAt,
        paidAt,
        answers: { [who!.id]: String([0, 0, 1, 0, 2, 3, 0, 1][i % 8]), [difficulty!.id]: i % 3 === 0 ? "yes" : "no" },
        tickets: {
          create: {
            ticketTypeId: entry.id,
            priceCents: guest ? 0 : 1500,
            attendeeName: name,
            secret: ticketSecret(),
            voucherId: guest ? voucher.id : null,
            // Nine in ten came, from the doors' opening to an hour and a half later.
            checkedInAt: i % 10 === 9 ? null : new Date(opening + ((i * 37) % 90) * MINUTE),
          },
        },
      },
    });
  }
  await seedPastSurvey(client, event.id, event.endsAt);
  await client.wallPost.createMany({
    data: wall.map(([authorName, authorHandle, text, minutes], i) => ({
      eventId: event.id,
      origin: "mastodon",
      externalId: `demo-2026-${i}`,
      authorName,
      authorHandle,
      text,
      html: `<p>${escapeHtml(text)}</p>`,
      postedAt: new Date(event.startsAt.getTime() + minutes * MINUTE),
      status: "APPROVED",
    })),
  });
}

// The anonymous survey after the evening: a rating and whether they would come back.
async function seedPastSurvey(client: Db, eventId: string, endsAt: Date) {
  const surveyId = await ownerSurvey(client, { eventId }, { fr: "Failcon Paris 2026", en: "Failcon Paris 2026" });
  await client.survey.update({ where: { id: surveyId }, data: { anonymous: true } });
  const again = await client.surveyQuestion.create({
    data: {
      surveyId,
      kind: "SINGLE",
      textFr: "Reviendrez-vous l'an prochain ?",
      textEn: "Will you come back next year?",
      optionsFr: ["Oui", "Peut-être", "Non"],
      optionsEn: ["Yes", "Maybe", "No"],
      position: 1,
    },
  });
  const rating = await client.surveyQuestion.findFirstOrThrow({ where: { surveyId, kind: "RATING" } });
  const day = new Date(endsAt.toISOString().slice(0, 10));
  for (let i = 0; i < 26; i++)
    await client.surveyResponse.create({
      data: {
        id: randomUUID(),
        surveyId,
        createdAt: day,
        answers: {
          create: [
            { questionId: rating.id, rating: [5, 4, 5, 3, 4, 5][i % 6] },
            { questionId: again.id, choices: [String([0, 0, 1, 0, 2][i % 5])] },
          ],
        },
      },
    });
}
