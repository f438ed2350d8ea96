import type { Db } from "~/infra/db/client.server";

// Last year's Failcon Paris in the rebound library: the stories told on stage that evening, in
// its published agenda, with their replays and an article — all but one, whose speaker did not
// agree to stay in the library (docs/decisions/047-rebound-library.md).
const stories = [
  {
    name: "Céline Vasseur",
    title: "Ma boulangerie bio a fermé en six mois",
    sector: "Alimentation",
    kinds: ["CASH", "MARKET"],
    whatHappened:
      "J'ai ouvert une boulangerie bio en 2022, l'année où le prix de la farine et de l'énergie a doublé. Les clients sont venus, mais pas assez pour payer le four. Six mois après, c'était la liquidation.",
    turningPoint: "Le jour où mon comptable m'a dit que chaque baguette vendue me coûtait de l'argent.",
    lessons:
      "Faire un prévisionnel avec les pires prix, pas avec les prix du jour. Et demander de l'aide au tribunal avant qu'il soit trop tard.",
    nowDoing: "Je forme de futurs boulangers à la gestion, dans une chambre des métiers.",
    replay: "https://peertube.rebond.example/w/9c9de5e8-0a1e-484a-b099-e80766180a6d",
    article: ["Le Parisien — « J'ai fait faillite et je le raconte »", "https://presse.rebond.example/celine-vasseur"],
  },
  {
    name: "Romain Chevalier",
    title: "Mon associé et moi ne voulions pas la même entreprise",
    sector: "Numérique",
    kinds: ["PARTNERS"],
    whatHappened:
      "Nous avions levé 400 000 euros pour une application de réservation. Au bout d'un an, mon associé voulait vendre, moi grandir. Nous ne nous sommes plus parlé que par avocats interposés, et les salariés sont partis les premiers.",
    turningPoint: "Un conseil d'administration où nous avons voté l'un contre l'autre devant nos investisseurs.",
    lessons:
      "Écrire un pacte d'associés qui prévoit la sortie, et se parler de ce qu'on veut vraiment avant de signer.",
    nowDoing: "Je dirige une équipe produit dans une PME, et j'accompagne des fondateurs au sein de 60 000 rebonds.",
    replay: "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
    article: null,
  },
  {
    name: "Aïcha Benmoussa",
    title: "Le burn-out qui a emporté mon agence",
    sector: "Communication",
    kinds: ["HEALTH"],
    whatHappened:
      "Mon agence de communication comptait douze personnes. Je travaillais quatre-vingts heures par semaine, jusqu'au matin où je ne suis pas arrivée à me lever. Sans moi, les clients sont partis un à un.",
    turningPoint: "Mon médecin m'a arrêtée trois mois, et j'ai compris que l'entreprise ne tenait que par moi.",
    lessons:
      "Une entreprise qui ne tient que par son dirigeant n'est pas une entreprise. Déléguer, et se faire aider tôt.",
    nowDoing: "J'ai recréé une petite agence à trois, et je parle de santé des dirigeants dans les écoles.",
    replay: "https://vimeo.com/76979871",
    article: null,
  },
  {
    name: "Thierry Lambert",
    title: "Le redressement judiciaire, vu de l'intérieur",
    sector: "Industrie",
    kinds: ["PROCEDURE", "CASH"],
    whatHappened:
      "Mon entreprise de menuiserie industrielle a perdu son principal client. Nous sommes passés en redressement judiciaire : dix-huit mois de plan, des salariés à garder, un administrateur à convaincre.",
    turningPoint: "L'audience où le tribunal a accepté le plan de continuation.",
    lessons: "La procédure n'est pas une honte : elle protège l'entreprise, si on la demande à temps.",
    nowDoing: "L'entreprise tourne toujours, avec vingt salariés, et je suis juge consulaire bénévole.",
    replay: "",
    article: null,
  },
];

export async function seedLibrary(client: Db) {
  const event = await client.event.findUniqueOrThrow({
    where: { slug: "failcon-paris-2026" },
    select: { id: true, startsAt: true },
  });
  const format = await client.talkFormat.create({
    data: { eventId: event.id, nameFr: "Récit d'échec", nameEn: "Failure story", minutes: 12 },
  });
  const room = await client.room.create({
    data: { eventId: event.id, nameFr: "Les Chais", nameEn: "The Cellars", capacity: 450 },
  });
  const schedule = await client.schedule.create({
    data: { eventId: event.id, number: 1, publishedAt: new Date(event.startsAt.getTime() - 20 * 24 * 60 * 60_000) },
  });
  const told = [
    ...stories,
    {
      name: "Pascal Roy",
      title: "Trois restaurants, trois fermetures",
      sector: "Restauration",
      kinds: ["CASH"],
      whatHappened: "J'ai ouvert trois restaurants en quatre ans, et je les ai fermés en un an.",
      turningPoint: "",
      lessons: "Grandir moins vite que sa trésorerie.",
      nowDoing: "",
      replay: "",
      article: null,
    },
  ];
  for (const [index, story] of told.entries()) {
    const email = `${story.name.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").replace(/ /g, ".")}@demo.rebond.example`;
    const speaker = await client.user.create({ data: { name: story.name, email } });
    const startsAt = new Date(event.startsAt.getTime() + (30 + index * 15) * 60_000);
    const submission = await client.submission.create({
      data: {
        eventId: event.id,
        formatId: format.id,
        state: "CONFIRMED",
        title: story.title,
        sector: story.sector,
        whatHappened: story.whatHappened,
        turningPoint: story.turningPoint,
        lessons: story.lessons,
        nowDoing: story.nowDoing,
        consentPublish: true,
        consentRecording: true,
        // The last speaker told the story that evening, and did not want it kept.
        libraryConsentAt: index < stories.length ? new Date(event.startsAt.getTime() - 30 * 24 * 60 * 60_000) : null,
        failureKinds: story.kinds as ("CASH" | "MARKET" | "PARTNERS" | "HEALTH" | "PROCEDURE")[],
        replayUrl: story.replay,
        submittedAt: new Date(event.startsAt.getTime() - 60 * 24 * 60 * 60_000),
        speakers: { create: { userId: speaker.id } },
        ...(story.article ? { articles: { create: { title: story.article[0]!, url: story.article[1]! } } } : {}),
      },
    });
    await client.talkSlot.create({
      data: {
        scheduleId: schedule.id,
        submissionId: submission.id,
        roomId: room.id,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 12 * 60_000),
      },
    });
  }
}
