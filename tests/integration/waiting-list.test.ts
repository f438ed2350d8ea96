import { expect, test } from "vitest";
import { cancelOrder, placeOrder } from "~/ticketing/orders.server";
import { joinWaitingList, offerFreedSeats } from "~/ticketing/waiting-list.server";
import { waitingListSchema } from "~/ticketing/ticketing-form";
import { freshDatabase } from "../support/database";
import { createOrganisation } from "../support/factories";
import { buyer, orderContext, ticketedEvent } from "../support/tickets";

const { prisma: db } = await freshDatabase();
const organisation = await createOrganisation(db);
const HOUR = 60 * 60 * 1000;

test("a freed seat is held for the first person waiting, then passes to the next when unused", async () => {
  const { event, free } = await ticketedEvent(db, organisation.id, { seats: 1 });
  const taken = await placeOrder(
    db,
    event.id,
    buyer({ [free.id]: 1 }, { email: "premiere@exemple.fr" }),
    "fr",
    orderContext,
  );
  expect(
    await placeOrder(db, event.id, buyer({ [free.id]: 1 }, { email: "anna@exemple.fr" }), "fr", orderContext),
  ).toMatchObject({ ok: false, error: "errors.tickets.soldOut" });
  for (const email of ["anna@exemple.fr", "bruno@exemple.fr", "anna@exemple.fr"]) {
    expect(
      await joinWaitingList(
        db,
        event.id,
        waitingListSchema.parse({ intent: "waiting-list", ticketTypeId: free.id, name: "Attente", email }),
        "fr",
        "203.0.113.9",
      ),
    ).toEqual({ ok: true });
  }
  expect(await db.waitingListEntry.count({ where: { ticketTypeId: free.id } })).toBe(2);
  expect(await offerFreedSeats(db, orderContext)).toBe(0);

  if (!taken.ok) throw new Error("not placed");
  await cancelOrder(db, { eventId: event.id, orderId: taken.orderId, byUserId: null });
  expect(await offerFreedSeats(db, orderContext)).toBe(1);
  expect(await offerFreedSeats(db, orderContext)).toBe(0);
  const offer = await db.outboxMessage.findFirstOrThrow({
    where: { to: "anna@exemple.fr", template: "waiting-list-offer" },
  });
  const code = new URL((offer.data as { url: string }).url).searchParams.get("code")!;
  // The seat is Anna's: nobody else can take it, she can.
  expect(
    await placeOrder(db, event.id, buyer({ [free.id]: 1 }, { email: "intrus@exemple.fr" }), "fr", orderContext),
  ).toMatchObject({ ok: false, error: "errors.tickets.soldOut" });

  // A day later, unused, it goes to Bruno; Anna's code no longer works.
  const later = new Date(Date.now() + 25 * HOUR);
  expect(await offerFreedSeats(db, orderContext, later)).toBe(1);
  expect(await db.outboxMessage.count({ where: { to: "bruno@exemple.fr", template: "waiting-list-offer" } })).toBe(1);
  expect(
    await placeOrder(db, event.id, { ...buyer({ [free.id]: 1 }, { email: "anna@exemple.fr" }), voucher: code }, "fr", {
      ...orderContext,
      now: later,
    }),
  ).toEqual({ ok: false, error: "errors.tickets.voucherExpired" });
  const brunoCode = new URL(
    ((await db.outboxMessage.findFirstOrThrow({ where: { to: "bruno@exemple.fr" } })).data as { url: string }).url,
  ).searchParams.get("code")!;
  expect(
    await placeOrder(
      db,
      event.id,
      { ...buyer({ [free.id]: 1 }, { email: "bruno@exemple.fr" }), voucher: brunoCode },
      "fr",
      { ...orderContext, now: later },
    ),
  ).toMatchObject({ ok: true, status: "PAID" });
});
