import { afterAll, expect, test } from "vitest";
import { outboundClient } from "~/infra/outbound.server";
import { pollDueSources, pollSource } from "~/wall/ingestion.server";
import { admitPosts, banAuthor, banPostAuthor, moderatePost } from "~/wall/moderation.server";
import { createOnsitePost, onsiteClientKey, onsiteDeviceKey } from "~/wall/onsite.server";
import { wallSetup } from "~/wall/admin.server";
import { onsitePostSchema } from "~/wall/wall-forms";
import { freshDatabase } from "../support/database";
import { createEvent, createOrganisation, createUser } from "../support/factories";
import { blueskyPost, mastodonStatus, startBluesky, startMastodon } from "../fakes/social-servers";

const connection = await freshDatabase();
const db = connection.prisma;
const mastodon = await startMastodon();
const bluesky = await startBluesky();
afterAll(async () => {
  await mastodon.close();
  await bluesky.close();
});
const organisation = await createOrganisation(db);
const event = await createEvent(db, organisation.id, { hashtag: "#failconfr" });
const source = (kind: "MASTODON" | "BLUESKY", data: Record<string, string> = {}) =>
  db.wallSource.create({
    data: {
      eventId: event.id,
      kind,
      hashtag: "failconfr",
      baseUrl: kind === "MASTODON" ? mastodon.url : bluesky.url,
      ...data,
    },
  });
// The stand-ins listen on 127.0.0.1, which the product refuses unless allowed by name.
const outbound = outboundClient({ allowHosts: ["127.0.0.1"] });
const poll = async (id: string, now = new Date()) =>
  pollSource(db, await db.wallSource.findUniqueOrThrow({ where: { id } }), outbound, now);

test("Mastodon: new statuses are stored once each, newer ones fetched with min_id, boosts left out", async () => {
  const s = await source("MASTODON");
  mastodon.statuses.push(
    mastodonStatus(101, '<p>Quelle soirée <a href="https://failcon.example">#failconfr</a></p>'),
    mastodonStatus(102, "<p>Merci aux intervenants</p>"),
  );
  mastodon.statuses.push(mastodonStatus(103, "<p>boost</p>", { reblog: { id: "99" } }));
  expect(await poll(s.id)).toEqual({ ok: true, stored: 2 });
  mastodon.statuses.push(mastodonStatus(104, "<p>Encore un récit</p>"));
  expect(await poll(s.id)).toEqual({ ok: true, stored: 1 });
  expect(mastodon.requests.at(-1)!.searchParams.get("min_id")).toBe("103");
  expect(await poll(s.id)).toEqual({ ok: true, stored: 0 });
  const posts = await db.wallPost.findMany({ where: { sourceId: s.id }, orderBy: { postedAt: "asc" } });
  expect(posts.map((p) => p.text)).toEqual(["Quelle soirée #failconfr", "Merci aux intervenants", "Encore un récit"]);
  expect(posts[0]).toMatchObject({
    origin: "mastodon",
    authorName: "Léa Fontaine",
    authorHandle: "@lea@mastodon.example",
    status: "PENDING",
    link: "https://mastodon.example/@lea/101",
  });
});

test("Mastodon: scripts, event handlers and javascript: links arrive inert", async () => {
  const s = await source("MASTODON");
  mastodon.statuses.push(
    mastodonStatus(
      201,
      '<p>Bravo<script>alert(1)</script> <img src=x onerror="alert(2)"> <a href="javascript:alert(3)">clic</a> <a href="https://ok.example" onclick="alert(4)">lien</a></p>',
      {
        account: { acct: "x@evil.example", username: "x", display_name: "<b>X</b>", avatar: "javascript:alert(5)" },
        media_attachments: [{ type: "image", preview_url: "javascript:alert(6)", description: null }],
      },
    ),
  );
  await poll(s.id);
  const post = await db.wallPost.findFirstOrThrow({ where: { sourceId: s.id } });
  expect(post.html).not.toMatch(/script|onerror|onclick|javascript:|<img/i);
  expect(post.html).toContain(
    '<a href="https://ok.example" rel="noopener noreferrer nofollow" target="_blank">lien</a>',
  );
  expect(post.authorAvatar).toBeNull();
  expect(post.media).toEqual([]);
});

test("Mastodon: a 429 pushes the next poll to X-RateLimit-Reset and shows the error; the source recovers", async () => {
  const s = await source("MASTODON");
  mastodon.state.rateLimited = true;
  const now = new Date();
  const failed = await poll(s.id, now);
  expect(failed).toMatchObject({ ok: false, error: "rate limited (429)" });
  const after = await db.wallSource.findUniqueOrThrow({ where: { id: s.id } });
  expect(after.lastError).toBe("rate limited (429)");
  expect(after.nextPollAt.getTime()).toBeGreaterThan(now.getTime() + 50_000);
  mastodon.state.rateLimited = false;
  expect((await poll(s.id)).ok).toBe(true);
  expect((await db.wallSource.findUniqueOrThrow({ where: { id: s.id } })).lastError).toBeNull();
});

test("Mastodon: an instance that needs a token says so; with the token it answers", async () => {
  const locked = await startMastodon({ token: "secret-token" });
  try {
    const s = await db.wallSource.create({
      data: { eventId: event.id, kind: "MASTODON", hashtag: "failconfr", baseUrl: locked.url },
    });
    expect(await poll(s.id)).toMatchObject({ ok: false, error: "HTTP 401: this instance needs an access token" });
    await db.wallSource.update({ where: { id: s.id }, data: { accessToken: "secret-token" } });
    expect((await poll(s.id)).ok).toBe(true);
  } finally {
    await locked.close();
  }
});

test("Bluesky: one session for many polls, refreshed when it expires, links kept from facets", async () => {
  const s = await source("BLUESKY", { identifier: "rebond.bsky.social", appPassword: "app-pass-word" });
  const text = "Ça commence ! #failconfr https://failcon.example/live";
  const start = Buffer.byteLength("Ça commence ! #failconfr ", "utf8");
  bluesky.posts.push(
    blueskyPost("3k1", text, {
      facets: [
        {
          index: { byteStart: start, byteEnd: start + "https://failcon.example/live".length },
          features: [{ $type: "app.bsky.richtext.facet#link", uri: "https://failcon.example/live" }],
        },
      ],
    }),
  );
  bluesky.posts.push(
    blueskyPost("3k2", "<script>alert(1)</script> #failconfr", {
      facets: [
        {
          index: { byteStart: 0, byteEnd: 8 },
          features: [{ $type: "app.bsky.richtext.facet#link", uri: "javascript:alert(1)" }],
        },
      ],
    }),
  );
  expect(await poll(s.id)).toEqual({ ok: true, stored: 2 });
  expect(await poll(s.id)).toEqual({ ok: true, stored: 0 });
  expect(bluesky.calls.createSession).toBe(1);
  bluesky.expireAccessToken();
  bluesky.posts.push(blueskyPost("3k3", "Troisième #failconfr"));
  expect(await poll(s.id)).toEqual({ ok: true, stored: 1 });
  expect(bluesky.calls).toMatchObject({ createSession: 1, refreshSession: 1 });
  const posts = await db.wallPost.findMany({ where: { sourceId: s.id }, orderBy: { externalId: "asc" } });
  expect(posts[0]!.html).toBe(
    '<p>Ça commence ! #failconfr <a href="https://failcon.example/live" rel="noopener noreferrer nofollow" target="_blank">https://failcon.example/live</a></p>',
  );
  expect(posts[0]).toMatchObject({
    authorName: "Hugo Mercier",
    authorHandle: "@hugo.bsky.social",
    link: "https://bsky.app/profile/hugo.bsky.social/post/3k1",
  });
  expect(posts[1]!.html).toBe("<p>&lt;script&gt;alert(1)&lt;/script&gt; #failconfr</p>");
});

test("Bluesky: a busy hashtag is followed through the answer's cursor, then asked only since the newest post seen", async () => {
  const s = await source("BLUESKY", {
    identifier: "rebond.bsky.social",
    appPassword: "app-pass-word",
    hashtag: "rebondbusy",
  });
  const at = (i: number) => new Date(Date.UTC(2027, 2, 18, 19, 0, i)).toISOString();
  for (let i = 0; i < 120; i++)
    bluesky.posts.push(blueskyPost(`busy${i}`, `Message ${i} #rebondbusy`, { createdAt: at(i) }));
  expect(await poll(s.id)).toEqual({ ok: true, stored: 120 });
  const pages = bluesky.searches.filter((u) => u.searchParams.get("tag") === "rebondbusy");
  expect(pages.map((u) => u.searchParams.get("cursor"))).toEqual([null, "50", "100"]);
  expect((await db.wallSource.findUniqueOrThrow({ where: { id: s.id } })).cursor).toBe(at(119));
  bluesky.posts.push(blueskyPost("busy120", "Encore #rebondbusy", { createdAt: at(120) }));
  expect(await poll(s.id)).toEqual({ ok: true, stored: 1 });
  expect(bluesky.searches.at(-1)!.searchParams.get("since")).toBe(at(119));
  expect(await db.wallPost.count({ where: { sourceId: s.id } })).toBe(121);
});

test("Bluesky: wrong app password is shown on the source, and the other sources go on", async () => {
  const bad = await source("BLUESKY", { identifier: "rebond.bsky.social", appPassword: "wrong" });
  const good = await source("MASTODON");
  expect(await poll(bad.id)).toMatchObject({
    ok: false,
    error: "could not sign in to Bluesky: AuthenticationRequired Invalid identifier or password",
  });
  expect((await poll(good.id)).ok).toBe(true);
  expect((await db.wallSource.findUniqueOrThrow({ where: { id: bad.id } })).lastError).toContain("could not sign in");
});

test("due sources are polled by one process only: two pollers at once fetch each source once", async () => {
  await db.wallSource.updateMany({ data: { nextPollAt: new Date(Date.now() + 3_600_000) } });
  const s = await source("MASTODON");
  mastodon.statuses.push(mastodonStatus(301, "<p>En direct</p>"));
  const before = mastodon.requests.length;
  const stored = await Promise.all([pollDueSources(db, outbound), pollDueSources(db, outbound)]);
  expect(mastodon.requests.length - before).toBe(1);
  expect(stored.reduce((a, b) => a + b, 0)).toBe(1);
  expect((await db.wallSource.findUniqueOrThrow({ where: { id: s.id } })).nextPollAt.getTime()).toBeGreaterThan(
    Date.now() + 30_000,
  );
});

test("moderation: pre-moderation by default, blocked words and banned authors rejected on arrival, every action recorded", async () => {
  const other = await createEvent(db, organisation.id, { hashtag: "#moderation" });
  const organiser = await db.user.create({
    data: { email: `moderatrice.${Date.now()}@exemple.fr`, name: "Claire Dumas" },
  });
  const post = (id: string, text: string, authorHandle = "@lea@mastodon.example") => ({
    origin: "mastodon" as const,
    externalId: id,
    authorName: "Léa",
    authorHandle,
    authorAvatar: null,
    text,
    html: `<p>${text}</p>`,
    media: [],
    link: null,
    postedAt: new Date(),
  });
  expect(
    await admitPosts(db, other.id, null, [
      post("a", "Superbe soirée"),
      post("b", "Quel CONNARD ce jury"),
      post("c", "Une enculée de faillite"),
    ]),
  ).toBe(3);
  const status = async (id: string) =>
    (await db.wallPost.findFirstOrThrow({ where: { eventId: other.id, externalId: id } })).status;
  expect([await status("a"), await status("b"), await status("c")]).toEqual(["PENDING", "REJECTED", "PENDING"]);
  expect(await db.wallAction.findMany({ where: { eventId: other.id }, select: { action: true, note: true } })).toEqual([
    { action: "auto-reject", note: "blocked-word: connard" },
  ]);

  const a = await db.wallPost.findFirstOrThrow({ where: { eventId: other.id, externalId: "a" } });
  expect(await moderatePost(db, { eventId: other.id, postId: a.id, action: "pin", userId: organiser.id })).toEqual({
    ok: false,
    error: "errors.wall.badAction",
  });
  expect(await moderatePost(db, { eventId: other.id, postId: a.id, action: "approve", userId: organiser.id })).toEqual({
    ok: true,
  });
  expect(await moderatePost(db, { eventId: other.id, postId: a.id, action: "approve", userId: organiser.id })).toEqual({
    ok: false,
    error: "errors.wall.badAction",
  });
  expect(await moderatePost(db, { eventId: other.id, postId: a.id, action: "pin", userId: organiser.id })).toEqual({
    ok: true,
  });
  expect((await db.wallPost.findUniqueOrThrow({ where: { id: a.id } })).pinnedAt).not.toBeNull();

  expect(
    await banAuthor(db, { eventId: other.id, authorHandle: "@LEA@mastodon.example", userId: organiser.id }),
  ).toEqual({ removed: 2 });
  expect(await db.wallPost.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({
    status: "REJECTED",
    pinnedAt: null,
  });
  await admitPosts(db, other.id, null, [
    post("d", "Je reviens", "@lea@mastodon.example"),
    post("e", "Bonjour", "@hugo.bsky.social"),
  ]);
  expect([await status("d"), await status("e")]).toEqual(["REJECTED", "PENDING"]);
  const log = await db.wallAction.findMany({
    where: { eventId: other.id },
    orderBy: { createdAt: "asc" },
    select: { action: true, byUserId: true },
  });
  expect(log.map((l) => l.action).sort()).toEqual(["approve", "auto-reject", "auto-reject", "ban", "pin"]);
  expect(log.filter((l) => l.action !== "auto-reject").every((l) => l.byUserId === organiser.id)).toBe(true);

  await db.wallSettings.update({ where: { eventId: other.id }, data: { moderation: "POST" } });
  await admitPosts(db, other.id, null, [post("f", "En direct", "@nadia@mastodon.example")]);
  expect(await status("f")).toBe("APPROVED");
});

test("on-site posts: escaped, checked against blocked words, three per ten minutes per phone, the address never stored", async () => {
  const room = await createEvent(db, organisation.id, { hashtag: "#salle" });
  const key = onsiteClientKey("203.0.113.7", "s".repeat(32));
  expect(key).not.toContain("203.0.113.7");
  const now = new Date();
  const write = (text: string, at = now) =>
    createOnsitePost(
      db,
      {
        eventId: room.id,
        clientKey: key,
        deviceKey: "un-appareil",
        form: onsitePostSchema.parse({ name: "Malik", text }),
      },
      at,
    );
  expect(await write("<img src=x onerror=alert(1)> Merci !")).toEqual({ ok: true, status: "PENDING" });
  expect(await write("fuck ce jury")).toEqual({ ok: true, status: "REJECTED" });
  expect(await write("Troisième")).toEqual({ ok: true, status: "PENDING" });
  expect(await write("Quatrième")).toEqual({ ok: false, error: "wall.errors.tooMany" });
  const stored = await db.wallPost.findFirstOrThrow({ where: { eventId: room.id, text: { startsWith: "<img" } } });
  expect(stored.html).toBe("<p>&lt;img src=x onerror=alert(1)&gt; Merci !</p>");
  expect(onsitePostSchema.safeParse({ name: "Malik", text: "x".repeat(281) }).error?.issues[0]?.message).toBe(
    "wall.errors.tooLong",
  );
  expect(onsitePostSchema.safeParse({ name: " ", text: "ok" }).success).toBe(false);
});

test("an on-site writer is banned by their phone, not by the room's shared address: their posts leave, their next ones are refused, a neighbour's still come", async () => {
  const room = await createEvent(db, organisation.id, { hashtag: "#banparappareil" });
  const organiser = await createUser(db);
  const sharedWifi = onsiteClientKey("203.0.113.50", "s".repeat(32));
  const phone = (id: string) => onsiteDeviceKey(id, "s".repeat(32));
  const write = (device: string, name: string, text: string) =>
    createOnsitePost(db, {
      eventId: room.id,
      clientKey: sharedWifi,
      deviceKey: phone(device),
      form: onsitePostSchema.parse({ name, text }),
    });
  await write("troll", "Troll", "Premier message pénible");
  await write("voisine", "Léa", "Bravo aux intervenants");
  const trollPost = await db.wallPost.findFirstOrThrow({ where: { eventId: room.id, authorName: "Troll" } });
  expect(trollPost.deviceKey).toBe(phone("troll"));
  expect(trollPost.deviceKey).not.toContain("troll");

  expect(await banPostAuthor(db, { eventId: room.id, postId: trollPost.id, userId: organiser.id })).toEqual({
    ok: true,
    removed: 1,
  });
  // Another name from the same phone is refused on arrival; the neighbour on the same Wi-Fi is not.
  expect(await write("troll", "Autre nom", "Encore moi")).toEqual({ ok: true, status: "REJECTED" });
  expect(await write("voisine", "Léa", "Quelle soirée")).toEqual({ ok: true, status: "PENDING" });
  const setup = await wallSetup(db, room.id);
  expect(setup.bans.map((b) => b.deviceWriter)).toEqual(["Autre nom"]);
});
