import { randomBytes } from "node:crypto";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { FOLLOW_UP_DELAY_MS, sendFollowUp } from "~/boards/follow-up.server";
import type { Db } from "~/infra/db/client.server";

type Item = {
  title: string;
  note?: string;
  url?: string;
  // Posted by the team (absent), a guest (by name) or a participant (their registration's name).
  guest?: string;
  participant?: string;
  pinned?: boolean;
  pdf?: string[];
};

// What each of the five themes of the bistrot left on its board (app/demo/series-seed.server.ts
// gives the sessions their themes in this order).
const byTheme: Item[][] = [
  [
    {
      title: "Les trois phrases de Marc pour l'annonce",
      note: "Dire les faits d'abord, puis ce qui va se passer pour chacun (AGS, mandataire, dates), et enfin ce que l'on ressent. Ne pas promettre ce que l'on ne maîtrise plus.",
      guest: "Marc, ancien dirigeant",
    },
    {
      title: "Le régime de garantie des salaires (AGS)",
      url: "https://www.ags-garantie-salaires.org/",
      note: "Ce que l'AGS avance aux salariés quand l'entreprise ne peut plus payer.",
    },
  ],
  [
    {
      title: "Fiche : le mandat ad hoc en une page",
      note: "La fiche que Claire a montrée à l'écran.",
      guest: "Claire, experte-comptable",
      pdf: [
        "Le mandat ad hoc en une page",
        "Pour qui : une entreprise en difficulté, pas en cessation des paiements.",
        "Comment : le dirigeant le demande au président du tribunal de commerce.",
        "Pourquoi : négocier avec ses créanciers, en toute confidentialité.",
        "Combien de temps : quelques mois, le temps de trouver un accord.",
      ],
    },
    {
      title: "Un témoignage qui m'a décidée à consulter",
      url: "https://www.60000rebonds.com/",
      note: "Je l'ai lu la veille de mon rendez-vous au tribunal.",
      participant: "Aurélie Béranger",
    },
  ],
  [
    {
      title: "APESA : aide psychologique aux entrepreneurs en souffrance",
      url: "https://www.apesa-france.com/",
      note: "Une écoute gratuite et confidentielle, par des psychologues, sur tout le territoire.",
      pinned: true,
    },
    {
      title: "Ce qui m'a aidé à dormir",
      note: "Écrire le soir la liste de ce qui ne dépend pas de moi, et la poser sur la table de nuit. Ça a l'air bête, ça marche.",
      participant: "Julien Marchand",
    },
  ],
  [
    {
      title: "Préparer le rendez-vous avec sa banque",
      note: "Apporter : le prévisionnel de trésorerie à 13 semaines, la dernière situation comptable, la liste des dettes, ce que l'on propose, et ce que l'on demande.",
      guest: "Claire, experte-comptable",
    },
    {
      title: "La médiation du crédit (Banque de France)",
      url: "https://mediateur-credit.banque-france.fr/",
      note: "Gratuite, quand une banque refuse un crédit ou en réduit un.",
    },
  ],
  [
    {
      title: "Les associations du rebond",
      url: "https://www.60000rebonds.com/",
      note: "Accompagnement gratuit des entrepreneurs après une liquidation.",
    },
    {
      title: "Salariat, reprise ou création : la grille de Marc",
      note: "Trois colonnes : ce qui me manque, ce qui me pèse, ce que je sais faire mieux qu'avant. Le choix vient souvent de la deuxième.",
      guest: "Marc, ancien dirigeant",
    },
  ],
];

async function onePagePdf(lines: string[]) {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  const page = document.addPage([595, 842]);
  lines.forEach((line, i) => page.drawText(line, { x: 50, y: 780 - i * 28, size: i === 0 ? 20 : 12, font }));
  return new Uint8Array(await document.save());
}

// The bistrot's board: a week of resources (the last five sessions that took place), shared by
// the team and the day's guests or suggested by participants, a pinned item for the whole series,
// one suggestion waiting for the organisers, and the next session's guest link. The board is
// public; the follow-ups of the sessions over long enough already left (they are in the demo
// mailbox).
export async function seedBoard(client: Db, now: Date, appUrl: string) {
  const series = await client.series.update({
    where: { slug: "bistrot-virtuel" },
    data: { boardVisibility: "PUBLIC" },
    include: {
      sessions: { orderBy: { startsAt: "asc" } },
      registrations: { select: { id: true, name: true } },
    },
  });
  const registration = (name: string) => series.registrations.find((r) => r.name === name)!;
  const past = series.sessions.map((s, index) => ({ ...s, index })).filter((s) => s.endsAt < now);
  for (const session of past.slice(-5)) {
    for (const [n, item] of byTheme[session.index % byTheme.length]!.entries()) {
      const file = item.pdf ? await onePagePdf(item.pdf) : null;
      await client.resource.create({
        data: {
          seriesId: series.id,
          sessionId: session.id,
          kind: file ? "FILE" : item.url ? "LINK" : "NOTE",
          title: item.title,
          url: item.url,
          note: item.note ?? "",
          ...(file ? { file, fileName: "mandat-ad-hoc.pdf", fileType: "application/pdf", fileBytes: file.length } : {}),
          status: "PUBLISHED",
          pinned: item.pinned ?? false,
          authorName: item.guest ?? item.participant ?? "Claire Dumas",
          byGuest: Boolean(item.guest),
          registrationId: item.participant ? registration(item.participant).id : null,
          publishedAt: new Date(session.endsAt.getTime() + (n + 1) * 10 * 60_000),
          createdAt: new Date(session.endsAt.getTime() + n * 10 * 60_000),
        },
      });
    }
  }
  await client.resource.create({
    data: {
      seriesId: series.id,
      kind: "NOTE",
      title: "Les numéros à garder",
      note: "APESA, écoute psychologique des entrepreneurs : 0 805 65 50 50 (numéro vert).\nLe portail du rebond, pour être mis en relation avec une association : rubrique « Besoin d'aide ? » du site.",
      status: "PUBLISHED",
      pinned: true,
      authorName: "Claire Dumas",
      publishedAt: series.sessions[0]!.startsAt,
    },
  });
  const latest = past.at(-1);
  if (latest)
    await client.resource.create({
      data: {
        seriesId: series.id,
        sessionId: latest.id,
        kind: "LINK",
        title: "Un livre sur l'échec entrepreneurial",
        url: "https://www.bnf.fr/",
        note: "Cherché sur le catalogue de la BnF après la séance.",
        status: "SUGGESTED",
        authorName: registration("Hélène Perrin").name,
        registrationId: registration("Hélène Perrin").id,
      },
    });
  for (const session of past.slice(-5)) {
    const due = new Date(session.endsAt.getTime() + FOLLOW_UP_DELAY_MS);
    if (due <= now) await sendFollowUp(client, { appUrl }, { sessionId: session.id }, due);
  }
  const next = series.sessions.find((s) => s.endsAt > now);
  if (next)
    await client.seriesSession.update({
      where: { id: next.id },
      data: { guestToken: randomBytes(18).toString("base64url") },
    });
}
