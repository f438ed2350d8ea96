import { expect, test } from "vitest";
import { translator } from "~/infra/i18n/i18n";
import { orderDetail, placeOrder, renameTicket } from "~/ticketing/orders.server";
import { ordersCsv, salesOverTime } from "~/ticketing/reports.server";
import { freshDatabase } from "../support/database";
import { createOrganisation, createUser } from "../support/factories";
import { buyer, orderContext, ticketedEvent } from "../support/tickets";

const { prisma: db } = await freshDatabase();
const organisation = await createOrganisation(db);

test("an organiser's complimentary order skips the sale rules but not the quota, and says who made it", async () => {
  const { event, paid } = await ticketedEvent(db, organisation.id, { seats: 3 });
  const organiser = await createUser(db, { name: "Karim Benali" });
  await db.ticketType.update({
    where: { id: paid.id },
    data: { hidden: true, saleEndsAt: new Date("2020-01-01T00:00:00Z") },
  });
  const manual = { organiserId: organiser.id, complimentary: true };
  const placed = await placeOrder(
    db,
    event.id,
    buyer({ [paid.id]: 3 }, { name: "Invitée d'honneur" }),
    "fr",
    orderContext,
    { manual },
  );
  expect(placed).toMatchObject({ ok: true, status: "PAID", method: "FREE" });
  expect(await placeOrder(db, event.id, buyer({ [paid.id]: 1 }), "fr", orderContext, { manual })).toMatchObject({
    ok: false,
    error: "errors.tickets.soldOut",
  });
  if (!placed.ok) return;
  const detail = (await orderDetail(db, event.id, placed.orderId))!;
  expect(detail.totalCents).toBe(0);
  expect(detail.history.map((h) => [h.toStatus, h.byUser?.name, h.note])).toEqual([
    ["PENDING", "Karim Benali", "complimentary"],
    ["PAID", "Karim Benali", "complimentary"],
  ]);
  expect(await orderDetail(db, (await ticketedEvent(db, organisation.id)).event.id, placed.orderId)).toBeNull();
});

test("a buyer changes the name on a ticket of their order, and only of their order", async () => {
  const { event, free } = await ticketedEvent(db, organisation.id);
  const mine = await placeOrder(db, event.id, buyer({ [free.id]: 2 }), "fr", orderContext);
  const theirs = await placeOrder(
    db,
    event.id,
    buyer({ [free.id]: 1 }, { email: "autre@exemple.fr" }),
    "fr",
    orderContext,
  );
  if (!mine.ok || !theirs.ok) throw new Error("not placed");
  const [first] = await db.ticket.findMany({ where: { orderId: mine.orderId }, orderBy: { createdAt: "asc" } });
  const [other] = await db.ticket.findMany({ where: { orderId: theirs.orderId } });
  expect(await renameTicket(db, { orderId: mine.orderId, ticketId: first!.id, name: "Léon Girard" })).toEqual({
    ok: true,
  });
  expect(await renameTicket(db, { orderId: mine.orderId, ticketId: other!.id, name: "Pirate" })).toEqual({
    ok: false,
    error: "errors.notFound",
  });
  expect((await db.ticket.findUniqueOrThrow({ where: { id: other!.id } })).attendeeName).toBe("Emma Girard");
});

test("sales add up per ticket type and day, and the orders export has one defused line per ticket", async () => {
  const { event, free, paid } = await ticketedEvent(db, organisation.id);
  await placeOrder(db, event.id, buyer({ [free.id]: 2 }, { name: '=HYPERLINK("x")' }), "fr", orderContext);
  await placeOrder(db, event.id, buyer({ [paid.id]: 1 }, { method: "OFFLINE" }), "fr", orderContext);
  const sales = await salesOverTime(db, event, "fr");
  expect(sales.series).toEqual([{ name: "Entrée libre", points: [{ day: sales.days[0], total: 2 }] }]);
  const csv = await ordersCsv(db, event, translator("fr"), "fr");
  const lines = csv.trim().split("\r\n");
  expect(lines[0]).toBe(
    "Commande;Acheteur·se;E-mail;Statut;Paiement;Total;Devise;Passée le;Payée le;Billet;Participant·e;Annulé;Entrée",
  );
  expect(lines).toHaveLength(4);
  expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
});
