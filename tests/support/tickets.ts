import type { Db } from "~/infra/db/client.server";
import { createEvent } from "./factories";

export const orderContext = { appUrl: "https://rebond.test", secret: "un-secret-de-test-suffisamment-long-pour-hmac" };

// A published evening with one quota (its capacity) shared by a free and a paid ticket type.
export async function ticketedEvent(
  client: Db,
  organisationId: string,
  options: { seats?: number; startsAt?: Date } = {},
) {
  const startsAt = options.startsAt ?? new Date(Date.now() + 30 * 24 * 60 * 60 * 1000);
  const event = await createEvent(client, organisationId, {
    status: "PUBLISHED",
    startsAt,
    endsAt: new Date(startsAt.getTime() + 3 * 60 * 60 * 1000),
  });
  const quota = await client.quota.create({ data: { eventId: event.id, name: "Jauge", size: options.seats ?? 50 } });
  const free = await client.ticketType.create({
    data: {
      eventId: event.id,
      nameFr: "Entrée libre",
      nameEn: "Free entry",
      priceCents: 0,
      maxPerOrder: 4,
      quotas: { create: { quotaId: quota.id } },
    },
  });
  const paid = await client.ticketType.create({
    data: {
      eventId: event.id,
      nameFr: "Soutien",
      nameEn: "Supporter",
      priceCents: 2500,
      position: 1,
      maxPerOrder: 4,
      quotas: { create: { quotaId: quota.id } },
    },
  });
  return { event, quota, free, paid };
}

export function buyer(
  quantity: Record<string, number>,
  overrides: Partial<{ name: string; email: string; method: "OFFLINE" | "DOOR" | "STRIPE" }> = {},
) {
  return { name: "Emma Girard", email: "emma.girard@exemple.fr", quantity, ...overrides };
}
