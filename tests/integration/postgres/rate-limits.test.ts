import { expect, test } from "vitest";
import { requestLoginLink } from "~/auth/login-link.server";
import { connectDatabase } from "~/infra/db/client.server";
import { placeOrder, UNPAID_PER_ADDRESS } from "~/ticketing/orders.server";
import { tryVoucher, VOUCHER_TRIES } from "~/ticketing/vouchers.server";
import { createOnsitePost, ONSITE_LIMIT, onsiteClientKey } from "~/wall/onsite.server";
import { onsitePostSchema } from "~/wall/wall-forms";
import { freshDatabase } from "../../support/database";
import { createEvent, createOrganisation } from "../../support/factories";
import { buyer, orderContext, ticketedEvent } from "../../support/tickets";

// PostgreSQL only: PGlite is a single connection, so it cannot show simultaneous requests.
const connection = await freshDatabase();
const db = connection.prisma;

// Several app instances, each with its own pool, as in production.
async function onInstances<T>(count: number, run: (instance: (typeof connection)["prisma"], i: number) => Promise<T>) {
  const instances = Array.from({ length: 4 }, () => connectDatabase(connection.target));
  try {
    return await Promise.all(Array.from({ length: count }, (_, i) => run(instances[i % instances.length]!.prisma, i)));
  } finally {
    await Promise.all(instances.map((i) => i.close()));
  }
}

const link = (email: string, ip: string, limits: { perEmail: number; perIp: number }) =>
  ({ email, ip, redirectTo: "/espace", locale: "fr", appUrl: "https://rebond.test", limits }) as const;

test("20 simultaneous sign-in requests from one address with a limit of 5 send exactly 5 links", async () => {
  const ip = "198.51.100.20";
  const results = await onInstances(20, (instance, i) =>
    requestLoginLink(instance, link(`personne${i}@exemple.fr`, ip, { perEmail: 50, perIp: 5 })),
  );
  expect(results.filter((r) => r.status === "sent")).toHaveLength(5);
  expect(results.filter((r) => r.status === "rate-limited")).toHaveLength(15);
  expect(await db.loginToken.count({ where: { requestIp: ip } })).toBe(5);
  expect(await db.outboxMessage.count({ where: { template: "login-link", to: { startsWith: "personne" } } })).toBe(5);
});

test("20 simultaneous sign-in requests for one e-mail address from many addresses send exactly 5 links", async () => {
  const results = await onInstances(20, (instance, i) =>
    requestLoginLink(instance, link("cible@exemple.fr", `203.0.113.${i + 1}`, { perEmail: 5, perIp: 50 })),
  );
  expect(results.filter((r) => r.status === "sent")).toHaveLength(5);
  expect(await db.loginToken.count({ where: { email: "cible@exemple.fr" } })).toBe(5);
});

test("12 simultaneous on-site wall posts from one writer keep to the limit of three", async () => {
  const event = await createEvent(db, (await createOrganisation(db)).id, { hashtag: "#course" });
  await db.wallSettings.create({ data: { eventId: event.id } });
  const clientKey = onsiteClientKey("198.51.100.30", "s".repeat(32));
  const results = await onInstances(12, (instance, i) =>
    createOnsitePost(instance, {
      eventId: event.id,
      clientKey,
      deviceKey: "le-telephone-de-malik",
      form: onsitePostSchema.parse({ name: "Malik", text: `Message ${i}` }),
    }),
  );
  expect(results.filter((r) => r.ok)).toHaveLength(ONSITE_LIMIT);
  expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error)).toEqual(
    Array(12 - ONSITE_LIMIT).fill("wall.errors.tooMany"),
  );
  expect(await db.wallPost.count({ where: { eventId: event.id } })).toBe(ONSITE_LIMIT);
});

test("30 simultaneous guesses at voucher codes from one address: exactly the limit are looked up", async () => {
  const { event } = await ticketedEvent(db, (await createOrganisation(db)).id);
  const results = await onInstances(30, (instance, i) =>
    tryVoucher(instance, { eventId: event.id, code: `DEVINE-${i}`, clientAddress: "198.51.100.50" }),
  );
  const errors = results.map((r) => !r.ok && r.error);
  expect(errors.filter((e) => e === "errors.tickets.voucherUnknown")).toHaveLength(VOUCHER_TRIES.max);
  expect(errors.filter((e) => e === "errors.tickets.voucherTooManyTries")).toHaveLength(30 - VOUCHER_TRIES.max);
});

test("30 simultaneous bookings from one client address with a limit of 20 place exactly 20 orders", async () => {
  const { event, free } = await ticketedEvent(db, (await createOrganisation(db)).id, { seats: 100 });
  const booker = { clientAddress: "198.51.100.30", perClientHour: 20, verifiedEmail: null };
  const results = await onInstances(30, (instance, i) =>
    placeOrder(instance, event.id, buyer({ [free.id]: 1 }, { email: `rafale${i}@exemple.fr` }), "fr", orderContext, {
      booker,
    }),
  );
  expect(results.filter((r) => r.ok)).toHaveLength(20);
  expect(results.filter((r) => !r.ok && r.error === "errors.tickets.tooManyOrders")).toHaveLength(10);
  expect(await db.order.count({ where: { eventId: event.id } })).toBe(20);
});

test("10 simultaneous unpaid bookings for one address, from many client addresses, hold exactly two", async () => {
  const { event, paid } = await ticketedEvent(db, (await createOrganisation(db)).id, { seats: 100 });
  const results = await onInstances(10, (instance, i) =>
    placeOrder(
      instance,
      event.id,
      buyer({ [paid.id]: 4 }, { method: "OFFLINE", email: "accapareur@exemple.fr" }),
      "fr",
      orderContext,
      { booker: { clientAddress: `203.0.113.${100 + i}`, perClientHour: 20, verifiedEmail: null } },
    ),
  );
  expect(results.filter((r) => r.ok)).toHaveLength(UNPAID_PER_ADDRESS);
  expect(await db.ticket.count({ where: { order: { eventId: event.id } } })).toBe(4 * UNPAID_PER_ADDRESS);
});
