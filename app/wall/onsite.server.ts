import { createHmac, randomUUID } from "node:crypto";
import type { z } from "zod";
import type { Db } from "~/infra/db/client.server";
import { type Limit, withinLimits } from "~/infra/rate-limit.server";
import { admitPostsWithin } from "./moderation.server";
import { escapeHtml } from "./sanitize.server";
import type { onsitePostSchema } from "./wall-forms";

export const ONSITE_LIMIT = 3;
export const ONSITE_WINDOW_MS = 10 * 60_000;

// The rate limit counts by a keyed hash of the address: the address itself is not kept.
export const onsiteClientKey = (ip: string, secret: string) =>
  createHmac("sha256", secret).update(`wall:${ip}`).digest("base64url");

// The photo (already checked and re-encoded by preparePhoto) is served at photoUrl(externalId).
export async function createOnsitePost(
  client: Db,
  input: {
    eventId: string;
    clientKey: string;
    form: z.output<typeof onsitePostSchema>;
    photo?: { bytes: Uint8Array<ArrayBuffer>; url: (externalId: string) => string };
  },
  now = new Date(),
) {
  const externalId = randomUUID();
  const html = `<p>${escapeHtml(input.form.text).replace(/\n/g, "<br />")}</p>`;
  const media = input.photo ? [{ url: input.photo.url(externalId), alt: "" }] : [];
  const since = new Date(now.getTime() - ONSITE_WINDOW_MS);
  const limit: Limit = {
    key: `wall-onsite:${input.clientKey}`,
    max: ONSITE_LIMIT,
    used: (tx) => tx.wallPost.count({ where: { clientKey: input.clientKey, createdAt: { gt: since } } }),
  };
  const posted = await withinLimits(client, [limit], async (tx) => {
    await admitPostsWithin(tx, input.eventId, null, [
      {
        origin: "onsite",
        externalId,
        authorName: input.form.name,
        authorHandle: "",
        authorAvatar: null,
        text: input.form.text,
        html,
        media,
        link: null,
        postedAt: now,
        clientKey: input.clientKey,
        photo: input.photo?.bytes,
      },
    ]);
    return tx.wallPost.findUniqueOrThrow({
      where: { eventId_origin_externalId: { eventId: input.eventId, origin: "onsite", externalId } },
      select: { status: true },
    });
  });
  if (!posted.ok) return { ok: false as const, error: "wall.errors.tooMany" };
  return { ok: true as const, status: posted.value.status };
}
