import type { Db } from "~/infra/db/client.server";
import { placeOrder, type OrderContext } from "~/ticketing/orders.server";

const guests = ["Léa Fontaine", "Hugo Mercier", "Inès Lambert", "Yanis Chevalier", "Camille Rousseau", "Malik Diallo"];

// Tickets in the demo: Failcon Paris sells entries (card payment comes with Stripe; here bank
// transfer or at the door) with a free place for entrepreneurs going through a failure, and the
// Lyon evening is free on registration. A few orders are already there, one awaiting payment.
export async function seedTicketing(client: Db, context: OrderContext) {
  const [paris, lyon] = await Promise.all(
    ["failcon-paris-2027", "conference-du-rebond-lyon-2027"].map((slug) =>
      client.event.findUniqueOrThrow({ where: { slug }, select: { id: true, capacity: true } }),
    ),
  );
  const parisQuota = await client.quota.create({
    data: { eventId: paris!.id, name: "Jauge des Chais", size: paris!.capacity ?? 500 },
  });
  const inDifficulty = await client.quota.create({ data: { eventId: paris!.id, name: "Places solidaires", size: 60 } });
  const type = (
    eventId: string,
    quotaIds: string[],
    data: {
      nameFr: string;
      nameEn: string;
      descriptionFr?: string;
      descriptionEn?: string;
      priceCents: number;
      maxPerOrder: number;
      hidden?: boolean;
    },
    position: number,
  ) =>
    client.ticketType.create({
      data: { eventId, position, ...data, quotas: { create: quotaIds.map((quotaId) => ({ quotaId })) } },
    });
  const entry = await type(
    paris!.id,
    [parisQuota.id],
    {
      nameFr: "Entrée",
      nameEn: "Entry",
      descriptionFr: "La soirée et le cocktail.",
      descriptionEn: "The evening and the drinks.",
      priceCents: 1500,
      maxPerOrder: 6,
    },
    0,
  );
  const solidarity = await type(
    paris!.id,
    [parisQuota.id, inDifficulty.id],
    {
      nameFr: "Entrepreneur·e en difficulté",
      nameEn: "Entrepreneur in difficulty",
      descriptionFr: "Gratuit, sans justificatif : si vous traversez une procédure ou une fermeture.",
      descriptionEn: "Free, no questions asked: if you are going through proceedings or a closure.",
      priceCents: 0,
      maxPerOrder: 1,
    },
    1,
  );
  await type(
    paris!.id,
    [parisQuota.id],
    {
      nameFr: "Soutien",
      nameEn: "Supporter",
      descriptionFr: "Votre place, et une place solidaire offerte.",
      descriptionEn: "Your seat, and a solidarity seat offered.",
      priceCents: 4000,
      maxPerOrder: 4,
    },
    2,
  );
  const invitation = await type(
    paris!.id,
    [parisQuota.id],
    { nameFr: "Invitation partenaire", nameEn: "Partner invitation", priceCents: 1500, maxPerOrder: 2, hidden: true },
    3,
  );
  // A partner's invitations: ten seats held for its guests, free with the code.
  await client.voucher.create({
    data: {
      eventId: paris!.id,
      code: "PARTENAIRE-REGION",
      kind: "FREE",
      maxUses: 10,
      reserveQuota: true,
      tag: "Région Île-de-France",
      ticketTypes: { create: { ticketTypeId: invitation.id } },
    },
  });
  await client.voucher.create({
    data: { eventId: paris!.id, code: "REBOND20", kind: "PERCENT", percent: 20, maxUses: 50, tag: "Newsletter" },
  });
  // A small morning workshop, already full: its waiting list is open.
  const workshopQuota = await client.quota.create({ data: { eventId: paris!.id, name: "Atelier du matin", size: 2 } });
  const workshop = await type(
    paris!.id,
    [workshopQuota.id],
    {
      nameFr: "Atelier « Repartir après une liquidation »",
      nameEn: "Workshop “Starting again after liquidation”",
      descriptionFr: "Le matin, en petit groupe, avec une mandataire judiciaire.",
      descriptionEn: "In the morning, in a small group, with a court-appointed liquidator.",
      priceCents: 0,
      maxPerOrder: 2,
    },
    4,
  );
  const lyonQuota = await client.quota.create({
    data: { eventId: lyon!.id, name: "Salle de l'Hôtel de Région", size: lyon!.capacity ?? 250 },
  });
  const lyonFree = await type(
    lyon!.id,
    [lyonQuota.id],
    {
      nameFr: "Entrée libre",
      nameEn: "Free entry",
      descriptionFr: "Sur inscription.",
      descriptionEn: "On registration.",
      priceCents: 0,
      maxPerOrder: 4,
    },
    0,
  );

  await client.attendeeQuestion.createMany({
    data: [
      {
        eventId: paris!.id,
        kind: "TEXT",
        textFr: "Votre entreprise (ou la dernière)",
        textEn: "Your company (or your last one)",
        position: 0,
      },
      {
        eventId: paris!.id,
        kind: "YES_NO",
        textFr: "Traversez-vous une difficulté d'entreprise en ce moment ?",
        textEn: "Is your business going through a difficulty right now?",
        position: 1,
      },
      {
        eventId: paris!.id,
        kind: "CHOICE",
        textFr: "Vous êtes…",
        textEn: "You are…",
        optionsFr: ["Entrepreneur·e", "Salarié·e", "Accompagnant·e", "Autre"],
        optionsEn: ["Entrepreneur", "Employee", "Adviser", "Other"],
        position: 2,
      },
      {
        eventId: paris!.id,
        kind: "TEXT",
        textFr: "Besoins d'accessibilité",
        textEn: "Accessibility needs",
        position: 3,
      },
    ],
  });
  // Free registrations placed over the past days, so the sales chart has a history; transfers
  // placed today, so they still wait for their payment.
  let daysAgo = 9;
  const order = (eventId: string, typeId: string, qty: number, name: string, email: string, method?: "OFFLINE") =>
    placeOrder(client, eventId, { name, email, method, quantity: { [typeId]: qty } }, "fr", {
      ...context,
      now: method ? new Date() : new Date(Date.now() - daysAgo-- * 24 * 60 * 60 * 1000),
    });
  await order(lyon!.id, lyonFree.id, 1, "Emma Girard", "emma.girard@demo.rebond.example");
  await order(paris!.id, entry.id, 2, "Emma Girard", "emma.girard@demo.rebond.example", "OFFLINE");
  await order(paris!.id, workshop.id, 2, "Hugo Mercier", "hugo.mercier@demo.rebond.example");
  // Three guests of the Région already registered with its code (its partner space shows them).
  for (const name of ["Sandrine Morel", "Farid Haddad", "Juliette Caron"]) {
    const email = `${name.toLowerCase().replace(/ /g, ".")}@demo.rebond.example`;
    await placeOrder(
      client,
      paris!.id,
      { name, email, voucher: "PARTENAIRE-REGION", quantity: { [invitation.id]: 1 } },
      "fr",
      { ...context, now: new Date(Date.now() - daysAgo-- * 24 * 60 * 60 * 1000) },
    );
  }
  for (const [index, name] of guests.entries()) {
    const email = `${name
      .toLowerCase()
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/ /g, ".")}@demo.rebond.example`;
    await order(
      paris!.id,
      index % 3 === 0 ? solidarity.id : entry.id,
      1,
      name,
      email,
      index % 3 === 0 ? undefined : "OFFLINE",
    );
  }
}
