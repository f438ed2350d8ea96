import { expect, test } from "vitest";
import { addSource, liftBan, moderationQueue, removeSource, saveWallSettings, wallSetup } from "~/wall/admin.server";
import { admitPosts, banAuthor } from "~/wall/moderation.server";
import { sourceSchema, wallSettingsSchema } from "~/wall/wall-forms";
import { freshDatabase } from "../support/database";
import { createEvent, createOrganisation, createUser } from "../support/factories";

const connection = await freshDatabase();
const db = connection.prisma;
const organisation = await createOrganisation(db);
const organiser = await createUser(db, { name: "Karim Benali" });

const firstError = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues[0]?.message;

test("source form: hashtag without #, address without trailing slash, Bluesky needs an account, errors a person can act on", () => {
  expect(
    sourceSchema.parse({
      kind: "MASTODON",
      hashtag: " #failconfr ",
      baseUrl: "https://piaille.fr/",
      intervalSeconds: "60",
    }),
  ).toEqual({
    kind: "MASTODON",
    hashtag: "failconfr",
    baseUrl: "https://piaille.fr",
    accessToken: null,
    intervalSeconds: 60,
  });
  expect(
    firstError(
      sourceSchema.safeParse({
        kind: "MASTODON",
        hashtag: "fail con",
        baseUrl: "https://piaille.fr",
        intervalSeconds: "60",
      }),
    ),
  ).toBe("errors.hashtag");
  expect(
    firstError(
      sourceSchema.safeParse({
        kind: "MASTODON",
        hashtag: "failconfr",
        baseUrl: "ftp://piaille.fr",
        intervalSeconds: "60",
      }),
    ),
  ).toBe("wall.errors.baseUrl");
  expect(
    firstError(
      sourceSchema.safeParse({
        kind: "MASTODON",
        hashtag: "failconfr",
        baseUrl: "https://piaille.fr",
        intervalSeconds: "5",
      }),
    ),
  ).toBe("wall.errors.interval");
  expect(
    firstError(
      sourceSchema.safeParse({
        kind: "BLUESKY",
        hashtag: "failconfr",
        baseUrl: "https://bsky.social",
        identifier: "rebond.bsky.social",
        intervalSeconds: "60",
      }),
    ),
  ).toBe("wall.errors.blueskyAccount");
  expect(firstError(sourceSchema.safeParse({ kind: "X", hashtag: "failconfr" }))).toBe("wall.errors.kind");
});

test("settings form: blocked words one per line or comma, lower-cased, once each; a forged field gets a sentence", () => {
  expect(
    wallSettingsSchema.parse({
      open: "on",
      moderation: "POST",
      blockedWords: "Arnaque\r\nspam, SPAM\n\n  crypto giveaway ",
    }),
  ).toEqual({ open: true, moderation: "POST", blockedWords: ["arnaque", "spam", "crypto giveaway"] });
  expect(wallSettingsSchema.parse({ moderation: "PRE" })).toEqual({ open: false, moderation: "PRE", blockedWords: [] });
  expect(firstError(wallSettingsSchema.safeParse({ open: "yes", moderation: "PRE" }))).toBe("wall.errors.settings");
  expect(firstError(wallSettingsSchema.safeParse({ moderation: "LATER" }))).toBe("wall.errors.moderation");
});

test("edited blocked words apply to the next posts; sources and bans are touched only through their own event", async () => {
  const event = await createEvent(db, organisation.id);
  const other = await createEvent(db, organisation.id);
  await saveWallSettings(db, event.id, { open: true, moderation: "PRE", blockedWords: ["arnaque"] });
  const post = (id: string, text: string, handle = "@x@social.example") => ({
    origin: "mastodon" as const,
    externalId: id,
    authorName: "X",
    authorHandle: handle,
    authorAvatar: null,
    text,
    html: `<p>${text}</p>`,
    media: [],
    link: null,
    postedAt: new Date(),
  });
  await admitPosts(db, event.id, null, [post("1", "Une Arnaque !"), post("2", "Bravo")]);
  const queue = await moderationQueue(db, event.id, "pending");
  expect(queue.counts).toEqual({ pending: 1, approved: 0, rejected: 1 });
  expect(queue.actions.map((a) => [a.action, a.note, a.by])).toEqual([["auto-reject", "blocked-word: arnaque", null]]);

  await addSource(db, other.id, {
    kind: "MASTODON",
    hashtag: "autre",
    baseUrl: "https://piaille.fr",
    accessToken: null,
    intervalSeconds: 60,
  });
  const [foreign] = (await wallSetup(db, other.id)).sources;
  expect(await removeSource(db, event.id, foreign!.id)).toBe(false);
  expect(await db.wallSource.count({ where: { id: foreign!.id } })).toBe(1);
  expect(await removeSource(db, other.id, foreign!.id)).toBe(true);

  await banAuthor(db, { eventId: event.id, authorHandle: "@Troll@evil.example", userId: organiser.id });
  const [ban] = (await wallSetup(db, event.id)).bans;
  expect(ban!.authorHandle).toBe("@troll@evil.example");
  expect(await liftBan(db, other.id, ban!.id, organiser.id)).toBe(false);
  expect(await liftBan(db, event.id, ban!.id, organiser.id)).toBe(true);
  await admitPosts(db, event.id, null, [post("3", "Je reviens", "@troll@evil.example")]);
  const after = await moderationQueue(db, event.id, "pending");
  expect(after.posts.map((p) => p.html)).toContain("<p>Je reviens</p>");
  expect(after.actions.slice(0, 2).map((a) => [a.action, a.by])).toEqual([
    ["unban", "Karim Benali"],
    ["ban", "Karim Benali"],
  ]);
});
