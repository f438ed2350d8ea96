import { createHmac, randomUUID } from "node:crypto";
import { createCookie } from "react-router";
import { env } from "~/infra/env.server";
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

// A ban of an on-site writer names their device: a keyed hash of the random id its cookie holds.
export const onsiteDeviceKey = (deviceId: string, secret: string) =>
  createHmac("sha256", secret).update(`wall-device:${deviceId}`).digest("hex").slice(0, 32);

// The device's id, in a cookie of its own (signed, for the wall's forms only): read, or drawn the
// first time the phone writes, to be set with the answer.
function deviceCookie() {
  const { SESSION_SECRET, APP_URL } = env();
  return createCookie("rebond_appareil", {
    path: "/e",
    httpOnly: true,
    sameSite: "lax",
    secure: APP_URL.startsWith("https://"),
    secrets: [SESSION_SECRET],
    maxAge: 180 * 24 * 60 * 60,
  });
}

export async function wallDevice(request: Request) {
  const cookie = deviceCookie();
  const known = await cookie.parse(request.headers.get("Cookie"));
  const id = typeof known === "string" && known.length >= 16 ? known : randomUUID();
  return {
    deviceKey: onsiteDeviceKey(id, env().SESSION_SECRET),
    setCookie: id === known ? null : await cookie.serialize(id),
  };
}

// The photo (already checked and re-encoded by preparePhoto) is served at photoUrl(externalId).
export async function createOnsitePost(
  client: Db,
  input: {
    eventId: string;
    clientKey: string;
    deviceKey: string;
    form: z.output<typeof onsitePostSchema>;
    photo?: { bytes: Uint8Array<ArrayBuffer>; url: (externalId: string) => string };
  },
  now = new Date(),
) {
  const externalId = randomUUID();
  const html = `<p>${escapeHtml(input.form.text).replace(/\n/g, "<br />")}</p>`;
  const media = input.photo ? [{ url: input.photo.url(externalId), alt: "" }] : [];
  const since = new Date(now.getTime() - ONSITE_WINDOW_MS);
  // Three posts per phone; a room on one Wi-Fi shares its address, which gets ten phones' worth.
  const limits: Limit[] = [
    {
      key: `wall-device:${input.deviceKey}`,
      max: ONSITE_LIMIT,
      used: (tx) =>
        tx.wallPost.count({ where: { eventId: input.eventId, deviceKey: input.deviceKey, createdAt: { gt: since } } }),
    },
    {
      key: `wall-onsite:${input.clientKey}`,
      max: ONSITE_LIMIT * 10,
      used: (tx) => tx.wallPost.count({ where: { clientKey: input.clientKey, createdAt: { gt: since } } }),
    },
  ];
  const posted = await withinLimits(client, limits, async (tx) => {
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
        deviceKey: input.deviceKey,
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
