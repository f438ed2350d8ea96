import { afterAll, expect, test } from "vitest";
import { wallSnapshot } from "~/wall/changes.server";
import { StreamSlots, WallHub } from "~/wall/live.server";
import { admitPosts, banAuthor, moderatePost, wallSettings } from "~/wall/moderation.server";
import type { IncomingPost } from "~/wall/post";
import { freshDatabase } from "../support/database";
import { createEvent, createOrganisation, createUser } from "../support/factories";

const connection = await freshDatabase();
const db = connection.prisma;
const hub = new WallHub(connection);
afterAll(() => hub.close());
const organisation = await createOrganisation(db);
const organiser = await createUser(db);

type Received = { id: number; event: string; data: { id: string; pinnedAt?: string | null } };

// A screen as the browser's EventSource sees it: the SSE text parsed into messages.
function screen() {
  const received: Received[] = [];
  let text = "";
  const write = (chunk: Uint8Array) => {
    text += new TextDecoder().decode(chunk);
    const blocks = text.split("\n\n");
    text = blocks.pop()!;
    for (const block of blocks) {
      const fields = Object.fromEntries(
        block
          .split("\n")
          .filter((l) => !l.startsWith(":"))
          .map((l) => [l.slice(0, l.indexOf(":")), l.slice(l.indexOf(":") + 2)]),
      );
      if (fields.id) received.push({ id: Number(fields.id), event: fields.event!, data: JSON.parse(fields.data!) });
    }
  };
  return { received, write };
}

async function until(check: () => boolean, what: string) {
  const deadline = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`never happened: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

let n = 0;
const incoming = (text: string, authorHandle = "@lea@mastodon.example"): IncomingPost => ({
  origin: "mastodon",
  externalId: String(++n),
  authorName: "Léa",
  authorHandle,
  authorAvatar: null,
  text,
  html: `<p>${text}</p>`,
  media: [],
  link: null,
  postedAt: new Date(),
});

async function pendingPost(eventId: string, text: string, handle?: string) {
  await admitPosts(db, eventId, null, [incoming(text, handle)]);
  return db.wallPost.findFirstOrThrow({ where: { eventId, text } });
}

const act = (eventId: string, postId: string, action: "approve" | "reject" | "pin" | "unpin" | "hide") =>
  moderatePost(db, { eventId, postId, action, userId: organiser.id });

test("an approved post reaches a connected screen, a pin is sent again, a hidden one is removed", async () => {
  const event = await createEvent(db, organisation.id);
  const s = screen();
  const leave = await hub.attach(event.id, 0, s.write);
  const post = await pendingPost(event.id, "Merci pour ce récit");
  await act(event.id, post.id, "approve");
  await until(() => s.received.length === 1, "approve shown");
  expect(s.received[0]).toMatchObject({ event: "post", data: { id: post.id, pinnedAt: null } });
  await act(event.id, post.id, "pin");
  await until(() => s.received.length === 2, "pin shown");
  expect(s.received[1]!.data.pinnedAt).toEqual(expect.any(String));
  await act(event.id, post.id, "hide");
  await until(() => s.received.length === 3, "hide shown");
  expect(s.received[2]).toMatchObject({ event: "remove", data: { id: post.id } });
  expect(s.received.map((m) => m.id)).toEqual([...s.received.map((m) => m.id)].sort((a, b) => a - b));
  leave();
  expect(hub.screenCount()).toBe(0);
});

test("post-moderation: a post shows as it arrives; a ban takes the author's posts off every screen", async () => {
  const event = await createEvent(db, organisation.id);
  await wallSettings(db, event.id);
  await db.wallSettings.update({ where: { eventId: event.id }, data: { moderation: "POST" } });
  const s = screen();
  await hub.attach(event.id, 0, s.write);
  await admitPosts(db, event.id, null, [
    incoming("Premier", "@spam@x.example"),
    incoming("Second", "@spam@x.example"),
    incoming("Autre", "@ok@x.example"),
  ]);
  await until(() => s.received.length === 3, "three shown");
  await banAuthor(db, { eventId: event.id, authorHandle: "@spam@x.example", userId: organiser.id });
  await until(() => s.received.length === 5, "two removed");
  expect(s.received.slice(3).map((m) => m.event)).toEqual(["remove", "remove"]);
});

test("a screen that reconnects with its Last-Event-ID gets what it missed, once, as things now stand", async () => {
  const event = await createEvent(db, organisation.id);
  const first = screen();
  const leave = await hub.attach(event.id, 0, first.write);
  const a = await pendingPost(event.id, "A");
  const b = await pendingPost(event.id, "B");
  const c = await pendingPost(event.id, "C");
  await act(event.id, a.id, "approve");
  await until(() => first.received.length === 1, "A shown");
  leave();
  const lastEventId = first.received[0]!.id;
  // While the screen is away: B approved then hidden, C approved, A pinned.
  await act(event.id, b.id, "approve");
  await act(event.id, b.id, "hide");
  await act(event.id, c.id, "approve");
  await act(event.id, a.id, "pin");
  const again = screen();
  await hub.attach(event.id, lastEventId, again.write);
  expect(again.received.map((m) => [m.event, m.data.id])).toEqual([
    ["remove", b.id],
    ["post", c.id],
    ["post", a.id],
  ]);
  expect(again.received.every((m) => m.id > lastEventId)).toBe(true);
  // The snapshot a page opens with matches: A pinned first, then C.
  const snapshot = await wallSnapshot(db, event.id);
  expect(snapshot.posts.map((p) => p.id)).toEqual([a.id, c.id]);
  expect(snapshot.after).toBe(again.received.at(-1)!.id);
});

test("screens joining while changes pour in miss none and see none twice", async () => {
  const event = await createEvent(db, organisation.id);
  const posts = [];
  for (let i = 0; i < 30; i++) posts.push(await pendingPost(event.id, `Post ${i}`));
  const screens = Array.from({ length: 6 }, () => screen());
  const approvals = (async () => {
    for (const post of posts) await act(event.id, post.id, "approve");
  })();
  await Promise.all(
    screens.map(async (s, i) => {
      await new Promise((r) => setTimeout(r, i * 15));
      await hub.attach(event.id, 0, s.write);
    }),
  );
  await approvals;
  for (const s of screens) {
    await until(() => s.received.length === 30, "every approval on every screen");
    expect(new Set(s.received.map((m) => m.data.id)).size).toBe(30);
    const ids = s.received.map((m) => m.id);
    expect(ids).toEqual([...ids].sort((x, y) => x - y));
  }
});

test("a Last-Event-ID from the future (another database, a forged header) does not silence a screen", async () => {
  const event = await createEvent(db, organisation.id);
  const post = await pendingPost(event.id, "Toujours là");
  const s = screen();
  await hub.attach(event.id, 1_000_000_000, s.write);
  await act(event.id, post.id, "approve");
  await until(() => s.received.length === 1, "approval shown");
  expect(s.received[0]!.data.id).toBe(post.id);
});

test("one client address holds a bounded number of live streams; a closed one frees its slot, once", () => {
  const slots = new StreamSlots(3);
  const held = [slots.take("203.0.113.9"), slots.take("203.0.113.9"), slots.take("203.0.113.9")];
  expect(held.every(Boolean)).toBe(true);
  expect(slots.take("203.0.113.9")).toBeNull();
  expect(slots.take("198.51.100.7")).not.toBeNull();
  held[0]!();
  held[0]!();
  expect(slots.take("203.0.113.9")).not.toBeNull();
  expect(slots.take("203.0.113.9")).toBeNull();
});
