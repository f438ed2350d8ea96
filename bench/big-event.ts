import sharp from "sharp";
import type { Db } from "~/infra/db/client.server";
import { publishRelease } from "~/agenda/releases.server";
import { draftScheduleId } from "~/agenda/schedule.server";

// A large published event for the benchmarks: `talks` stories of 20 minutes over three days in
// ten rooms (17 per room and day, every 30 minutes from 09:00 Paris), a speaker each with a
// biography, the agenda published, and `partners` partners with logos spread over the tiers.
export async function seedBigEvent(
  db: Db,
  options: {
    organisationId: string;
    publisherId: string;
    slug: string;
    talks: number;
    partners: number;
    appUrl: string;
  },
) {
  const event = await db.event.create({
    data: {
      organisationId: options.organisationId,
      slug: options.slug,
      titleFr: "Le grand rebond 2027",
      titleEn: "The big bounce-back 2027",
      descriptionFr: "Trois jours de récits d'échec et de rebond.",
      startsAt: new Date("2027-06-08T07:00:00Z"),
      endsAt: new Date("2027-06-10T17:00:00Z"),
      venueName: "Cité des congrès",
      venueAddress: "5 rue de Valmy, 44000 Nantes",
      status: "PUBLISHED",
    },
  });
  const format = await db.talkFormat.create({
    data: { eventId: event.id, nameFr: "Récit", nameEn: "Story", minutes: 20 },
  });
  const tracks = await Promise.all(
    ["Financement", "Associés", "Marché", "Santé"].map((nameFr, i) =>
      db.track.create({ data: { eventId: event.id, nameFr, nameEn: nameFr, position: i } }),
    ),
  );
  const rooms = await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      db.room.create({ data: { eventId: event.id, nameFr: `Salle ${i + 1}`, nameEn: `Room ${i + 1}`, position: i } }),
    ),
  );
  const scheduleId = await draftScheduleId(db, event.id);
  for (let n = 0; n < options.talks; n++) {
    const day = Math.floor(n / 170);
    const room = (n % 170) % 10;
    const slot = Math.floor((n % 170) / 10);
    const startsAt = new Date(Date.UTC(2027, 5, 8 + day, 7, 0) + slot * 30 * 60_000);
    const speaker = await db.user.create({
      data: {
        email: `speaker${n}.${options.slug}@bench.example`,
        name: `Intervenant·e ${n}`,
        speakerProfile: {
          create: {
            bio: "Fondatrice d'une PME industrielle pendant dix ans, aujourd'hui mentor.".repeat(3),
            region: "Bretagne",
          },
        },
      },
    });
    const submission = await db.submission.create({
      data: {
        eventId: event.id,
        formatId: format.id,
        trackId: tracks[n % 4]!.id,
        state: "CONFIRMED",
        title: `Récit n° ${n} : la croissance qui a tout emporté`,
        whatHappened: "Une entreprise qui grandissait trop vite, et une trésorerie qui ne suivait pas. ".repeat(6),
        lessons: "Regarder la trésorerie chaque semaine.",
        consentPublish: true,
        speakers: { create: { userId: speaker.id } },
      },
    });
    await db.talkSlot.create({
      data: {
        scheduleId,
        submissionId: submission.id,
        roomId: rooms[room]!.id,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 20 * 60_000),
      },
    });
  }
  await publishRelease(db, { eventId: event.id, publisherId: options.publisherId, appUrl: options.appUrl });
  const logo = new Uint8Array(
    await sharp({ create: { width: 480, height: 200, channels: 4, background: "#1d4ed8" } })
      .webp()
      .toBuffer(),
  );
  const tiers = ["PRINCIPAL", "GOLD", "GOLD", "SOUTIEN", "SOUTIEN", "SOUTIEN", "ASSOCIATIF"] as const;
  await db.partner.createMany({
    data: Array.from({ length: options.partners }, (_, i) => ({
      eventId: event.id,
      name: `Partenaire ${i + 1}`,
      tier: tiers[i % tiers.length]!,
      url: `https://partenaire${i + 1}.example`,
      textFr: "Soutient les entrepreneurs qui repartent.",
      logo,
      logoUpdatedAt: new Date(),
    })),
  });
  return { event, rooms: rooms.length };
}
