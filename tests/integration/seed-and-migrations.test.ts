import { expect, test } from "vitest";
import { seedDemoSeason } from "~/demo/seed.server";
import { demoUsers } from "~/demo/demo-users";
import { connectDatabase } from "~/infra/db/client.server";
import { diffMigrationsToSchema } from "~/infra/db/schema-engine.server";
import { freshDatabase } from "../support/database";

const { prisma: db } = await freshDatabase();

test("the demo season has the Paris, Lyon, Lille and online events and a person per role", async () => {
  const now = new Date("2026-11-22T10:00:00Z");
  await seedDemoSeason(db, now);
  const events = await db.event.findMany({
    select: { slug: true, status: true, hashtag: true, venueName: true, onlineUrl: true, startsAt: true },
  });
  const paris = events.find((e) => e.slug === "failcon-paris-2027");
  expect(paris).toMatchObject({ status: "PUBLISHED", hashtag: "#failconfr", venueName: "Bercy Village — Les Chais" });
  expect(paris!.startsAt.getTime()).toBeGreaterThan(now.getTime());
  expect(events.find((e) => e.slug.includes("lyon"))?.status).toBe("PUBLISHED");
  expect(events.find((e) => e.slug.includes("lille"))?.status).toBe("DRAFT");
  const bistrots = events.filter((e) => e.slug.startsWith("bistrot-du-rebond"));
  expect(bistrots).toHaveLength(5);
  expect(bistrots.every((e) => e.onlineUrl && !e.venueName)).toBe(true);
  expect(events.some((e) => e.status === "ARCHIVED" && e.startsAt < now)).toBe(true);
  expect(await db.user.count({ where: { email: { in: demoUsers.map((u) => u.email) } } })).toBe(demoUsers.length);
  const roles = await db.eventRole.findMany({ select: { role: true } });
  expect(new Set(roles.map((r) => r.role))).toEqual(new Set(["REVIEWER", "CHECK_IN", "PARTNER"]));
});

test("Failcon Paris has two rooms, a published first version of its agenda, and stories still to place", async () => {
  const paris = await db.event.findUniqueOrThrow({ where: { slug: "failcon-paris-2027" }, select: { id: true } });
  expect(await db.room.count({ where: { eventId: paris.id } })).toBe(2);
  const release = await db.schedule.findUniqueOrThrow({
    where: { eventId_number: { eventId: paris.id, number: 1 } },
    select: { _count: { select: { slots: true } } },
  });
  expect(release._count.slots).toBe(6);
  const waiting = await db.submission.count({
    where: { eventId: paris.id, state: { in: ["ACCEPTED", "CONFIRMED"] }, slots: { none: {} } },
  });
  expect(waiting).toBe(2);
});

test("seeding twice changes nothing", async () => {
  const before = await db.event.count();
  expect(await seedDemoSeason(db)).toBe("Demo season already present.");
  expect(await db.event.count()).toBe(before);
});

test("the migration history matches prisma/schema (no forgotten migration)", async () => {
  const shadow = connectDatabase({ kind: "pglite", dataDir: null });
  try {
    expect(await diffMigrationsToSchema(shadow.adapterFactory)).toMatch(/^(-- This is an empty migration\.)?\s*$/);
  } finally {
    await shadow.close();
  }
});
