import { expect, test } from "vitest";
import { setupChecklist } from "~/events/setup-checklist.server";
import { freshDatabase } from "../support/database";
import { createEvent, createOrganisation } from "../support/factories";

const { prisma: db } = await freshDatabase();
const organisation = await createOrganisation(db);

const missing = async (eventId: string) =>
  (await setupChecklist(db, eventId)).filter((step) => !step.done).map((step) => step.key);

test("a new event's checklist says everything an evening needs, and each step is done as it is set up", async () => {
  const event = await createEvent(db, organisation.id, { status: "DRAFT" });
  await db.event.update({ where: { id: event.id }, data: { reminderOffsets: [] } });
  expect(await missing(event.id)).toEqual([
    "call",
    "criteria",
    "rooms",
    "quota",
    "tickets",
    "partner",
    "reminders",
    "wall",
  ]);

  await db.callForStories.upsert({
    where: { eventId: event.id },
    create: { eventId: event.id, opensAt: new Date("2027-01-05"), closesAt: null },
    update: { opensAt: new Date("2027-01-05"), closesAt: null },
  });
  expect(await missing(event.id)).toContain("call");
  await db.callForStories.update({ where: { eventId: event.id }, data: { closesAt: new Date("2027-02-05") } });
  await db.scoreCategory.create({ data: { eventId: event.id, nameFr: "Sincérité", nameEn: "Sincerity" } });
  await db.room.create({ data: { eventId: event.id, nameFr: "Grande salle", nameEn: "Main hall" } });
  await db.quota.create({ data: { eventId: event.id, name: "Jauge", size: 120 } });
  expect(await missing(event.id)).toEqual(["tickets", "partner", "reminders", "wall"]);

  await db.ticketType.create({ data: { eventId: event.id, nameFr: "Entrée", nameEn: "Entry", priceCents: 0 } });
  await db.partner.create({ data: { eventId: event.id, name: "Banque du Rebond", tier: "PRINCIPAL" } });
  await db.event.update({ where: { id: event.id }, data: { reminderOffsets: ["1d"] } });
  await db.wallSettings.create({ data: { eventId: event.id, open: true } });
  expect(await missing(event.id)).toEqual([]);
});
