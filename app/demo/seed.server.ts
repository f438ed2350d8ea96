import type { Db } from "~/infra/db/client.server";
import { utcToZonedLocal, zonedLocalToUtc } from "~/infra/time";
import { demoUsers } from "./demo-users";

const PARIS = "Europe/Paris";
const DAY = 24 * 60 * 60 * 1000;

// A wall-clock time in Paris, `days` from now, so the demo season is always ahead of its visitor.
function parisAt(days: number, time: string, from: Date) {
  const date = utcToZonedLocal(new Date(from.getTime() + days * DAY), PARIS).slice(0, 10);
  return zonedLocalToUtc(`${date}T${time}`, PARIS);
}

function nextWeekdays(count: number, from: Date) {
  const days: number[] = [];
  for (let offset = 1; days.length < count; offset++) {
    const weekday = new Date(from.getTime() + offset * DAY).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push(offset);
  }
  return days;
}

// The demo season of "Réseau Rebond": Failcon Paris at Bercy, the Lyon and Lille evenings, the
// online "Bistrot du rebond", a past edition, and one demo person per role.
export async function seedDemoSeason(client: Db, now = new Date()): Promise<string> {
  if (await client.organisation.findUnique({ where: { slug: "reseau-rebond" }, select: { id: true } })) {
    return "Demo season already present.";
  }
  await client.$transaction(async (tx) => {
    const users = Object.fromEntries(
      await Promise.all(
        demoUsers.map(async (u) => [u.key, await tx.user.create({ data: { email: u.email, name: u.name, locale: u.locale } })] as const),
      ),
    );
    const organisation = await tx.organisation.create({
      data: {
        slug: "reseau-rebond",
        name: "Réseau Rebond",
        description:
          "Des soirées où des entrepreneurs racontent sur scène l'entreprise qu'ils ont perdue, et ce qu'ils en ont appris. Paris, Lyon, Lille et chaque matin en visio.",
        memberships: {
          create: [
            { userId: users.owner!.id, role: "OWNER" },
            { userId: users.organiser!.id, role: "ORGANISER" },
          ],
        },
      },
    });
    const base = { organisationId: organisation.id, timeZone: PARIS, status: "PUBLISHED" as const, publishedAt: now };
    const paris = await tx.event.create({
      data: {
        ...base,
        slug: "failcon-paris-2027",
        titleFr: "Failcon Paris 2027",
        titleEn: "Failcon Paris 2027",
        descriptionFr:
          "La grande soirée de l'échec entrepreneurial : dix fondatrices et fondateurs racontent la chute de leur entreprise, le moment où tout a basculé et ce qu'ils en ont tiré. Suivie d'un cocktail pour se rencontrer sans tabou.",
        descriptionEn:
          "The big evening of entrepreneurial failure: ten founders tell how their company fell, the moment everything tipped over and what they learned. Followed by drinks to meet without taboos.",
        startsAt: parisAt(116, "18:30", now),
        endsAt: parisAt(116, "22:30", now),
        venueName: "Bercy Village — Les Chais",
        venueAddress: "28 rue François Truffaut, 75012 Paris",
        capacity: 500,
        hashtag: "#failconfr",
      },
    });
    const lyon = await tx.event.create({
      data: {
        ...base,
        slug: "conference-du-rebond-lyon-2027",
        titleFr: "Conférence du rebond — Lyon",
        titleEn: "Bounce-back conference — Lyon",
        descriptionFr:
          "Quatre récits d'échec et de rebond d'entrepreneurs d'Auvergne-Rhône-Alpes, une table ronde avec le tribunal de commerce et les réseaux d'accompagnement.",
        descriptionEn:
          "Four stories of failure and recovery by entrepreneurs from Auvergne-Rhône-Alpes, and a panel with the commercial court and support networks.",
        startsAt: parisAt(67, "18:00", now),
        endsAt: parisAt(67, "21:30", now),
        venueName: "Hôtel de Région",
        venueAddress: "1 esplanade François Mitterrand, 69002 Lyon",
        capacity: 250,
        hashtag: "#rebondlyon",
      },
    });
    await tx.event.create({
      data: {
        ...base,
        status: "DRAFT",
        publishedAt: null,
        slug: "conference-du-rebond-lille-2027",
        titleFr: "Conférence du rebond — Lille",
        titleEn: "Bounce-back conference — Lille",
        descriptionFr: "Programme en préparation : l'appel à récits est ouvert aux entrepreneurs des Hauts-de-France.",
        descriptionEn: "Programme in preparation: the call for stories is open to entrepreneurs from Hauts-de-France.",
        startsAt: parisAt(81, "18:30", now),
        endsAt: parisAt(81, "21:30", now),
        venueName: "EuraTechnologies",
        venueAddress: "165 avenue de Bretagne, 59000 Lille",
        capacity: 200,
        hashtag: "#rebondlille",
      },
    });
    for (const offset of nextWeekdays(5, now)) {
      const startsAt = parisAt(offset, "08:30", now);
      await tx.event.create({
        data: {
          ...base,
          slug: `bistrot-du-rebond-${utcToZonedLocal(startsAt, PARIS).slice(0, 10)}`,
          titleFr: "Bistrot du rebond",
          titleEn: "Bounce-back bistrot",
          descriptionFr:
            "Quarante minutes en visio, chaque matin de semaine, entre entrepreneurs qui traversent une difficulté. On parle franchement, on repart avec un contact ou une piste.",
          descriptionEn:
            "Forty minutes on a video call every weekday morning, among entrepreneurs going through hard times. Plain talk; you leave with a contact or a lead.",
          startsAt,
          endsAt: new Date(startsAt.getTime() + 40 * 60 * 1000),
          onlineUrl: "https://visio.rebond.example/bistrot",
          capacity: 30,
          hashtag: "#bistrotrebond",
        },
      });
    }
    await tx.event.create({
      data: {
        ...base,
        status: "ARCHIVED",
        slug: "failcon-paris-2026",
        titleFr: "Failcon Paris 2026",
        titleEn: "Failcon Paris 2026",
        descriptionFr: "L'édition 2026 : 420 participants, neuf récits, une soirée mémorable.",
        descriptionEn: "The 2026 edition: 420 attendees, nine stories, a memorable evening.",
        startsAt: parisAt(-248, "18:30", now),
        endsAt: parisAt(-248, "22:30", now),
        venueName: "Bercy Village — Les Chais",
        venueAddress: "28 rue François Truffaut, 75012 Paris",
        capacity: 450,
        hashtag: "#failconfr",
      },
    });
    await tx.eventRole.createMany({
      data: [
        { eventId: paris.id, userId: users.reviewer!.id, role: "REVIEWER" },
        { eventId: paris.id, userId: users.checkIn!.id, role: "CHECK_IN" },
        { eventId: lyon.id, userId: users.partner!.id, role: "PARTNER" },
        { eventId: lyon.id, userId: users.reviewer!.id, role: "REVIEWER" },
      ],
    });
  });
  return "Demo season created: Réseau Rebond with Paris, Lyon, Lille and the online bistrot.";
}
