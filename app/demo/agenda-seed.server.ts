import { placeSchema, breakSchema } from "~/agenda/agenda-form";
import { publishRelease } from "~/agenda/releases.server";
import { addBreak, agendaEventById, placeTalk } from "~/agenda/schedule.server";
import type { Db } from "~/infra/db/client.server";
import { utcToZonedLocal } from "~/infra/time";

// Confirmed stories went through the whole path; the history on the speaker's page shows it.
const confirmedPath = {
  create: (["SUBMITTED", "ACCEPTED", "CONFIRMED"] as const).map((toState, i, all) => ({
    fromState: i === 0 ? ("DRAFT" as const) : all[i - 1],
    toState,
  })),
};

const stories = [
  {
    name: "Élodie Garnier",
    handle: "elodie.garnier",
    title: "Quinze salariés, un redressement judiciaire et un nouveau départ",
    bio: "Fondatrice d'un atelier de menuiserie à Montreuil pendant douze ans, aujourd'hui médiatrice pour les dirigeants en difficulté.",
    region: "Île-de-France",
    at: "18:45",
    track: 0,
  },
  {
    name: "Antoine Roux",
    handle: "antoine.roux",
    title: "J'ai vendu ma boîte pour un euro symbolique",
    bio: "Ancien fondateur d'une agence web de trente personnes, il conseille aujourd'hui des repreneurs.",
    region: "Hauts-de-France",
    at: "19:00",
    track: 2,
  },
  {
    name: "Sarah Cohen",
    handle: "sarah.cohen",
    title: "La franchise qui devait tout changer",
    bio: "",
    region: "Occitanie",
    at: "19:15",
    track: 2,
  },
  {
    name: "Patrick Lemoine",
    handle: "patrick.lemoine",
    title: "Repartir après une liquidation à 52 ans",
    bio: "Trente ans dans le bâtiment, une liquidation en 2023, une nouvelle entreprise en 2025.",
    region: "Grand Est",
    at: null,
    track: 3,
  },
] as const;

// Failcon Paris's agenda in the demo: two rooms, version 1 published, and two accepted stories
// still waiting for a place (one of whose speakers is only free after 20:00).
export async function seedParisAgenda(client: Db, ownerId: string, appUrl: string) {
  const paris = await client.event.findUniqueOrThrow({
    where: { slug: "failcon-paris-2027" },
    select: {
      id: true,
      formats: { orderBy: { position: "asc" }, select: { id: true } },
      tracks: { orderBy: { position: "asc" }, select: { id: true } },
    },
  });
  const [story, panel] = paris.formats;
  const main = await client.room.create({
    data: {
      eventId: paris.id,
      nameFr: "Grande salle des Chais",
      nameEn: "Main hall",
      capacity: 420,
      position: 0,
      accessibilityFr: "Accès de plain-pied, boucle magnétique.",
      accessibilityEn: "Step-free access, hearing loop.",
    },
  });
  await client.room.create({
    data: { eventId: paris.id, nameFr: "Le Cellier", nameEn: "The Cellar", capacity: 80, position: 1 },
  });
  const agenda = await agendaEventById(client, paris.id);
  const day = utcToZonedLocal(agenda.startsAt, agenda.timeZone).slice(0, 10);
  const place = (submissionId: string, time: string) =>
    placeTalk(
      client,
      agenda,
      placeSchema.parse({ intent: "place", submissionId, roomId: main.id, start: `${day}T${time}` }),
    );
  const userIds: string[] = [];
  for (const teller of stories) {
    const user = await client.user.create({
      data: {
        email: `${teller.handle}@demo.rebond.example`,
        name: teller.name,
        speakerProfile: { create: { bio: teller.bio, region: teller.region } },
      },
    });
    const submission = await client.submission.create({
      data: {
        eventId: paris.id,
        formatId: story!.id,
        trackId: paris.tracks[teller.track]!.id,
        state: "CONFIRMED",
        title: teller.title,
        whatHappened:
          "Une entreprise qui grandissait trop vite, une trésorerie qui ne suivait pas, et le jour où il a fallu pousser la porte du tribunal de commerce.",
        lessons:
          "Demander de l'aide tôt, séparer sa valeur de celle de son entreprise, et garder des amis qui ne sont pas dans les affaires.",
        consentPublish: teller.bio !== "",
        consentRecording: true,
        submittedAt: new Date(),
        speakers: { create: { userId: user.id, acceptedAt: new Date() } },
        stateChanges: confirmedPath,
      },
    });
    userIds.push(user.id);
    if (teller.at) await place(submission.id, teller.at);
    else
      await client.speakerAvailability.create({
        data: {
          eventId: paris.id,
          userId: user.id,
          startsAt: new Date(agenda.startsAt.getTime() + 90 * 60_000),
          endsAt: agenda.endsAt,
        },
      });
  }
  const host = await client.user.create({ data: { email: "helene.vidal@demo.rebond.example", name: "Hélène Vidal" } });
  const roundTable = await client.submission.create({
    data: {
      eventId: paris.id,
      formatId: panel!.id,
      state: "CONFIRMED",
      invited: true,
      title: "Table ronde : ce que le tribunal de commerce ne vous dit pas",
      whatHappened:
        "Une juge consulaire, une mandataire et deux entrepreneurs passés par la procédure répondent aux questions de la salle.",
      lessons:
        "Les procédures préventives existent, sont confidentielles, et servent d'autant mieux qu'on les demande tôt.",
      consentPublish: true,
      submittedAt: new Date(),
      // Élodie tells her story and sits on the panel: moving one can put her in two places at once.
      speakers: {
        create: [
          { userId: host.id, acceptedAt: new Date() },
          { userId: userIds[0]!, position: 1, acceptedAt: new Date() },
        ],
      },
    },
  });
  await place(roundTable.id, "19:45");
  for (const [kind, titleFr, titleEn, time, minutes] of [
    ["BREAK", "Accueil", "Welcome", "18:30", "15"],
    ["BREAK", "Cocktail et rencontres", "Drinks and meeting", "21:00", "90"],
  ] as const) {
    await addBreak(
      client,
      agenda,
      breakSchema.parse({ intent: "break", kind, titleFr, titleEn, start: `${day}T${time}`, minutes }),
    );
  }
  await publishRelease(client, { eventId: paris.id, publisherId: ownerId, appUrl });
}
