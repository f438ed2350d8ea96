import { expect, test } from "vitest";
import { PageCache, PUBLIC_CHANNEL } from "~/infra/page-cache.server";
import { freshDatabase } from "../support/database";
import { createEvent, createOrganisation, createUser } from "../support/factories";

const connection = await freshDatabase();
const db = connection.prisma;

// Tables no public page reads: what is in them is personal, or for organisers only. Any other
// table must announce its changes, so a table added later without a decision fails here.
const privateTables = [
  "Chapter",
  "StoryInvitation",
  "AssociationMember",
  "RoutingRule",
  "HelpRequest",
  "HelpRequestEvent",
  "HelpRequestReading",
  "PartnerProposal",
  "_prisma_migrations",
  "Membership",
  "EventRole",
  "Session",
  "LoginToken",
  "OutboxMessage",
  "SubmissionStateChange",
  "ScoreCategory",
  "ReviewAssignment",
  "Review",
  "ReviewScore",
  "DecisionMessage",
  "Answer",
  "SpeakerAvailability",
  "StarredTalk",
  "OrderStatusChange",
  "WaitingListEntry",
  "Contact",
  "ContactImport",
  "Campaign",
  "CampaignRecipient",
  "WallSource",
  "WallAction",
  "WallChange",
  "SeriesRegistration",
  "SeriesAttendance",
  "Survey",
  "SurveyQuestion",
  "SurveyInvitation",
  "SurveyResponse",
  "SurveyAnswer",
  "RateLimitHit",
];

const page = (text: string) => ({
  status: 200,
  headers: [["content-type", "text/html"]] as [string, string][],
  body: Buffer.from(text),
});

function announcements() {
  const payloads: string[] = [];
  const unlisten = connection.listen(
    PUBLIC_CHANNEL,
    (payload) => payloads.push(payload),
    () => {},
  );
  return { payloads, ready: unlisten, stop: async () => (await unlisten)() };
}

test("every table a public page may read announces its changes, and only those", async () => {
  const tables = await db.$queryRaw<
    { name: string }[]
  >`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`;
  const watched = await db.$queryRaw<
    { name: string }[]
  >`SELECT DISTINCT c.relname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname = 'public_changed'`;
  const expected = tables.map((t) => t.name).filter((name) => !privateTables.includes(name));
  expect(watched.map((t) => t.name).sort()).toEqual(expected.sort());
  expect(expected).toEqual(
    expect.arrayContaining([
      "Event",
      "Schedule",
      "TalkSlot",
      "Partner",
      "Order",
      "OrderPosition",
      "WallPost",
      "Series",
    ]),
  );
});

test("publishing an event is announced once its transaction commits; a login, or an update that touches no row, is not", async () => {
  const listener = announcements();
  await listener.ready;
  const organisation = await createOrganisation(db);
  const event = await createEvent(db, organisation.id, { status: "DRAFT" });
  await expect.poll(() => listener.payloads.includes("Event")).toBe(true);
  listener.payloads.length = 0;

  await db.$transaction(async (tx) => {
    await tx.event.update({ where: { id: event.id }, data: { status: "PUBLISHED" } });
    await new Promise((r) => setTimeout(r, 50));
    expect(listener.payloads).toEqual([]);
  });
  await expect.poll(() => listener.payloads).toEqual(["Event"]);

  listener.payloads.length = 0;
  const user = await createUser(db);
  await expect.poll(() => listener.payloads.includes("User")).toBe(true);
  listener.payloads.length = 0;
  await db.session.create({
    data: { id: `s-${Date.now()}`, userId: user.id, expiresAt: new Date(Date.now() + 60_000) },
  });
  await db.loginToken.deleteMany({});
  await db.event.updateMany({ where: { slug: "aucun-evenement" }, data: { status: "ARCHIVED" } });
  await new Promise((r) => setTimeout(r, 100));
  expect(listener.payloads).toEqual([]);
  await listener.stop();
});

test("a failed transaction announces nothing", async () => {
  const listener = announcements();
  await listener.ready;
  const organisation = await createOrganisation(db);
  await new Promise((r) => setTimeout(r, 50));
  listener.payloads.length = 0;
  await expect(
    db.$transaction(async (tx) => {
      await tx.event.create({
        data: {
          organisationId: organisation.id,
          slug: `rate-${Date.now()}`,
          titleFr: "Raté",
          titleEn: "Failed",
          startsAt: new Date(),
          endsAt: new Date(),
        },
      });
      throw new Error("stop");
    }),
  ).rejects.toThrow("stop");
  await new Promise((r) => setTimeout(r, 100));
  expect(listener.payloads).toEqual([]);
  await listener.stop();
});

test("a kept page is served until a change is announced, then rendered again", async () => {
  const cache = new PageCache();
  cache.setListening(true);
  let renders = 0;
  const render = async () => page(`version ${++renders}`);
  expect((await cache.getOrRender("fr /e/x", render)).page!.body.toString()).toBe("version 1");
  expect((await cache.getOrRender("fr /e/x", render)).page!.body.toString()).toBe("version 1");
  expect((await cache.getOrRender("en /e/x", render)).page!.body.toString()).toBe("version 2");
  cache.invalidate();
  expect((await cache.getOrRender("fr /e/x", render)).page!.body.toString()).toBe("version 3");
});

test("visitors arriving during a render share it instead of rendering again", async () => {
  const cache = new PageCache();
  cache.setListening(true);
  let renders = 0;
  const render = async () => {
    renders++;
    await new Promise((r) => setTimeout(r, 20));
    return page("the page");
  };
  const results = await Promise.all(Array.from({ length: 50 }, () => cache.getOrRender("fr /", render)));
  expect(renders).toBe(1);
  expect(results.every((r) => r.page!.body.toString() === "the page")).toBe(true);
});

test("a render that began before a change is handed to its visitor but not kept", async () => {
  const cache = new PageCache();
  cache.setListening(true);
  let renders = 0;
  const first = cache.getOrRender("fr /e/x", async () => {
    renders++;
    await new Promise((r) => setTimeout(r, 20));
    return page("before the change");
  });
  await new Promise((r) => setTimeout(r, 5));
  cache.invalidate();
  expect((await first).page!.body.toString()).toBe("before the change");
  expect(
    (await cache.getOrRender("fr /e/x", async () => (renders++, page("after the change")))).page!.body.toString(),
  ).toBe("after the change");
  expect(renders).toBe(2);
});

test("nothing is kept while the instance cannot hear the database, nor pages that must not be kept", async () => {
  const cache = new PageCache();
  let renders = 0;
  const render = async () => page(`version ${++renders}`);
  await cache.getOrRender("fr /", render);
  await cache.getOrRender("fr /", render);
  expect(renders).toBe(2);
  cache.setListening(true);
  expect((await cache.getOrRender("fr /commande/x", async () => null)).page).toBeNull();
  expect(cache.size).toBe(0);
});

test("pages age out, and the least recently used go first when the cache is full", async () => {
  let now = 0;
  const cache = new PageCache({ maxEntries: 2, maxAgeMs: 1000 }, () => now);
  cache.setListening(true);
  await cache.getOrRender("a", async () => page("a"));
  await cache.getOrRender("b", async () => page("b"));
  cache.get("a");
  await cache.getOrRender("c", async () => page("c"));
  expect([cache.get("a"), cache.get("b"), cache.get("c")].map((p) => p?.body.toString())).toEqual([
    "a",
    undefined,
    "c",
  ]);
  now = 1001;
  expect(cache.get("a")).toBeUndefined();
});

test("only pages that are the same for every anonymous visitor declare themselves public", async () => {
  const { readdirSync, readFileSync } = await import("node:fs");
  const files = readdirSync("app/routes", { recursive: true, encoding: "utf8" }).filter((file) => /\.tsx?$/.test(file));
  const declared = files.filter((file) =>
    readFileSync(`app/routes/${file}`, "utf8").includes("export const headers = publicPageHeaders;"),
  );
  expect(declared.sort()).toEqual(
    [
      "public/home.tsx",
      "public/organisation.tsx",
      "public/event.tsx",
      "public/call.tsx",
      "public/agenda.tsx",
      "public/talk.tsx",
      "public/speakers.tsx",
      "public/tickets.tsx",
      "public/wall.tsx",
      "public/wall-screen.tsx",
      "series/series.tsx",
      "library/library.tsx",
      "boards/public-board.tsx",
    ].sort(),
  );
});

test("remembered data is kept until a change is announced, and not at all while the instance cannot hear", async () => {
  const cache = new PageCache();
  let reads = 0;
  const read = async () => ++reads;
  expect([await cache.remember("sale e1", read), await cache.remember("sale e1", read)]).toEqual([1, 2]);
  cache.setListening(true);
  expect([await cache.remember("sale e1", read), await cache.remember("sale e1", read)]).toEqual([3, 3]);
  cache.invalidate();
  expect(await cache.remember("sale e1", read)).toBe(4);
  await expect(cache.remember("sale e2", async () => Promise.reject(new Error("database away")))).rejects.toThrow(
    "database away",
  );
  expect(await cache.remember("sale e2", read)).toBe(5);
});

test("remembered data is bounded too: the oldest keys go first", async () => {
  const cache = new PageCache({ maxEntries: 2 });
  cache.setListening(true);
  let reads = 0;
  const read = async () => ++reads;
  for (const key of ["a", "b", "c"]) await cache.remember(key, read);
  expect([await cache.remember("c", read), await cache.remember("b", read), await cache.remember("a", read)]).toEqual([
    3, 2, 4,
  ]);
});
