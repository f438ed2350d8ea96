import type { DbClient } from "~/infra/db/client.server";

// What an event still needs before its evening, as an organiser sets one up: one statement, each
// step done or not, and the back-office page where it is done (app/events/event-nav.tsx names them).
export type SetupStep = {
  key: "call" | "criteria" | "rooms" | "quota" | "tickets" | "partner" | "reminders" | "wall";
  done: boolean;
};

export async function setupChecklist(client: DbClient, eventId: string): Promise<SetupStep[]> {
  const event = await client.event.findUniqueOrThrow({
    where: { id: eventId },
    select: {
      reminderOffsets: true,
      call: { select: { opensAt: true, closesAt: true } },
      wallSettings: { select: { open: true } },
      _count: {
        select: {
          scoreCategories: true,
          rooms: true,
          quotas: true,
          ticketTypes: true,
          partners: true,
          wallSources: true,
        },
      },
    },
  });
  const count = event._count;
  return [
    { key: "call", done: Boolean(event.call?.opensAt && event.call.closesAt) },
    { key: "criteria", done: count.scoreCategories > 0 },
    { key: "rooms", done: count.rooms > 0 },
    { key: "quota", done: count.quotas > 0 },
    { key: "tickets", done: count.ticketTypes > 0 },
    { key: "partner", done: count.partners > 0 },
    { key: "reminders", done: event.reminderOffsets.length > 0 },
    { key: "wall", done: Boolean(event.wallSettings?.open) || count.wallSources > 0 },
  ];
}
