import { expect, test } from "vitest";
import { action } from "~/routes/organiser/wall-setup";
import { eventBackOfficeAction, freshDatabaseForActions, signedInCookie } from "../support/actions";
import { createEvent, createOrganisation, createOrganiser } from "../support/factories";

// The wall setup page's action, reached through the event back office's middleware with a
// signed-in organiser's cookie: the wall's rules, its sources (add, remove, poll now) and its bans.
const db = await freshDatabaseForActions();
const organisation = await createOrganisation(db);
const organiser = await createOrganiser(db, organisation.id);
const cookie = await signedInCookie(db, organiser.id);

type Reply = { intent: string; error: string | null; done: string | null };
const post = async (eventSlug: string, fields: Record<string, string>) => {
  const { status, body } = await eventBackOfficeAction(action, { eventSlug, path: "/mur/reglages", cookie, fields });
  return { status, body: body as Reply };
};
const mastodon = {
  intent: "add-source",
  kind: "MASTODON",
  hashtag: "#rebondrennes",
  baseUrl: "https://mastodon.social/",
  intervalSeconds: "60",
};
const source = (eventId: string) =>
  db.wallSource.create({
    data: {
      eventId,
      kind: "MASTODON",
      hashtag: "rebondrennes",
      baseUrl: "https://mastodon.social",
      nextPollAt: new Date(Date.now() + 60 * 60 * 1000),
    },
  });

test("the wall's rules are saved: opened, moderated after the fact, blocked words lowered and each kept once", async () => {
  const event = await createEvent(db, organisation.id);
  expect(
    await post(event.slug, {
      intent: "settings",
      open: "on",
      moderation: "POST",
      blockedWords: "Arnaque\narnaque, casino",
    }),
  ).toEqual({ status: 200, body: { intent: "settings", error: null, done: "wall.setup.saved" } });
  const settings = await db.wallSettings.findUniqueOrThrow({ where: { eventId: event.id } });
  expect(settings).toMatchObject({ open: true, moderation: "POST", blockedWords: ["arnaque", "casino"] });
});

test("rules with a moderation mode the wall does not have are refused with its message and not saved", async () => {
  const event = await createEvent(db, organisation.id);
  const { status, body } = await post(event.slug, { intent: "settings", open: "on", moderation: "NONE" });
  expect(status).toBe(400);
  expect(body).toEqual({ intent: "settings", error: "wall.errors.moderation", done: null });
  const settings = await db.wallSettings.findUnique({ where: { eventId: event.id } });
  expect(settings?.open ?? false).toBe(false);
});

test("a Mastodon source is added with its hashtag without the sign and its address without the final slash, due at once", async () => {
  const event = await createEvent(db, organisation.id);
  expect(await post(event.slug, mastodon)).toEqual({
    status: 200,
    body: { intent: "add-source", error: null, done: "wall.setup.sourceAdded" },
  });
  const added = await db.wallSource.findFirstOrThrow({ where: { eventId: event.id } });
  expect(added).toMatchObject({ kind: "MASTODON", hashtag: "rebondrennes", baseUrl: "https://mastodon.social" });
  expect(added.nextPollAt.getTime()).toBeLessThanOrEqual(Date.now());
});

test("a source polled every five seconds, or a Bluesky source without its account, is refused with its message and not added", async () => {
  const event = await createEvent(db, organisation.id);
  expect(await post(event.slug, { ...mastodon, intervalSeconds: "5" })).toEqual({
    status: 400,
    body: { intent: "add-source", error: "wall.errors.interval", done: null },
  });
  const bluesky = await post(event.slug, { ...mastodon, kind: "BLUESKY", baseUrl: "https://bsky.social" });
  expect(bluesky.status).toBe(400);
  expect(bluesky.body.error).toBe("wall.errors.blueskyAccount");
  expect(await db.wallSource.count({ where: { eventId: event.id } })).toBe(0);
});

test("a source is polled now on demand, then removed; one of another event is neither, with a 404", async () => {
  const event = await createEvent(db, organisation.id);
  const other = await createEvent(db, organisation.id);
  const own = await source(event.id);
  const theirs = await source(other.id);
  expect(await post(event.slug, { intent: "poll-source", id: own.id })).toEqual({
    status: 200,
    body: { intent: "poll-source", error: null, done: "wall.setup.polling" },
  });
  const polled = await db.wallSource.findUniqueOrThrow({ where: { id: own.id } });
  expect(polled.nextPollAt.getTime()).toBeLessThanOrEqual(Date.now());

  for (const intent of ["poll-source", "remove-source"])
    expect(await post(event.slug, { intent, id: theirs.id })).toEqual({
      status: 404,
      body: { intent, error: "errors.notFound", done: null },
    });
  expect((await db.wallSource.findUniqueOrThrow({ where: { id: theirs.id } })).nextPollAt).toEqual(theirs.nextPollAt);

  expect(await post(event.slug, { intent: "remove-source", id: own.id })).toEqual({
    status: 200,
    body: { intent: "remove-source", error: null, done: "wall.setup.sourceRemoved" },
  });
  expect(await db.wallSource.count({ where: { eventId: event.id } })).toBe(0);
});

test("lifting a ban lets the author back and records who did it; a ban already lifted is a 404", async () => {
  const event = await createEvent(db, organisation.id);
  const ban = await db.wallBan.create({ data: { eventId: event.id, authorHandle: "@spam@mastodon.social" } });
  expect(await post(event.slug, { intent: "lift-ban", id: ban.id })).toEqual({
    status: 200,
    body: { intent: "lift-ban", error: null, done: "wall.setup.banLifted" },
  });
  expect(await db.wallBan.count({ where: { eventId: event.id } })).toBe(0);
  const actions = await db.wallAction.findMany({ where: { eventId: event.id } });
  expect(actions.map((a) => [a.action, a.byUserId, a.note])).toEqual([
    ["unban", organiser.id, "@spam@mastodon.social"],
  ]);
  expect((await post(event.slug, { intent: "lift-ban", id: ban.id })).status).toBe(404);
  expect(await db.wallAction.count({ where: { eventId: event.id } })).toBe(1);
});

test("a form without an intent or with an unknown one is refused with errors.badIntent and changes nothing", async () => {
  const event = await createEvent(db, organisation.id);
  const forms: Record<string, string>[] = [
    { ...mastodon, intent: "" },
    { ...mastodon, intent: "drop-wall" },
    { ...mastodon, intent: "constructor" },
  ];
  for (const fields of forms) {
    const { status, body } = await post(event.slug, fields);
    expect(status).toBe(400);
    expect(body.error).toBe("errors.badIntent");
  }
  const { intent: _intent, ...withoutIntent } = mastodon;
  expect((await post(event.slug, withoutIntent)).body.error).toBe("errors.badIntent");
  expect(await db.wallSource.count({ where: { eventId: event.id } })).toBe(0);
});
