import { expect, test } from "vitest";
import { connectDatabase } from "~/infra/db/client.server";
import { checkIn } from "~/ticketing/check-in.server";
import { placeOrder } from "~/ticketing/orders.server";
import { freshDatabase } from "../../support/database";
import { createOrganisation, createUser } from "../../support/factories";
import { buyer, orderContext, ticketedEvent } from "../../support/tickets";

// PostgreSQL only: two phones at the door are two connections.
const connection = await freshDatabase();
const db = connection.prisma;

test("two scanners reading the same ticket at the same moment: exactly one lets it in", async () => {
  const { event, free } = await ticketedEvent(db, (await createOrganisation(db)).id);
  const [door1, door2] = [await createUser(db), await createUser(db)];
  const placed = await placeOrder(db, event.id, buyer({ [free.id]: 1 }), "fr", orderContext);
  if (!placed.ok) throw new Error("not placed");
  const { secret } = await db.ticket.findFirstOrThrow({ where: { orderId: placed.orderId } });
  const phones = [connectDatabase(connection.target), connectDatabase(connection.target)];
  try {
    for (let round = 0; round < 5; round++) {
      await db.ticket.updateMany({ where: { secret }, data: { checkedInAt: null, checkedInById: null } });
      const results = await Promise.all([
        checkIn(phones[0]!.prisma, { eventId: event.id, staffId: door1.id, secret }),
        checkIn(phones[1]!.prisma, { eventId: event.id, staffId: door2.id, secret }),
      ]);
      expect(results.map((r) => r.kind).sort()).toEqual(["already", "valid"]);
    }
  } finally {
    await Promise.all(phones.map((p) => p.close()));
  }
});
