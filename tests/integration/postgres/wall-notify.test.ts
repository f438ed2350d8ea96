import { afterAll, expect, test } from "vitest";
import { connectDatabase } from "~/infra/db/client.server";
import { WallHub } from "~/wall/live.server";
import { admitPosts, moderatePost } from "~/wall/moderation.server";
import { freshDatabase } from "../../support/database";
import { createEvent, createOrganisation, createUser } from "../../support/factories";

// PostgreSQL only: two instances of the app, each with its own connections; a change committed
// through one reaches the screens of the other through LISTEN/NOTIFY.
const connection = await freshDatabase();
const other = connectDatabase(connection.target);
const hub = new WallHub(connection);
afterAll(async () => {
  await hub.close();
  await other.close();
});

const onsite = (externalId: string, text: string) => ({
  origin: "onsite" as const,
  externalId,
  authorName: "Nadia",
  authorHandle: "",
  authorAvatar: null,
  text,
  html: `<p>${text}</p>`,
  media: [],
  link: null,
  postedAt: new Date(),
});

async function until(check: () => boolean) {
  const deadline = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("the notification never came");
    await new Promise((r) => setTimeout(r, 10));
  }
}

test("an approval committed by another instance reaches this instance's screen", async () => {
  const db = connection.prisma;
  const organiser = await createUser(db);
  const event = await createEvent(db, (await createOrganisation(db)).id);
  await admitPosts(db, event.id, null, [onsite("1", "Bravo")]);
  const post = await db.wallPost.findFirstOrThrow({ where: { eventId: event.id } });
  let text = "";
  await hub.attach(event.id, 0, (chunk) => (text += new TextDecoder().decode(chunk)));
  await moderatePost(other.prisma, { eventId: event.id, postId: post.id, action: "approve", userId: organiser.id });
  await until(() => text.includes(post.id));
  expect(text).toMatch(/^id: \d+\nevent: post\ndata: \{.*"authorName":"Nadia"/m);
});

test("the listening connection is cut (database restarted, idle timeout): it comes back and what was committed meanwhile still arrives", async () => {
  const db = connection.prisma;
  const organiser = await createUser(db);
  const event = await createEvent(db, (await createOrganisation(db)).id);
  await admitPosts(db, event.id, null, [onsite("2", "Pendant la coupure")]);
  const post = await db.wallPost.findFirstOrThrow({ where: { eventId: event.id } });
  let text = "";
  await hub.attach(event.id, 0, (chunk) => (text += new TextDecoder().decode(chunk)));
  const cut = await db.$queryRaw<
    { cut: boolean }[]
  >`SELECT pg_terminate_backend(pid) AS cut FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'`;
  expect(cut).toEqual([{ cut: true }]);
  // Committed while no connection listens: its notification is lost, the change is not.
  await moderatePost(other.prisma, { eventId: event.id, postId: post.id, action: "approve", userId: organiser.id });
  await until(() => text.includes(post.id));
  expect(text.match(/^event: post$/gm)).toHaveLength(1);
});
