import { z } from "zod";
import { outbound, type Outbound } from "~/infra/outbound.server";
import { escapeHtml, httpUrl } from "./sanitize.server";
import { SourceError, type IncomingPost, type PollResult } from "./post";

const facet = z.object({
  index: z.object({ byteStart: z.number().int(), byteEnd: z.number().int() }),
  features: z.array(z.object({ $type: z.string(), uri: z.string().optional(), tag: z.string().optional() })),
});
const postView = z.object({
  uri: z.string(),
  author: z.object({ handle: z.string(), displayName: z.string().optional(), avatar: z.string().optional() }),
  record: z.object({ text: z.string(), createdAt: z.string(), facets: z.array(facet).optional() }),
  embed: z
    .object({
      $type: z.string(),
      images: z.array(z.object({ thumb: z.string(), alt: z.string().optional() })).optional(),
    })
    .optional(),
});
const searchAnswer = z.object({ posts: z.array(postView), cursor: z.string().optional() });
const sessionAnswer = z.object({ accessJwt: z.string(), refreshJwt: z.string() });

export type BlueskySession = { accessJwt: string; refreshJwt: string };

// The text with its links: facets point at UTF-8 byte ranges; a link facet becomes <a href>.
export function textWithLinks(text: string, facets: z.output<typeof facet>[] = []) {
  const bytes = Buffer.from(text, "utf8");
  const links = facets
    .flatMap((f) => {
      const uri = httpUrl(f.features.find((feature) => feature.$type === "app.bsky.richtext.facet#link")?.uri);
      return uri ? [{ start: f.index.byteStart, end: f.index.byteEnd, uri }] : [];
    })
    .filter((l) => l.start >= 0 && l.end <= bytes.length && l.start < l.end)
    .sort((a, b) => a.start - b.start);
  let html = "";
  let at = 0;
  for (const link of links) {
    if (link.start < at) continue;
    html += escapeHtml(bytes.subarray(at, link.start).toString("utf8"));
    html += `<a href="${escapeHtml(link.uri)}" rel="noopener noreferrer nofollow" target="_blank">${escapeHtml(bytes.subarray(link.start, link.end).toString("utf8"))}</a>`;
    at = link.end;
  }
  html += escapeHtml(bytes.subarray(at).toString("utf8"));
  return `<p>${html.replace(/\n/g, "<br />")}</p>`;
}

export function blueskyPost(raw: z.output<typeof postView>): IncomingPost {
  const rkey = raw.uri.split("/").at(-1) ?? "";
  return {
    origin: "bluesky",
    externalId: raw.uri,
    authorName: raw.author.displayName || raw.author.handle,
    authorHandle: `@${raw.author.handle}`,
    authorAvatar: httpUrl(raw.author.avatar),
    text: raw.record.text,
    html: textWithLinks(raw.record.text, raw.record.facets),
    media: (raw.embed?.images ?? []).flatMap((image) =>
      httpUrl(image.thumb) ? [{ url: httpUrl(image.thumb)!, alt: image.alt ?? "" }] : [],
    ),
    link: `https://bsky.app/profile/${encodeURIComponent(raw.author.handle)}/post/${encodeURIComponent(rkey)}`,
    postedAt: new Date(raw.record.createdAt),
  };
}

type BlueskySource = {
  baseUrl: string;
  hashtag: string;
  identifier: string | null;
  appPassword: string | null;
  accessJwt: string | null;
  refreshJwt: string | null;
};

function parseJson(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

async function xrpc(
  request: Outbound,
  baseUrl: string,
  method: string,
  init: { token?: string; body?: unknown; query?: Record<string, string> },
) {
  const url = new URL(`/xrpc/${method}`, baseUrl);
  for (const [key, value] of Object.entries(init.query ?? {})) url.searchParams.set(key, value);
  const response = await request(url, {
    method: init.body ? "POST" : "GET",
    headers: {
      Accept: "application/json",
      ...(init.body ? { "Content-Type": "application/json" } : {}),
      ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
    },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });
  const json = parseJson(response.text) as { error?: string; message?: string };
  const ok = response.status >= 200 && response.status <= 299;
  if (response.status === 429) {
    const reset = Number(response.headers.get("ratelimit-reset"));
    throw new SourceError(
      `${method}: rate limited (429)`,
      Number.isFinite(reset) && reset > 0 ? new Date(reset * 1000) : new Date(Date.now() + 5 * 60_000),
    );
  }
  return {
    ok,
    status: response.status,
    error: String(json.error ?? "").slice(0, 100),
    message: String(json.message ?? "").slice(0, 200),
    json,
  };
}

// Session creation is tightly rate-limited: it happens once, then the session is refreshed when
// its access token expires, and created again only if the refresh token is refused too.
async function session(
  request: Outbound,
  source: BlueskySource,
  current: BlueskySession | null,
): Promise<BlueskySession> {
  if (current) {
    const refreshed = await xrpc(request, source.baseUrl, "com.atproto.server.refreshSession", {
      token: current.refreshJwt,
      body: {},
    });
    if (refreshed.ok) return sessionAnswer.parse(refreshed.json);
  }
  if (!source.identifier || !source.appPassword) throw new SourceError("Bluesky needs an account and an app password");
  const created = await xrpc(request, source.baseUrl, "com.atproto.server.createSession", {
    body: { identifier: source.identifier, password: source.appPassword },
  });
  if (!created.ok)
    throw new SourceError(`could not sign in to Bluesky: ${created.error || created.status} ${created.message}`.trim());
  return sessionAnswer.parse(created.json);
}

const PAGE = 50;
const MAX_PAGES = 4;

// app.bsky.feed.searchPosts for the tag, newest first, since the newest post seen (kept as the
// source's cursor, `since` being inclusive: the post seen comes back and is stored once); a busy
// hashtag is followed through the answer's cursor, up to four pages a poll. Returns the session
// it used (maybe new).
export async function pollBluesky(
  source: BlueskySource & { cursor: string | null },
  request: Outbound = outbound,
): Promise<PollResult & { session: BlueskySession }> {
  const tag = source.hashtag.replace(/^#/, "");
  let current: BlueskySession | null =
    source.accessJwt && source.refreshJwt ? { accessJwt: source.accessJwt, refreshJwt: source.refreshJwt } : null;
  if (!current) current = await session(request, source, null);
  const search = (token: string, page: string | undefined) =>
    xrpc(request, source.baseUrl, "app.bsky.feed.searchPosts", {
      token,
      query: {
        q: `#${tag}`,
        tag,
        sort: "latest",
        limit: String(PAGE),
        ...(source.cursor ? { since: source.cursor } : {}),
        ...(page ? { cursor: page } : {}),
      },
    });
  const posts: IncomingPost[] = [];
  let page: string | undefined;
  for (let n = 0; n < MAX_PAGES; n++) {
    let answer = await search(current.accessJwt, page);
    if (!answer.ok && (answer.error === "ExpiredToken" || answer.error === "InvalidToken" || answer.status === 401)) {
      current = await session(request, source, current);
      answer = await search(current.accessJwt, page);
    }
    if (!answer.ok)
      throw new SourceError(`searchPosts: ${answer.error || `HTTP ${answer.status}`} ${answer.message}`.trim());
    const found = (answer.json as { posts?: unknown }).posts;
    const parsed = searchAnswer.safeParse({
      ...answer.json,
      posts: Array.isArray(found) ? found.slice(0, PAGE) : found,
    });
    if (!parsed.success) throw new SourceError("unexpected answer from searchPosts");
    posts.push(...parsed.data.posts.map(blueskyPost));
    page = parsed.data.cursor;
    if (!page || parsed.data.posts.length === 0) break;
  }
  const newest = posts.reduce<string | null>(
    (max, p) => (max === null || p.postedAt.toISOString() > max ? p.postedAt.toISOString() : max),
    source.cursor,
  );
  return { posts, cursor: newest, session: current };
}
