import { z } from "zod";

const hashtag = z
  .string({ error: "errors.required" })
  .trim()
  .transform((tag) => tag.replace(/^#/, ""))
  .pipe(z.string().regex(/^[\p{L}\p{N}_]{1,100}$/u, { error: "errors.hashtag" }));

const httpsUrl = z
  .string({ error: "errors.required" })
  .trim()
  .pipe(z.url({ protocol: /^https?$/, error: "wall.errors.baseUrl" }))
  .transform((url) => url.replace(/\/+$/, ""));

const optional = z
  .string()
  .trim()
  .optional()
  .transform((value) => value || null);

const interval = z.coerce
  .number({ error: "wall.errors.interval" })
  .int({ error: "wall.errors.interval" })
  .min(15, { error: "wall.errors.interval" })
  .max(3600, { error: "wall.errors.interval" });

// A place the wall reads from: a Mastodon instance (a token only where its timelines need one)
// or Bluesky (which always needs an account and an app password).
export const sourceSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({
      kind: z.literal("MASTODON"),
      hashtag,
      baseUrl: httpsUrl,
      accessToken: optional,
      intervalSeconds: interval,
    }),
    z.object({
      kind: z.literal("BLUESKY"),
      hashtag,
      baseUrl: httpsUrl,
      identifier: z
        .string({ error: "wall.errors.blueskyAccount" })
        .trim()
        .min(1, { error: "wall.errors.blueskyAccount" }),
      appPassword: z
        .string({ error: "wall.errors.blueskyAccount" })
        .trim()
        .min(1, { error: "wall.errors.blueskyAccount" }),
      intervalSeconds: interval,
    }),
  ],
  { error: "wall.errors.kind" },
);

// How the wall is run: open or not, moderated before or after, and the blocked words (one per line).
export const wallSettingsSchema = z.object({
  open: z.literal("on", { error: "wall.errors.settings" }).optional().transform(Boolean),
  moderation: z.enum(["PRE", "POST"], { error: "wall.errors.moderation" }),
  blockedWords: z
    .string({ error: "wall.errors.settings" })
    .max(20_000, { error: "errors.tooLong" })
    .default("")
    .transform((text) => [
      ...new Set(
        text
          .split(/\r?\n|,/)
          .map((w) => w.trim().toLowerCase())
          .filter(Boolean),
      ),
    ]),
});

export const moderationActions = ["approve", "reject", "pin", "unpin", "hide"] as const;
export type ModerationAction = (typeof moderationActions)[number];

export const moderationSchema = z.object({
  postId: z.string({ error: "errors.wall.badAction" }).min(1, { error: "errors.wall.badAction" }),
  action: z.enum([...moderationActions, "ban"], { error: "errors.wall.badAction" }),
});

export const queueTabs = ["pending", "approved", "rejected"] as const;
export type QueueTab = (typeof queueTabs)[number];

// A post written in the room from the event page: a name and a short text, like a social post.
export const onsitePostSchema = z.object({
  name: z
    .string({ error: "errors.required" })
    .trim()
    .min(1, { error: "errors.required" })
    .max(60, { error: "errors.tooLong" }),
  text: z
    .string({ error: "errors.required" })
    .trim()
    .min(1, { error: "errors.required" })
    .max(280, { error: "wall.errors.tooLong" }),
  // Honeypot: people leave it empty, bots fill it.
  website: z.string().max(0, "errors.bot").optional(),
});
