import { expect, test } from "vitest";
import { connectDatabase } from "~/infra/db/client.server";
import { placeOrder } from "~/ticketing/orders.server";
import { freshDatabase } from "../../support/database";
import { createOrganisation } from "../../support/factories";
import { buyer, orderContext, ticketedEvent } from "../../support/tickets";

// PostgreSQL only: PGlite is a single connection, so it cannot show concurrent buyers.
const connection = await freshDatabase();
const db = connection.prisma;

test("300 simultaneous buyers for 50 seats: exactly 50 seats are sold, none twice", async () => {
  const { event, free, paid } = await ticketedEvent(db, (await createOrganisation(db)).id, { seats: 50 });
  // Several app instances, each with its own connection pool, as in production.
  const instances = Array.from({ length: 6 }, () => connectDatabase(connection.target));
  try {
    const attempts = Array.from({ length: 300 }, (_, i) => {
      const instance = instances[i % instances.length]!.prisma;
      const form =
        i % 2
          ? buyer({ [free.id]: 1 }, { email: `buyer${i}@exemple.fr` })
          : buyer({ [paid.id]: 1 }, { email: `buyer${i}@exemple.fr`, method: "OFFLINE" });
      return placeOrder(instance, event.id, form, "fr", orderContext);
    });
    const results = await Promise.all(attempts);
    expect(results.filter((r) => r.ok)).toHaveLength(50);
    expect(new Set(results.filter((r) => !r.ok).map((r) => !r.ok && r.error))).toEqual(
      new Set(["errors.tickets.soldOut"]),
    );
    expect(await db.ticket.count({ where: { order: { eventId: event.id } } })).toBe(50);
  } finally {
    await Promise.all(instances.map((i) => i.close()));
  }
});

test("300 buyers sharing what each instance remembers of the sale, as the booking page does: exactly 50 sold, every buyer answered", async () => {
  const { event, free } = await ticketedEvent(db, (await createOrganisation(db)).id, { seats: 50 });
  const instances = Array.from({ length: 3 }, () => {
    const kept = new Map<string, Promise<unknown>>();
    const remember = <T>(key: string, compute: () => Promise<T>) => {
      if (!kept.has(key)) kept.set(key, compute());
      return kept.get(key) as Promise<T>;
    };
    return { connection: connectDatabase(connection.target), remember };
  });
  try {
    const results = await Promise.all(
      Array.from({ length: 300 }, (_, i) => {
        const { connection: instance, remember } = instances[i % instances.length]!;
        return placeOrder(instance.prisma, event.id, buyer({ [free.id]: 1 }, { email: `file${i}@exemple.fr` }), "fr", {
          ...orderContext,
          remember,
        });
      }),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(50);
    expect(results.filter((r) => !r.ok && r.error === "errors.tickets.soldOut")).toHaveLength(250);
    expect(await db.ticket.count({ where: { order: { eventId: event.id } } })).toBe(50);
  } finally {
    await Promise.all(instances.map((i) => i.connection.close()));
  }
});
