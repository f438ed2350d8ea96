import { randomBytes } from "node:crypto";
import type { Db, Tx } from "~/infra/db/client.server";
import { utcToZonedLocal, zonedLocalToUtc } from "~/infra/time";
import { createEvent } from "~/events/events.server";
import { seedParisAgenda } from "./agenda-seed.server";
import { demoUsers } from "./demo-users";
import { seedTicketing } from "./ticketing-seed.server";
import { seedCampaigns } from "./campaigns-seed.server";
import { seedPartners } from "./partners-seed.server";
import { seedHelpPortal } from "./help-seed.server";
import { seedPastEdition } from "./past-edition-seed.server";
import { seedLibrary } from "./library-seed.server";
import { seedSeries } from "./series-seed.server";
import { seedBoard } from "./board-seed.server";
import { seedWall } from "./wall-seed.server";

const PARIS = "Europe/Paris";

// The network's two templates — Paris's evening and the morning bistrot — and Marseille's first
// edition (a draft of the Provence chapter) started from Paris: its call, formats, criteria,
// tickets and survey are Paris's.
async function seedTemplates(client: Db, now: Date) {
  const bistrot = await client.event.findFirstOrThrow({
    where: { slug: { startsWith: "bistrot-du-rebond-" } },
    orderBy: { startsAt: "asc" },
    select: { id: true },
  });
  await client.event.update({ where: { id: bistrot.id }, data: { templateName: "Bistrot en ligne" } });
  const paris = await client.event.update({
    where: { slug: "failcon-paris-2027" },
    data: { templateName: "Soirée rebond 500 places" },
    select: { id: true, organisationId: true },
  });
  const paca = await client.chapter.findFirstOrThrow({
    where: { organisationId: paris.organisationId, name: "Provence-Alpes-Côte d'Azur" },
    select: { id: true },
  });
  const day = (offset: number, time: string) => utcToZonedLocal(parisAt(offset, time, now), PARIS);
  await createEvent(
    client,
    {
      organisationId: paris.organisationId,
      slug: "conference-du-rebond-marseille-2027",
      titleFr: "Conférence du rebond — Marseille",
      titleEn: "Bounce-back conference — Marseille",
      descriptionFr:
        "Première édition marseillaise : des entrepreneurs de Provence racontent leur échec et leur rebond, avec le tribunal de commerce et les réseaux d'accompagnement.",
      descriptionEn:
        "Marseille's first edition: founders from Provence tell of their failure and recovery, with the commercial court and the support networks.",
      timeZone: PARIS,
      startsAt: day(150, "18:30"),
      endsAt: day(150, "22:00"),
      venueName: "Friche la Belle de Mai",
      venueAddress: "41 rue Jobin, 13003 Marseille",
      region: null,
      onlineUrl: null,
      capacity: 500,
      hashtag: "#rebondmarseille",
    },
    paca.id,
    paris.id,
  );
}

// The network's four regional teams (docs/decisions/040-chapters.md).
async function seedChapters(tx: Tx, organisationId: string) {
  const made = async (name: string, regions: string[]) =>
    (await tx.chapter.create({ data: { organisationId, name, regions }, select: { id: true } })).id;
  return {
    idf: await made("Île-de-France", ["Île-de-France", "75", "92", "93", "94"]),
    aura: await made("Auvergne-Rhône-Alpes", ["Auvergne-Rhône-Alpes", "69", "38", "42"]),
    hdf: await made("Hauts-de-France", ["Hauts-de-France", "59", "62"]),
    paca: await made("Provence-Alpes-Côte d'Azur", ["Provence-Alpes-Côte d'Azur", "13", "06", "83"]),
  };
}
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
// online "Bistrot du rebond", a past edition, and one demo person per role. Without a context
// (tests, benchmarks) the links in its mails are signed with a throwaway secret.
export async function seedDemoSeason(
  client: Db,
  now = new Date(),
  context = { appUrl: "http://localhost:3000", secret: randomBytes(32).toString("hex") },
): Promise<string> {
  if (await client.organisation.findUnique({ where: { slug: "reseau-rebond" }, select: { id: true } })) {
    return "Demo season already present.";
  }
  const ownerId = await client.$transaction(async (tx) => {
    const users = Object.fromEntries(
      await Promise.all(
        demoUsers.map(
          async (u) =>
            [u.key, await tx.user.create({ data: { email: u.email, name: u.name, locale: u.locale } })] as const,
        ),
      ),
    );
    const organisation = await tx.organisation.create({
      data: {
        slug: "reseau-rebond",
        name: "Réseau Rebond",
        // A well-formed test IBAN (it passes the mod-97 check; no such account takes money).
        bankHolder: "Association Réseau Rebond",
        bankIban: "FR7630006000011234567890189",
        bankBic: "AGRIFRPP",
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
    const chapters = await seedChapters(tx, organisation.id);
    await tx.membership.create({
      data: {
        organisationId: organisation.id,
        userId: users.chapterOrganiser!.id,
        role: "ORGANISER",
        chapterId: chapters.aura,
      },
    });
    const base = { organisationId: organisation.id, timeZone: PARIS, status: "PUBLISHED" as const, publishedAt: now };
    const paris = await tx.event.create({
      data: {
        ...base,
        slug: "failcon-paris-2027",
        chapterId: chapters.idf,
        region: "Île-de-France",
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
        chapterId: chapters.aura,
        region: "Auvergne-Rhône-Alpes",
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
    // Lyon's call is open too: Julie invites speakers heard in Paris to propose their story.
    await tx.callForStories.create({
      data: {
        eventId: lyon.id,
        opensAt: parisAt(-10, "09:00", now),
        closesAt: parisAt(30, "23:59", now),
        introFr:
          "Quatre récits pour la soirée de l'Hôtel de Région. Vous avez déjà raconté le vôtre ailleurs dans le réseau ? Il a sa place ici aussi.",
        introEn:
          "Four stories for the evening at the Hôtel de Région. Told yours elsewhere in the network already? It has its place here too.",
        maxPerSpeaker: 1,
      },
    });
    await tx.talkFormat.create({
      data: { eventId: lyon.id, nameFr: "Récit d'échec", nameEn: "Failure story", minutes: 12 },
    });
    await tx.event.create({
      data: {
        ...base,
        status: "DRAFT",
        publishedAt: null,
        slug: "conference-du-rebond-lille-2027",
        chapterId: chapters.hdf,
        region: "Hauts-de-France",
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
          region: "En ligne",
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
        chapterId: chapters.idf,
        region: "Île-de-France",
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
    await tx.callForStories.create({
      data: {
        eventId: paris.id,
        opensAt: parisAt(-20, "09:00", now),
        closesAt: parisAt(45, "23:59", now),
        introFr:
          "Dix places sur la scène de Bercy. Nous cherchons des récits vrais : une entreprise qui a fermé, un associé parti, une levée ratée, un burn-out. Pas besoin d'être orateur : nous accompagnons chaque intervenant.",
        introEn:
          "Ten slots on the Bercy stage. We look for true stories: a company that closed, a partner who left, a failed fundraise, a burn-out. No need to be a speaker: we coach everyone.",
        anonymisedReview: true,
        maxPerSpeaker: 2,
      },
    });
    const story = await tx.talkFormat.create({
      data: { eventId: paris.id, nameFr: "Récit d'échec", nameEn: "Failure story", minutes: 12, position: 0 },
    });
    await tx.talkFormat.create({
      data: { eventId: paris.id, nameFr: "Table ronde", nameEn: "Panel", minutes: 40, position: 1 },
    });
    await tx.talkFormat.create({
      data: {
        eventId: paris.id,
        nameFr: "Lightning",
        nameEn: "Lightning talk",
        minutes: 5,
        position: 2,
        deadline: parisAt(20, "23:59", now),
      },
    });
    await tx.question.createMany({
      data: [
        {
          eventId: paris.id,
          kind: "YES_NO",
          textFr: "Êtes-vous encore en procédure collective (sauvegarde, redressement, liquidation) ?",
          textEn: "Are you still in insolvency proceedings?",
          required: true,
          position: 0,
        },
        {
          eventId: paris.id,
          kind: "SINGLE_CHOICE",
          textFr: "Avez-vous déjà pris la parole en public ?",
          textEn: "Have you spoken in public before?",
          optionsFr: ["Jamais", "Parfois", "Souvent"],
          optionsEn: ["Never", "Sometimes", "Often"],
          position: 1,
        },
        {
          eventId: paris.id,
          kind: "URL",
          textFr: "Votre profil LinkedIn ou votre site",
          textEn: "Your LinkedIn profile or website",
          identifying: true,
          public: true,
          position: 2,
        },
      ],
    });
    const tracks = await Promise.all(
      [
        ["Financement", "Funding"],
        ["Associés", "Co-founders"],
        ["Marché", "Market"],
        ["Santé du dirigeant", "Founder health"],
      ].map(([nameFr, nameEn], position) =>
        tx.track.create({ data: { eventId: paris.id, nameFr: nameFr!, nameEn: nameEn!, position } }),
      ),
    );
    const storytellers = [
      {
        user: users.speaker!,
        state: "SUBMITTED" as const,
        track: 0,
        title: "Trois ans pour comprendre que personne ne voulait payer",
        company: "Cartonéo",
        sector: "Logistique",
        years: "2018–2021",
      },
      ...(await Promise.all(
        [
          [
            "Nadia Haddad",
            "nadia.haddad",
            "ACCEPTED",
            1,
            "Mon associé est parti avec les clients",
            "Atelier Haddad",
            "Artisanat",
            "2015–2022",
          ],
          [
            "Julien Marchand",
            "julien.marchand",
            "SUBMITTED",
            2,
            "Le jour où notre plus gros client a fait faillite",
            "Marchand Froid",
            "Industrie",
            "2009–2019",
          ],
          [
            "Chloé Vasseur",
            "chloe.vasseur",
            "SUBMITTED",
            3,
            "Burn-out à 34 ans, liquidation à 35",
            "Vasseur Conseil",
            "Conseil",
            "2017–2023",
          ],
          [
            "Mehdi Benhamou",
            "mehdi.benhamou",
            "REJECTED",
            0,
            "La levée de fonds qui n'est jamais venue",
            "Polaria",
            "Tech",
            "2019–2022",
          ],
        ].map(async ([name, handle, state, track, title, company, sector, years]) => ({
          user: await tx.user.create({ data: { email: `${handle}@demo.rebond.example`, name: String(name) } }),
          state: state as "SUBMITTED" | "ACCEPTED" | "REJECTED",
          track: Number(track),
          title: String(title),
          company: String(company),
          sector: String(sector),
          years: String(years),
        })),
      )),
    ];
    const stories: string[] = [];
    for (const [index, teller] of storytellers.entries()) {
      const submittedAt = new Date(now.getTime() - (15 - index * 2) * DAY);
      const path = ["DRAFT", "SUBMITTED", ...(teller.state === "SUBMITTED" ? [] : [teller.state])] as const;
      const created = await tx.submission.create({
        data: {
          eventId: paris.id,
          formatId: story.id,
          trackId: tracks[teller.track]!.id,
          state: teller.state,
          title: teller.title,
          company: teller.company,
          sector: teller.sector,
          companyYears: teller.years,
          whatHappened:
            "Nous avions une équipe de huit personnes, des clients enthousiastes en démonstration et une levée d'amorçage bouclée. Mais les commandes ne suivaient pas : nous avons brûlé la trésorerie en dix-huit mois sans jamais trouver le modèle qui paie.",
          turningPoint:
            "Le jour où le banquier nous a demandé notre plan de trésorerie à trois mois et que nous n'avons pas su répondre.",
          lessons:
            "Vendre avant de construire. Regarder la trésorerie chaque semaine. Et parler de ses difficultés tôt, au tribunal de commerce comme à ses proches.",
          nowDoing: "J'accompagne d'autres dirigeants en difficulté.",
          consentRecording: true,
          consentPublish: index % 2 === 0,
          submittedAt,
          // Nadia was accepted six days ago and has not confirmed yet: the reminder is due.
          speakers: {
            create: {
              userId: teller.user.id,
              acceptedAt: teller.state === "ACCEPTED" ? new Date(now.getTime() - 6 * DAY) : null,
            },
          },
          stateChanges: {
            create: path.map((state, step) => ({
              fromState: step === 0 ? null : path[step - 1],
              toState: state,
              byUserId: state === "ACCEPTED" || state === "REJECTED" ? users.owner!.id : teller.user.id,
              createdAt: new Date(submittedAt.getTime() + (step - 1) * 60 * 60 * 1000),
            })),
          },
        },
        select: { id: true },
      });
      stories.push(created.id);
    }
    const criteria = await Promise.all(
      [
        ["Authenticité du récit", "Authenticity of the story", 3],
        ["Utilité des leçons", "Usefulness of the lessons", 2],
        ["Présence sur scène", "Stage presence", 1],
      ].map(([nameFr, nameEn, weight], position) =>
        tx.scoreCategory.create({
          data: { eventId: paris.id, nameFr: String(nameFr), nameEn: String(nameEn), weight: Number(weight), position },
        }),
      ),
    );
    await tx.reviewAssignment.create({ data: { eventId: paris.id, userId: users.reviewer!.id } });
    // Stories 0, 2 and 3 are still under review; the organiser and the reviewer have scored some.
    for (const [reviewer, story, values, comment] of [
      [users.reviewer!, 2, [4, 4, 3], "Récit concret, la leçon sur la dépendance à un client est précieuse."],
      [users.reviewer!, 3, [5, 4, 4], "Très fort, et rarement raconté : la santé du dirigeant."],
      [users.organiser!, 2, [3, 4, 2], "Bon fond, il faudra travailler la mise en scène."],
      [users.organiser!, 0, [4, 3, 3], ""],
    ] as const) {
      await tx.review.create({
        data: {
          submissionId: stories[story]!,
          reviewerId: reviewer.id,
          comment,
          scores: { create: criteria.map((c, i) => ({ categoryId: c.id, value: values[i]! })) },
        },
      });
    }
    await tx.eventRole.createMany({
      data: [
        { eventId: paris.id, userId: users.reviewer!.id, role: "REVIEWER" },
        { eventId: paris.id, userId: users.checkIn!.id, role: "CHECK_IN" },
        { eventId: lyon.id, userId: users.partner!.id, role: "PARTNER" },
        { eventId: lyon.id, userId: users.reviewer!.id, role: "REVIEWER" },
      ],
    });
    return users.owner!.id;
  });
  await seedParisAgenda(client, ownerId, context.appUrl);
  await seedTicketing(client, context);
  await seedPartners(client);
  await seedPastEdition(client);
  await seedLibrary(client);
  await seedCampaigns(client, ownerId, context);
  await seedWall(client, ownerId, now);
  await seedSeries(client, now, context.appUrl);
  await seedBoard(client, now, context.appUrl);
  await seedTemplates(client, now);
  await seedHelpPortal(client, now);
  return "Demo season created: Réseau Rebond with Paris, Lyon, Lille and the online bistrot.";
}
