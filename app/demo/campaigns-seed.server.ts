import type { Db } from "~/infra/db/client.server";
import { createCampaign, defaultCampaignText, queueCampaign } from "~/campaigns/campaigns.server";
import type { LinkContext } from "~/infra/links.server";

const people: [string, string, string, "fr" | "en", string[]][] = [
  ["Aurélie", "Béranger", "aurelie.beranger@exemple.fr", "fr", ["entrepreneur", "Lyon"]],
  ["Julien", "Marchand", "julien.marchand@exemple.fr", "fr", ["entrepreneur", "Lyon"]],
  ["Sarah", "Benhamou", "sarah.benhamou@exemple.fr", "fr", ["entrepreneur", "Lyon"]],
  ["Thomas", "Girard", "thomas.girard@exemple.fr", "fr", ["entrepreneur", "Paris"]],
  ["Nadia", "Ouali", "nadia.ouali@exemple.fr", "fr", ["entrepreneur", "Paris"]],
  ["Olivier", "Roche", "olivier.roche@exemple.fr", "fr", ["entrepreneur", "Lille"]],
  ["Priya", "Raman", "priya.raman@example.org", "en", ["entrepreneur", "Paris"]],
  ["Bruno", "Leclerc", "bruno.leclerc@banque-exemple.fr", "fr", ["partenaire", "banque", "Lyon"]],
  ["Sophie", "Vidal", "sophie.vidal@region-exemple.fr", "fr", ["partenaire", "Lyon"]],
  ["Marc", "Antoine", "marc.antoine@asso-exemple.fr", "fr", ["association", "Lyon"]],
  ["Claire", "Fabre", "claire.fabre@asso-exemple.fr", "fr", ["association", "Paris"]],
  ["Hélène", "Perrin", "helene.perrin@exemple.fr", "fr", ["entrepreneur", "Lyon"]],
];

// The demo's contacts (from a fair and a partners' list), an invitation to the Lyon evening that
// went out with a few answers, and a draft invitation for Paris to try the preview on.
export async function seedCampaigns(client: Db, userId: string, context: LinkContext) {
  const organisation = await client.organisation.findUniqueOrThrow({
    where: { slug: "reseau-rebond" },
    select: { id: true },
  });
  // Each contact is its city's chapter's; partners and associations agreed to hear from the whole network.
  const chapters = new Map(
    (await client.chapter.findMany({ where: { organisationId: organisation.id } })).map((c) => [c.regions[0], c.id]),
  );
  const chapterOf = (tags: string[]) =>
    chapters.get(
      tags.includes("Lyon") ? "Auvergne-Rhône-Alpes" : tags.includes("Lille") ? "Hauts-de-France" : "Île-de-France",
    ) ?? null;
  await client.contact.createMany({
    data: people.map(([firstName, lastName, email, locale, tags], i) => ({
      organisationId: organisation.id,
      chapterId: chapterOf(tags),
      sharedAt: tags.includes("partenaire") || tags.includes("association") ? new Date() : null,
      firstName,
      lastName,
      email,
      locale,
      tags,
      consentSource: tags.includes("partenaire") ? "Liste des partenaires 2026" : "Salon des entrepreneurs, Lyon 2026",
      consentAt: new Date(),
      ...(i === 5 ? { unsubscribedAt: new Date() } : {}),
      ...(i === 11 ? { bouncedAt: new Date(), bounceReason: "550 5.1.1 Mailbox unavailable" } : {}),
    })),
  });
  const [lyon, paris] = await Promise.all(
    ["conference-du-rebond-lyon-2027", "failcon-paris-2027"].map((slug) =>
      client.event.findUniqueOrThrow({ where: { slug }, select: { id: true, organisationId: true } }),
    ),
  );
  const text = defaultCampaignText();
  const sent = await createCampaign(client, lyon!, userId, {
    name: "Invitation — contacts lyonnais",
    ...text,
    match: "any",
    tags: ["Lyon"],
  });
  if (sent.ok) {
    await queueCampaign(client, sent.id, context);
    const answers = {
      "aurelie.beranger@exemple.fr": "YES",
      "bruno.leclerc@banque-exemple.fr": "YES",
      "julien.marchand@exemple.fr": "NO",
    } as const;
    for (const [email, answer] of Object.entries(answers)) {
      await client.campaignRecipient.updateMany({
        where: { campaignId: sent.id, email },
        data: { answer, answeredAt: new Date() },
      });
    }
  }
  await createCampaign(client, paris!, userId, {
    name: "Invitation — entrepreneurs parisiens",
    ...text,
    match: "any",
    tags: ["Paris"],
  });
}
