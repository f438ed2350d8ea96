import { expect, test } from "vitest";
import { ticketCatalogue } from "~/ticketing/catalogue.server";
import { checkIn, doorCounters } from "~/ticketing/check-in.server";
import {
  buyerMayCancel,
  cancelOrder,
  expireOrders,
  markOrderPaid,
  orderFromToken,
  placeOrder,
} from "~/ticketing/orders.server";
import { orderSchema } from "~/ticketing/ticketing-form";
import { freshDatabase } from "../support/database";
import { createOrganisation, createUser } from "../support/factories";
import { buyer, orderContext, ticketedEvent } from "../support/tickets";

const { prisma: db } = await freshDatabase();
const organisation = await createOrganisation(db);
const HOUR = 60 * 60 * 1000;

test("a free registration is paid at once, with one ticket per seat, unguessable secrets and the tickets mailed", async () => {
  const { event, free } = await ticketedEvent(db, organisation.id);
  const placed = await placeOrder(db, event.id, buyer({ [free.id]: 2 }), "fr", orderContext);
  expect(placed).toMatchObject({ ok: true, status: "PAID" });
  if (!placed.ok) return;
  expect(orderFromToken(placed.url.split("/commande/")[1]!, orderContext.secret)).toBe(placed.orderId);
  const order = await db.order.findUniqueOrThrow({
    where: { id: placed.orderId },
    include: { tickets: true, history: { orderBy: { createdAt: "asc" } } },
  });
  expect(order).toMatchObject({ method: "FREE", totalCents: 0, email: "emma.girard@exemple.fr" });
  expect(order.tickets).toHaveLength(2);
  expect(new Set(order.tickets.map((p) => p.secret)).size).toBe(2);
  expect(order.tickets.every((p) => p.secret.length >= 22)).toBe(true);
  expect(order.history.map((h) => h.toStatus)).toEqual(["PENDING", "PAID"]);
  const mail = await db.outboxMessage.findFirstOrThrow({
    where: { to: "emma.girard@exemple.fr", template: "order" },
    orderBy: { createdAt: "desc" },
  });
  expect((mail.data as { state: string; tickets: unknown[] }).tickets).toHaveLength(2);
});

test("a paid order by bank transfer holds its seats until its deadline, then the organiser marks it paid and the tickets go out", async () => {
  const { event, paid } = await ticketedEvent(db, organisation.id);
  const organiser = await createUser(db);
  const placed = await placeOrder(
    db,
    event.id,
    buyer({ [paid.id]: 2 }, { method: "OFFLINE", email: "virement@exemple.fr" }),
    "fr",
    orderContext,
  );
  expect(placed).toMatchObject({ ok: true, status: "PENDING" });
  if (!placed.ok) return;
  const pending = await db.order.findUniqueOrThrow({ where: { id: placed.orderId } });
  expect(pending.totalCents).toBe(5000);
  expect(pending.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 4 * 24 * HOUR);
  expect((await ticketCatalogue(db, event.id)).find((t) => t.id === paid.id)?.left).toBe(48);
  expect(
    await markOrderPaid(db, { eventId: event.id, orderId: placed.orderId, organiserId: organiser.id, ...orderContext }),
  ).toEqual({ ok: true });
  expect(
    await markOrderPaid(db, { eventId: event.id, orderId: placed.orderId, organiserId: organiser.id, ...orderContext }),
  ).toEqual({ ok: false, error: "errors.tickets.badTransition" });
  const mails = await db.outboxMessage.findMany({
    where: { to: "virement@exemple.fr", template: "order" },
    orderBy: { createdAt: "asc" },
  });
  expect(mails.map((m) => (m.data as { state: string }).state)).toEqual(["pending", "paid"]);
  const history = await db.orderStatusChange.findMany({
    where: { orderId: placed.orderId },
    orderBy: { createdAt: "asc" },
  });
  expect(history.map((h) => [h.toStatus, h.byUserId])).toEqual([
    ["PENDING", null],
    ["PAID", organiser.id],
  ]);
});

test("the server recomputes prices and refuses what is not on sale, out of range or missing, writing nothing", async () => {
  const { event, free, paid } = await ticketedEvent(db, organisation.id);
  const hidden = await db.ticketType.create({
    data: {
      eventId: event.id,
      nameFr: "Invitation",
      nameEn: "Invitation",
      hidden: true,
      quotas: { create: { quotaId: (await db.quota.findFirstOrThrow({ where: { eventId: event.id } })).id } },
    },
  });
  const later = await db.ticketType.create({
    data: {
      eventId: event.id,
      nameFr: "Dernière minute",
      nameEn: "Last minute",
      saleStartsAt: new Date(Date.now() + 24 * HOUR),
    },
  });
  const other = await ticketedEvent(db, organisation.id);
  const attempt = (quantity: Record<string, number>, extra = {}) =>
    placeOrder(db, event.id, buyer(quantity, extra), "fr", orderContext);
  expect(await attempt({})).toEqual({ ok: false, error: "errors.tickets.nothingChosen" });
  expect(await attempt({ [free.id]: 5 })).toEqual({ ok: false, error: "errors.tickets.quantity", typeId: free.id });
  expect(await attempt({ [hidden.id]: 1 })).toEqual({
    ok: false,
    error: "errors.tickets.notOnSale",
    typeId: hidden.id,
  });
  expect(await attempt({ [later.id]: 1 })).toEqual({ ok: false, error: "errors.tickets.notOnSale", typeId: later.id });
  expect(await attempt({ [other.free.id]: 1 })).toEqual({
    ok: false,
    error: "errors.tickets.notOnSale",
    typeId: other.free.id,
  });
  expect(await attempt({ [paid.id]: 1 })).toEqual({ ok: false, error: "errors.tickets.methodRequired" });
  expect(await db.order.count({ where: { eventId: event.id } })).toBe(0);
  // A price sent with the form is not even read: the schema drops it, the total comes from the database.
  const form = orderSchema.parse({
    name: "Emma Girard",
    email: "emma@exemple.fr",
    method: "OFFLINE",
    quantity: { [paid.id]: "1" },
    price: "0",
    totalCents: "0",
  });
  const placed = await placeOrder(db, event.id, form, "fr", orderContext);
  expect(placed.ok && (await db.order.findUniqueOrThrow({ where: { id: placed.orderId } })).totalCents).toBe(2500);
  expect(
    orderSchema
      .safeParse({ name: "E", email: "pas-une-adresse", quantity: { [free.id]: "-1" } })
      .error?.issues.map((i) => i.message)
      .sort(),
  ).toEqual(["errors.email", "errors.tickets.quantity", "errors.tooShort"]);
});

test("a quota never gives more seats than it has; an expired hold or a canceled order frees its seats", async () => {
  const { event, free, paid } = await ticketedEvent(db, organisation.id, { seats: 3 });
  const held = await placeOrder(db, event.id, buyer({ [paid.id]: 2 }, { method: "OFFLINE" }), "fr", orderContext);
  expect(held.ok).toBe(true);
  expect(await placeOrder(db, event.id, buyer({ [free.id]: 2 }), "fr", orderContext)).toEqual({
    ok: false,
    error: "errors.tickets.soldOut",
    typeId: free.id,
  });
  const one = await placeOrder(db, event.id, buyer({ [free.id]: 1 }), "fr", orderContext);
  expect(one.ok).toBe(true);
  expect((await ticketCatalogue(db, event.id)).map((t) => [t.state, t.left])).toEqual([
    ["sold-out", 0],
    ["sold-out", 0],
  ]);

  // Past its deadline the transfer no longer holds its seats, even before the job marks it expired.
  const later = new Date(Date.now() + 6 * 24 * HOUR);
  expect((await ticketCatalogue(db, event.id, later))[0]!.left).toBe(2);
  await expireOrders(db, later);
  const expired = await db.order.findUniqueOrThrow({
    where: { id: held.ok ? held.orderId : "" },
    include: { history: { orderBy: { createdAt: "asc" } } },
  });
  expect(expired.status).toBe("EXPIRED");
  expect(expired.history.map((h) => h.toStatus)).toEqual(["PENDING", "EXPIRED"]);

  if (!one.ok) return;
  expect(await cancelOrder(db, { eventId: event.id, orderId: one.orderId, byUserId: null })).toEqual({ ok: true });
  expect((await ticketCatalogue(db, event.id, later))[0]!.left).toBe(3);
});

test("what a sale remembers before deciding can make it refuse early, never sell a seat that is gone", async () => {
  const { event, free } = await ticketedEvent(db, organisation.id, { seats: 2 });
  const kept = new Map<string, Promise<unknown>>();
  const remember = <T>(key: string, compute: () => Promise<T>) => {
    if (!kept.has(key)) kept.set(key, compute());
    return kept.get(key) as Promise<T>;
  };
  // Remembered while both seats were free; then they go to others.
  expect((await placeOrder(db, event.id, buyer({ [free.id]: 1 }), "fr", { ...orderContext, remember })).ok).toBe(true);
  expect((await placeOrder(db, event.id, buyer({ [free.id]: 1 }), "fr", orderContext)).ok).toBe(true);
  const before = await db.order.count({ where: { eventId: event.id } });
  expect(
    await placeOrder(db, event.id, buyer({ [free.id]: 1 }, { email: "trop.tard@exemple.fr" }), "fr", {
      ...orderContext,
      remember,
    }),
  ).toEqual({ ok: false, error: "errors.tickets.soldOut", typeId: free.id });
  expect(await db.order.count({ where: { eventId: event.id } })).toBe(before);
  expect(await db.outboxMessage.count({ where: { to: "trop.tard@exemple.fr" } })).toBe(0);

  // Remembered while full: refused at once, without a query or a lock.
  kept.clear();
  expect((await placeOrder(db, event.id, buyer({ [free.id]: 1 }), "fr", { ...orderContext, remember })).ok).toBe(false);
  await db.order.updateMany({ where: { eventId: event.id }, data: { status: "CANCELED" } });
  expect(await placeOrder(db, event.id, buyer({ [free.id]: 1 }), "fr", { ...orderContext, remember })).toEqual({
    ok: false,
    error: "errors.tickets.soldOut",
    typeId: free.id,
  });
  expect((await placeOrder(db, event.id, buyer({ [free.id]: 1 }), "fr", orderContext)).ok).toBe(true);
});

test("at the door a ticket is let in once; canceled, unpaid, other events' and unknown tickets are told apart", async () => {
  const { event, free, paid } = await ticketedEvent(db, organisation.id);
  const other = await ticketedEvent(db, organisation.id);
  const staff = await createUser(db, { name: "Lucas Petit" });
  const secretOf = async (orderId: string) => (await db.ticket.findFirstOrThrow({ where: { orderId } })).secret;
  const ok = await placeOrder(db, event.id, buyer({ [free.id]: 1 }, { name: "Emma Girard" }), "fr", orderContext);
  const unpaid = await placeOrder(
    db,
    event.id,
    buyer({ [paid.id]: 1 }, { method: "OFFLINE", name: "Paul Virement" }),
    "fr",
    orderContext,
  );
  const elsewhere = await placeOrder(db, other.event.id, buyer({ [other.free.id]: 1 }), "fr", orderContext);
  const canceled = await placeOrder(db, event.id, buyer({ [free.id]: 1 }, { name: "Ana Annulé" }), "fr", orderContext);
  if (!ok.ok || !unpaid.ok || !elsewhere.ok || !canceled.ok) throw new Error("orders not placed");
  await cancelOrder(db, { eventId: event.id, orderId: canceled.orderId, byUserId: null });
  const scan = async (secret: string) => checkIn(db, { eventId: event.id, staffId: staff.id, secret });

  expect(await scan(await secretOf(ok.orderId))).toEqual({
    kind: "valid",
    attendee: "Emma Girard",
    type: "Entrée libre",
  });
  expect(await scan(await secretOf(ok.orderId))).toMatchObject({ kind: "already", attendee: "Emma Girard" });
  expect(await scan(await secretOf(unpaid.orderId))).toEqual({ kind: "unpaid", attendee: "Paul Virement" });
  expect(await scan(await secretOf(canceled.orderId))).toEqual({ kind: "canceled", attendee: "Ana Annulé" });
  expect(await scan(await secretOf(elsewhere.orderId))).toEqual({
    kind: "wrong-event",
    eventTitle: other.event.titleFr,
  });
  expect(await scan("n-importe-quoi")).toEqual({ kind: "unknown" });
  expect(await doorCounters(db, event.id)).toEqual({ expected: 1, inside: 1 });
});

test("at the door, a ticket for another organisation's event is refused without naming that event", async () => {
  const { event } = await ticketedEvent(db, organisation.id);
  const theirs = await ticketedEvent(db, (await createOrganisation(db)).id);
  await db.event.update({
    where: { id: theirs.event.id },
    data: { titleFr: "Soirée confidentielle d'un autre réseau" },
  });
  const staff = await createUser(db);
  const placed = await placeOrder(db, theirs.event.id, buyer({ [theirs.free.id]: 1 }), "fr", orderContext);
  if (!placed.ok) throw new Error(placed.error);
  const { secret } = await db.ticket.findFirstOrThrow({ where: { orderId: placed.orderId } });
  const result = await checkIn(db, { eventId: event.id, staffId: staff.id, secret });
  expect(result).toEqual({ kind: "other-organisation" });
  expect(JSON.stringify(result)).not.toContain("confidentielle");
});

test("buyers cancel by themselves only within the event's rule, and only orders still running", () => {
  const event = { startsAt: new Date("2027-03-19T17:30:00Z"), ticketCancelDays: 2 };
  expect(buyerMayCancel({ status: "PAID" }, event, new Date("2027-03-17T17:00:00Z"))).toBe(true);
  expect(buyerMayCancel({ status: "PAID" }, event, new Date("2027-03-17T18:00:00Z"))).toBe(false);
  expect(buyerMayCancel({ status: "PENDING" }, event, new Date("2027-03-01T00:00:00Z"))).toBe(true);
  expect(buyerMayCancel({ status: "REFUNDED" }, event, new Date("2027-03-01T00:00:00Z"))).toBe(false);
  expect(
    buyerMayCancel({ status: "PAID" }, { ...event, ticketCancelDays: null }, new Date("2027-03-01T00:00:00Z")),
  ).toBe(false);
});

test("attendee questions: a required one must be answered, a choice must be one offered, and the answers are kept", async () => {
  const { event, free } = await ticketedEvent(db, organisation.id);
  const [company, role] = await Promise.all([
    db.attendeeQuestion.create({
      data: { eventId: event.id, kind: "TEXT", textFr: "Entreprise", textEn: "Company", required: true },
    }),
    db.attendeeQuestion.create({
      data: {
        eventId: event.id,
        kind: "CHOICE",
        textFr: "Vous êtes",
        textEn: "You are",
        optionsFr: ["Entrepreneur·e", "Autre"],
        optionsEn: ["Entrepreneur", "Other"],
        position: 1,
      },
    }),
  ]);
  const attempt = (answer: Record<string, string>) =>
    placeOrder(db, event.id, { ...buyer({ [free.id]: 1 }), answer }, "fr", orderContext);
  expect(await attempt({})).toEqual({ ok: false, error: "errors.required", questionId: company.id });
  expect(await attempt({ [company.id]: "Atelier Haddad", [role.id]: "7" })).toEqual({
    ok: false,
    error: "errors.choice",
    questionId: role.id,
  });
  const placed = await attempt({ [company.id]: " Atelier Haddad ", [role.id]: "0", unknown: "ignored" });
  expect(placed.ok && (await db.order.findUniqueOrThrow({ where: { id: placed.orderId } })).answers).toEqual({
    [company.id]: "Atelier Haddad",
    [role.id]: "0",
  });
});

test("an order link is read strictly: anything added before, after or inside the token makes it unknown", async () => {
  const { event, free } = await ticketedEvent(db, organisation.id);
  const placed = await placeOrder(
    db,
    event.id,
    buyer({ [free.id]: 1 }, { email: "lien.strict@exemple.fr" }),
    "fr",
    orderContext,
  );
  if (!placed.ok) throw new Error(placed.error);
  const token = placed.url.split("/commande/")[1]!;
  expect(orderFromToken(token, orderContext.secret)).toBe(placed.orderId);
  for (const mangled of [
    `${token}.extra`,
    `${token}.`,
    ` ${token}`,
    `${token}\n`,
    `x.${token}`,
    token.replace(".", ".."),
    `${token.slice(0, -1)}`,
  ]) {
    expect(orderFromToken(mangled, orderContext.secret), JSON.stringify(mangled)).toBeNull();
  }
});
