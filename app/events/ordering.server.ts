import { z } from "zod";
import { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/infra/db/client.server";

// The event's ordered lists that organisers rearrange, by their tables (fixed names, never input).
const tables = {
  ticketType: "TicketType",
  attendeeQuestion: "AttendeeQuestion",
  talkFormat: "SessionFormat",
  track: "Track",
  question: "Question",
  scoreCategory: "ScoreCategory",
} as const;

export type OrderedList = keyof typeof tables;

// What the ↑ ↓ buttons beside an item send (MoveButtons in app/ui/form.tsx).
export const listMoveSchema = z.object({
  id: z.string({ error: "errors.notFound" }).min(1, "errors.notFound"),
  direction: z.enum(["up", "down"], { error: "errors.badIntent" }),
});

// One place up or down in one of an event's lists: the list renumbered 0…n-1 under the event's
// row lock, so two moves at once cannot tangle it. Not found when the item is not the event's; at
// either end, nothing moves.
export async function moveInOrder(
  client: Db,
  list: OrderedList,
  eventId: string,
  id: string,
  direction: "up" | "down",
): Promise<{ ok: true } | { ok: false; error: string }> {
  const table = Prisma.raw(`"${tables[list]}"`);
  return client.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "Event" WHERE "id" = ${eventId} FOR UPDATE`;
    const items = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM ${table} WHERE "eventId" = ${eventId} ORDER BY "position", "createdAt", "id"`;
    const from = items.findIndex((item) => item.id === id);
    if (from < 0) return { ok: false, error: "errors.notFound" };
    const to = direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= items.length) return { ok: true };
    [items[from], items[to]] = [items[to]!, items[from]!];
    for (const [position, item] of items.entries())
      await tx.$executeRaw`UPDATE ${table} SET "position" = ${position}, "updatedAt" = now() WHERE "id" = ${item.id}`;
    return { ok: true };
  });
}
