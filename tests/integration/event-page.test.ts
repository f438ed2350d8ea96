import { afterAll, expect, test } from "vitest";
import { seedDemoSeason } from "~/demo/seed.server";
import { eventPage } from "~/events/event-page.server";
import { PrismaClient } from "~/generated/prisma/client";
import { freshDatabase } from "../support/database";

const connection = await freshDatabase();
await seedDemoSeason(connection.prisma);
// A second client on the same database that reports each SQL statement it sends.
const counted = new PrismaClient({ adapter: connection.adapterFactory, log: [{ emit: "event", level: "query" }] });
const statements: string[] = [];
counted.$on("query", (e) => statements.push(e.query));
afterAll(() => counted.$disconnect());

test("an anonymous visit of an event page reads the database in four statements, talks, partners and wall included", async () => {
  await counted.$connect();
  statements.length = 0;
  const page = await eventPage(counted, "failcon-paris-2027", undefined);
  expect(page!.talks.length).toBeGreaterThan(0);
  expect(page!.speakers.length).toBeGreaterThan(0);
  expect(page!.partners.length).toBeGreaterThan(0);
  expect(page!.wall!.posts.length).toBeGreaterThan(0);
  expect(statements).toHaveLength(4);
});

test("a draft is shown to its organisers only", async () => {
  const draft = await connection.prisma.event.findFirstOrThrow({
    where: { status: "DRAFT" },
    select: { slug: true, organisationId: true },
  });
  const member = await connection.prisma.membership.findFirstOrThrow({
    where: { organisationId: draft.organisationId },
    select: { userId: true },
  });
  expect(await eventPage(counted, draft.slug, undefined)).toBeNull();
  expect((await eventPage(counted, draft.slug, member.userId))!.event.slug).toBe(draft.slug);
  expect(await eventPage(counted, "nulle-part", undefined)).toBeNull();
});
