import { z } from "zod";
import { outbound, type Outbound } from "~/infra/outbound.server";
import { httpUrl, plainText, safeHtml } from "./sanitize.server";
import { SourceError, type IncomingPost, type PollResult } from "./post";

const status = z.object({
  id: z.string(),
  created_at: z.string(),
  url: z.string().nullable().optional(),
  uri: z.string().optional(),
  content: z.string(),
  reblog: z.unknown().nullable().optional(),
  account: z.object({
    acct: z.string(),
    username: z.string(),
    display_name: z.string().optional().default(""),
    avatar: z.string().optional(),
  }),
  media_attachments: z
    .array(
      z.object({
        type: z.string(),
        preview_url: z.string().nullable().optional(),
        description: z.string().nullable().optional(),
      }),
    )
    .default([]),
});

// Status ids are numbers written as text, too long for a double: compare by length, then text.
const newer = (a: string, b: string) => (a.length !== b.length ? a.length > b.length : a > b);

// X-RateLimit-Remaining at 0, or a 429: wait until X-RateLimit-Reset (an ISO time).
function rateLimitReset(headers: Headers) {
  const reset = Date.parse(headers.get("x-ratelimit-reset") ?? "");
  return Number.isNaN(reset) ? undefined : new Date(reset);
}

export function mastodonPost(raw: z.output<typeof status>): IncomingPost {
  return {
    origin: "mastodon",
    externalId: raw.uri ?? raw.id,
    authorName: raw.account.display_name || raw.account.username,
    authorHandle: `@${raw.account.acct}`,
    authorAvatar: httpUrl(raw.account.avatar),
    text: plainText(raw.content),
    html: safeHtml(raw.content),
    media: raw.media_attachments.flatMap((m) =>
      m.type === "image" && httpUrl(m.preview_url) ? [{ url: httpUrl(m.preview_url)!, alt: m.description ?? "" }] : [],
    ),
    link: httpUrl(raw.url),
    postedAt: new Date(raw.created_at),
  };
}

export const MASTODON_PAGE = 40;

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

// GET /api/v1/timelines/tag/:hashtag, newer than the last status seen (min_id); boosts are left
// out (the original comes on its own). No more statuses are taken than were asked for.
export async function pollMastodon(
  source: { baseUrl: string; hashtag: string; accessToken: string | null; cursor: string | null },
  request: Outbound = outbound,
): Promise<PollResult> {
  const url = new URL(`/api/v1/timelines/tag/${encodeURIComponent(source.hashtag.replace(/^#/, ""))}`, source.baseUrl);
  url.searchParams.set("limit", String(MASTODON_PAGE));
  if (source.cursor) url.searchParams.set("min_id", source.cursor);
  const response = await request(url, {
    headers: {
      Accept: "application/json",
      ...(source.accessToken ? { Authorization: `Bearer ${source.accessToken}` } : {}),
    },
  });
  if (response.status === 429)
    throw new SourceError("rate limited (429)", rateLimitReset(response.headers) ?? new Date(Date.now() + 5 * 60_000));
  if (response.status < 200 || response.status > 299)
    throw new SourceError(
      `HTTP ${response.status}${response.status === 401 ? ": this instance needs an access token" : ""}`,
    );
  const answer = parseJson(response.text);
  const parsed = z.array(status).safeParse(Array.isArray(answer) ? answer.slice(0, MASTODON_PAGE) : null);
  if (!parsed.success) throw new SourceError("unexpected answer (not a list of statuses)");
  const statuses = parsed.data;
  const cursor = statuses.reduce<string | null>(
    (max, s) => (max === null || newer(s.id, max) ? s.id : max),
    source.cursor,
  );
  const remaining = Number(response.headers.get("x-ratelimit-remaining") ?? "NaN");
  return {
    posts: statuses.filter((s) => !s.reblog).map(mastodonPost),
    cursor,
    ...(remaining === 0 ? { notBefore: rateLimitReset(response.headers) } : {}),
  };
}
