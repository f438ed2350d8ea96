import { createHmac, randomUUID } from "node:crypto";
import { z } from "zod";
import type { Db } from "~/infra/db/client.server";
import { admitPosts } from "./moderation.server";
import { escapeHtml } from "./sanitize.server";

export const ONSITE_LIMIT = 3;
export const ONSITE_WINDOW_MS = 10 * 60_000;

// A post written in the room from the event page: a name and a short text, like a social post.
export const onsitePostSchema = z.object({
  name: z.string({ error: "errors.required" }).trim().min(1, { error: "errors.required" }).max(60, { error: "errors.tooLong" }),
  text: z.string({ error: "errors.required" }).trim().min(1, { error: "errors.required" }).max(280, { error: "wall.errors.tooLong" }),
});

// The rate limit counts by a keyed hash of the address: the address itself is not kept.
export const onsiteClientKey = (ip: string, secret: string) => createHmac("sha256", secret).update(`wall:${ip}`).digest("base64url");

export async function createOnsitePost(client: Db, input: { eventId: string; clientKey: string; form: z.output<typeof onsitePostSchema> }, now = new Date()) {
  const recent = await client.wallPost.count({ where: { clientKey: input.clientKey, createdAt: { gt: new Date(now.getTime() - ONSITE_WINDOW_MS) } } });
  if (recent >= ONSITE_LIMIT) return { ok: false as const, error: "wall.errors.tooMany" };
  const externalId = randomUUID();
  await admitPosts(client, input.eventId, null, [
    { origin: "onsite", externalId, authorName: input.form.name, authorHandle: "", authorAvatar: null, text: input.form.text, html: `<p>${escapeHtml(input.form.text).replace(/\n/g, "<br />")}</p>`, media: [], link: null, postedAt: now, clientKey: input.clientKey },
  ]);
  const { status } = await client.wallPost.findUniqueOrThrow({ where: { eventId_origin_externalId: { eventId: input.eventId, origin: "onsite", externalId } }, select: { status: true } });
  return { ok: true as const, status };
}
