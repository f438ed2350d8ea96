import { expect, test } from "vitest";
import { heldUnpaidSeats } from "~/ticketing/catalogue.server";
import { confirmBooking, confirmsOrder, expireOrders, placeOrder, type Booker } from "~/ticketing/orders.server";
import { joinWaitingList, WAITING_LIST_JOINS_PER_CLIENT_HOUR } from "~/ticketing/waiting-list.server";
import { waitingListSchema } from "~/ticketing/ticketing-form";
import { freshDatabase } from "../support/database";
import { createOrganisation, createUser } from "../support/factories";
import { buyer, orderContext, ticketedEvent } from "../support/tickets";

const { prisma: db } = await freshDatabase();
const organisation = await createOrganisation(db);
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
let clients = 0;
// Each test books from its own client address unless it says otherwise.
const booker = (overrides: Partial<Booker> = {}): Booker => ({
  clientAddress: `198.51.100.${++clients}`,
  perClientHour: 20,
  verifiedEmail: null,
  ...overrides,
});
const mailOf = async (email: string) =>
  (await db.outboxMessage.findFirstOrThrow({ where: { to: email, template: "order" }, orderBy: { createdAt: "desc" } }))
    .data as { url: string; confirmBy: string; payBefore: string };

test("an anonymous booking by transfer holds its seats for the event's short hold until the link in its mail confirms the address, then five days", async () => {
  const { event, paid } = await ticketedEvent(db, organisation.id);
  const placed = await placeOrder(
    db,
    event.id,
    buyer({ [paid.id]: 2 }, { method: "OFFLINE", email: "a.confirmer@exemple.fr" }),
    "fr",
    orderContext,
    { booker: booker() },
  );
  if (!placed.ok) throw new Error(placed.error);
  const held = await db.order.findUniqueOrThrow({ where: { id: placed.orderId } });
  expect(held.confirmedAt).toBeNull();
  expect(Math.abs(held.expiresAt!.getTime() - held.createdAt.getTime() - 30 * MINUTE)).toBeLessThan(2000);
  const mail = await mailOf("a.confirmer@exemple.fr");
  expect(mail.confirmBy).not.toBe("");
  const link = new URL(mail.url);
  expect(link.pathname).toBe(new URL(placed.url).pathname);
  expect(confirmsOrder(link.searchParams.get("confirmation")!, placed.orderId, orderContext.secret)).toBe(true);
  expect(confirmsOrder(link.searchParams.get("confirmation")!, "another-order", orderContext.secret)).toBe(false);
  const quota = await db.quota.findFirstOrThrow({ where: { eventId: event.id } });
  expect((await heldUnpaidSeats(db, [quota.id])).get(quota.id)).toMatchObject({ held: 2, unconfirmed: 2 });

  expect(await confirmBooking(db, placed.orderId)).toBe("confirmed");
  const confirmed = await db.order.findUniqueOrThrow({ where: { id: placed.orderId } });
  expect(confirmed.confirmedAt).not.toBeNull();
  expect(confirmed.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 5 * DAY - MINUTE);
  expect(await confirmBooking(db, placed.orderId)).toBe("already");
  expect((await heldUnpaidSeats(db, [quota.id])).get(quota.id)).toMatchObject({ held: 2, unconfirmed: 0 });
});

test("a signed-in buyer booking with their own address, a free registration and an organiser's order need no confirmation", async () => {
  const { event, free, paid } = await ticketedEvent(db, organisation.id);
  const own = await placeOrder(
    db,
    event.id,
    buyer({ [paid.id]: 1 }, { method: "OFFLINE", email: "connectee@exemple.fr" }),
    "fr",
    orderContext,
    { booker: booker({ verifiedEmail: "connectee@exemple.fr" }) },
  );
  const other = await placeOrder(
    db,
    event.id,
    buyer({ [paid.id]: 1 }, { method: "OFFLINE", email: "quelqu.un@exemple.fr" }),
    "fr",
    orderContext,
    { booker: booker({ verifiedEmail: "connectee@exemple.fr" }) },
  );
  const registered = await placeOrder(
    db,
    event.id,
    buyer({ [free.id]: 1 }, { email: "gratuit@exemple.fr" }),
    "fr",
    orderContext,
    { booker: booker() },
  );
  const byTeam = await placeOrder(
    db,
    event.id,
    buyer({ [paid.id]: 1 }, { method: "OFFLINE", email: "par.equipe@exemple.fr" }),
    "fr",
    orderContext,
    { manual: { organiserId: (await createUser(db)).id, complimentary: false } },
  );
  if (!own.ok || !other.ok || !registered.ok || !byTeam.ok) throw new Error("refused");
  const [ownOrder, otherOrder, freeOrder, teamOrder] = await Promise.all(
    [own, other, registered, byTeam].map((p) => db.order.findUniqueOrThrow({ where: { id: p.ok ? p.orderId : "" } })),
  );
  expect(teamOrder!.confirmedAt).not.toBeNull();
  expect(ownOrder!.confirmedAt).not.toBeNull();
  expect(ownOrder!.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 4 * DAY);
  expect(otherOrder!.confirmedAt).toBeNull();
  expect(freeOrder!.confirmedAt).not.toBeNull();
  expect((await mailOf("connectee@exemple.fr")).confirmBy).toBe("");
});

test("a booking confirmed after its short hold ran out gets its seats back while they are free, and is refused once they are taken", async () => {
  const afterHold = new Date(Date.now() + 31 * MINUTE);
  const first = await ticketedEvent(db, organisation.id, { seats: 2 });
  const late = await placeOrder(
    db,
    first.event.id,
    buyer({ [first.paid.id]: 2 }, { method: "OFFLINE", email: "en.retard@exemple.fr" }),
    "fr",
    orderContext,
    { booker: booker() },
  );
  if (!late.ok) throw new Error(late.error);
  expect((await expireOrders(db, afterHold)).map((o) => o.id)).toContain(late.orderId);
  expect(await confirmBooking(db, late.orderId, afterHold)).toBe("confirmed");
  const revived = await db.order.findUniqueOrThrow({
    where: { id: late.orderId },
    include: { history: { orderBy: { createdAt: "asc" } } },
  });
  expect(revived.status).toBe("PENDING");
  expect(revived.expiresAt!.getTime()).toBeGreaterThan(afterHold.getTime() + 4 * DAY);
  expect(revived.history.map((h) => h.toStatus)).toEqual(["PENDING", "EXPIRED", "PENDING"]);

  const second = await ticketedEvent(db, organisation.id, { seats: 2 });
  const lost = await placeOrder(
    db,
    second.event.id,
    buyer({ [second.paid.id]: 2 }, { method: "OFFLINE", email: "trop.tard@exemple.fr" }),
    "fr",
    orderContext,
    { booker: booker() },
  );
  if (!lost.ok) throw new Error(lost.error);
  expect(
    (
      await placeOrder(
        db,
        second.event.id,
        buyer({ [second.free.id]: 2 }, { email: "rapide@exemple.fr" }),
        "fr",
        { ...orderContext, now: afterHold },
        { booker: booker() },
      )
    ).ok,
  ).toBe(true);
  expect(await confirmBooking(db, lost.orderId, afterHold)).toBe("too-late");
  expect(
    await db.order.findUniqueOrThrow({ where: { id: lost.orderId }, select: { confirmedAt: true, expiresAt: true } }),
  ).toMatchObject({ confirmedAt: null, expiresAt: expect.any(Date) });
  expect((await db.order.findUniqueOrThrow({ where: { id: lost.orderId } })).expiresAt!.getTime()).toBeLessThan(
    afterHold.getTime(),
  );
});

test("an address holds at most two unpaid bookings for an event at once; a third is refused with nothing written", async () => {
  const { event, paid, free } = await ticketedEvent(db, organisation.id);
  const from = booker();
  const book = (method: "OFFLINE" | "STRIPE") =>
    placeOrder(
      db,
      event.id,
      buyer({ [paid.id]: 1 }, { method, email: "collectionneur@exemple.fr" }),
      "fr",
      orderContext,
      { booker: from },
    );
  expect((await book("OFFLINE")).ok).toBe(true);
  expect((await book("STRIPE")).ok).toBe(true);
  const orders = await db.order.count({ where: { eventId: event.id } });
  expect(await book("OFFLINE")).toEqual({ ok: false, error: "errors.tickets.tooManyUnpaid", limited: true });
  expect(await db.order.count({ where: { eventId: event.id } })).toBe(orders);
  // A free registration is not unpaid; another address is not held back.
  expect(
    (
      await placeOrder(
        db,
        event.id,
        buyer({ [free.id]: 1 }, { email: "collectionneur@exemple.fr" }),
        "fr",
        orderContext,
        { booker: from },
      )
    ).ok,
  ).toBe(true);
  expect(
    (
      await placeOrder(
        db,
        event.id,
        buyer({ [paid.id]: 1 }, { method: "OFFLINE", email: "autre@exemple.fr" }),
        "fr",
        orderContext,
        { booker: from },
      )
    ).ok,
  ).toBe(true);
});

test("one client address books at most its limit an hour, free registrations included; a refused booking does not count", async () => {
  const small = await ticketedEvent(db, organisation.id, { seats: 1 });
  const { event, free } = await ticketedEvent(db, organisation.id);
  const from = booker({ perClientHour: 3 });
  expect(
    (
      await placeOrder(
        db,
        small.event.id,
        buyer({ [small.free.id]: 1 }, { email: "premier@exemple.fr" }),
        "fr",
        orderContext,
        { booker: from },
      )
    ).ok,
  ).toBe(true);
  expect(
    await placeOrder(
      db,
      small.event.id,
      buyer({ [small.free.id]: 1 }, { email: "second@exemple.fr" }),
      "fr",
      orderContext,
      { booker: from },
    ),
  ).toMatchObject({ ok: false, error: "errors.tickets.soldOut" });
  for (const i of [1, 2])
    expect(
      (
        await placeOrder(
          db,
          event.id,
          buyer({ [free.id]: 1 }, { email: `inscrit${i}@exemple.fr` }),
          "fr",
          orderContext,
          { booker: from },
        )
      ).ok,
    ).toBe(true);
  expect(
    await placeOrder(db, event.id, buyer({ [free.id]: 1 }, { email: "inscrit3@exemple.fr" }), "fr", orderContext, {
      booker: from,
    }),
  ).toEqual({ ok: false, error: "errors.tickets.tooManyOrders", limited: true });
  expect(await db.order.count({ where: { email: "inscrit3@exemple.fr" } })).toBe(0);
  expect(
    (
      await placeOrder(db, event.id, buyer({ [free.id]: 1 }, { email: "inscrit3@exemple.fr" }), "fr", orderContext, {
        booker: booker({ perClientHour: 3 }),
      })
    ).ok,
  ).toBe(true);
  // An hour later the address may book again.
  expect(
    (
      await placeOrder(
        db,
        event.id,
        buyer({ [free.id]: 1 }, { email: "inscrit4@exemple.fr" }),
        "fr",
        { ...orderContext, now: new Date(Date.now() + 61 * MINUTE) },
        { booker: from },
      )
    ).ok,
  ).toBe(true);
});

test("one client address adds at most its limit of people to waiting lists an hour", async () => {
  const { event, free } = await ticketedEvent(db, organisation.id, { seats: 1 });
  const join = (i: number, clientAddress = "192.0.2.77") =>
    joinWaitingList(
      db,
      event.id,
      waitingListSchema.parse({
        intent: "waiting-list",
        ticketTypeId: free.id,
        name: "Attente",
        email: `attente${i}@exemple.fr`,
      }),
      "fr",
      clientAddress,
    );
  for (let i = 0; i < WAITING_LIST_JOINS_PER_CLIENT_HOUR; i++) expect(await join(i)).toEqual({ ok: true });
  expect(await join(99)).toEqual({ ok: false, error: "errors.tickets.tooManyWaitingListJoins" });
  expect(await db.waitingListEntry.count({ where: { eventId: event.id } })).toBe(WAITING_LIST_JOINS_PER_CLIENT_HOUR);
  expect(await join(99, "192.0.2.78")).toEqual({ ok: true });
});
