import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, expect, test } from "vitest";
import { outboundClient } from "~/infra/outbound.server";
import { saveWallSettings } from "~/wall/admin.server";
import { pictureSrc } from "~/wall/post";
import { wallPicture } from "~/wall/pictures.server";
import { freshDatabase } from "../support/database";
import { createEvent, createOrganisation } from "../support/factories";

const { prisma: db } = await freshDatabase();
const organisation = await createOrganisation(db);

// A stand-in for a Mastodon server's media host: a PNG, a page that is not a picture, and a count
// of what it was asked.
const png = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
const asked: string[] = [];
const host = http.createServer((req, res) => {
  asked.push(req.url ?? "");
  if (req.url?.startsWith("/avatar.png")) res.writeHead(200, { "Content-Type": "image/png" }).end(png);
  else res.writeHead(200, { "Content-Type": "text/html" }).end("<script>alert(1)</script>");
});
await new Promise<void>((resolve) => host.listen(0, "127.0.0.1", resolve));
afterAll(() => new Promise((resolve) => host.close(resolve)));
const base = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
const request = outboundClient({ allowHosts: [new URL(base).host] });

async function post(status: "APPROVED" | "PENDING", externalId: string, avatar = "/avatar.png") {
  const event = await createEvent(db, organisation.id, { status: "PUBLISHED" });
  await saveWallSettings(db, event.id, { open: true, moderation: "PRE", blockedWords: [] });
  return db.wallPost.create({
    data: {
      eventId: event.id,
      origin: "mastodon",
      externalId,
      authorName: "Léa",
      authorHandle: "@lea@mastodon.example",
      authorAvatar: `${base}${avatar}`,
      text: "Bravo",
      html: "<p>Bravo</p>",
      media: [{ url: `${base}/page.html`, alt: "" }],
      postedAt: new Date(),
      status,
    },
  });
}

test("a post's picture from another server is fetched once by the app, kept, and served for an approved post only", async () => {
  const shown = await post("APPROVED", "1");
  expect(pictureSrc(shown, shown.authorAvatar!, "avatar")).toBe(`/mur/image/${shown.id}/avatar`);
  expect(pictureSrc(shown, "/e/x/mur/photo/abc", 0)).toBe("/e/x/mur/photo/abc");

  const first = await wallPicture(db, { postId: shown.id, picture: "avatar", userId: undefined }, request);
  expect(first?.page.headers).toEqual([["Content-Type", "image/png"]]);
  expect(first?.page.body.equals(png)).toBe(true);
  expect(first?.shared).toBe(true);
  await wallPicture(db, { postId: shown.id, picture: "avatar", userId: undefined }, request);
  expect(asked.filter((url) => url === "/avatar.png")).toHaveLength(1);

  // What is not a picture, a position the post has not, or a post still waiting: nothing.
  expect(await wallPicture(db, { postId: shown.id, picture: "0", userId: undefined }, request)).toBeNull();
  expect(await wallPicture(db, { postId: shown.id, picture: "1", userId: undefined }, request)).toBeNull();
  expect(await wallPicture(db, { postId: shown.id, picture: "../avatar", userId: undefined }, request)).toBeNull();
  const waiting = await post("PENDING", "2");
  expect(await wallPicture(db, { postId: waiting.id, picture: "avatar", userId: undefined }, request)).toBeNull();
  expect(await wallPicture(db, { postId: "unknown", picture: "avatar", userId: undefined }, request)).toBeNull();
});

test("a picture on a private or local address is not fetched unless the environment allows it", async () => {
  const shown = await post("APPROVED", "3", "/avatar.png?autre");
  expect(
    await wallPicture(db, { postId: shown.id, picture: "avatar", userId: undefined }, outboundClient()),
  ).toBeNull();
  expect(asked).not.toContain("/avatar.png?autre");
});
