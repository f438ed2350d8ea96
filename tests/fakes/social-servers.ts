import { createServer, type IncomingMessage, type ServerResponse } from "node:http";

// Local stand-ins for a Mastodon instance and for Bluesky, answering with the documented JSON
// shapes (Mastodon's Status list and X-RateLimit-* headers; Bluesky's XRPC sessions and
// app.bsky.feed.searchPosts). Tests add posts and switch on failures.

async function listen(
  handler: (req: IncomingMessage, res: ServerResponse, url: URL) => void | Promise<void>,
  port = 0,
) {
  const server = createServer((req, res) => void handler(req, res, new URL(req.url ?? "/", "http://127.0.0.1")));
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", ...headers });
  res.end(JSON.stringify(body));
}

export type MastodonStatus = {
  id: string;
  created_at: string;
  url: string;
  uri: string;
  content: string;
  reblog: null | object;
  account: { acct: string; username: string; display_name: string; avatar: string };
  media_attachments: { type: string; preview_url: string; description: string | null }[];
};

export function mastodonStatus(id: number, content: string, overrides: Partial<MastodonStatus> = {}): MastodonStatus {
  return {
    id: String(id),
    created_at: new Date(Date.UTC(2027, 2, 18, 18, 0, id % 60)).toISOString(),
    url: `https://mastodon.example/@lea/${id}`,
    uri: `https://mastodon.example/users/lea/statuses/${id}`,
    content,
    reblog: null,
    account: {
      acct: "lea@mastodon.example",
      username: "lea",
      display_name: "Léa Fontaine",
      avatar: "https://mastodon.example/avatars/lea.png",
    },
    media_attachments: [],
    ...overrides,
  };
}

export async function startMastodon(options: { token?: string; port?: number } = {}) {
  const statuses: MastodonStatus[] = [];
  const requests: URL[] = [];
  const state = { rateLimited: false, remaining: 300 };
  const server = await listen((req, res, url) => {
    requests.push(url);
    const match = /^\/api\/v1\/timelines\/tag\/([^/]+)$/.exec(url.pathname);
    if (!match) return json(res, 404, { error: "Record not found" });
    if (options.token && req.headers.authorization !== `Bearer ${options.token}`)
      return json(res, 401, { error: "This method requires an authenticated user" });
    const reset = new Date(Date.now() + 60_000).toISOString();
    if (state.rateLimited)
      return json(
        res,
        429,
        { error: "Too many requests" },
        { "X-RateLimit-Limit": "300", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": reset },
      );
    const limit = Math.min(Number(url.searchParams.get("limit") ?? 20), 40);
    const minId = url.searchParams.get("min_id");
    const byId = (a: MastodonStatus, b: MastodonStatus) => Number(a.id) - Number(b.id);
    // min_id: the statuses immediately newer than it (the oldest first taken), answered newest first.
    const newer = statuses.filter((s) => !minId || Number(s.id) > Number(minId)).sort(byId);
    const page = (minId ? newer.slice(0, limit) : newer.slice(-limit)).reverse();
    json(res, 200, page, {
      "X-RateLimit-Limit": "300",
      "X-RateLimit-Remaining": String(state.remaining),
      "X-RateLimit-Reset": reset,
    });
  }, options.port);
  return { ...server, statuses, requests, state };
}

export type BlueskyPost = {
  uri: string;
  cid: string;
  author: { did: string; handle: string; displayName: string; avatar: string };
  record: { $type: "app.bsky.feed.post"; text: string; createdAt: string; facets?: unknown[] };
  embed?: unknown;
  indexedAt: string;
};

export function blueskyPost(
  rkey: string,
  text: string,
  overrides: Partial<BlueskyPost["record"]> & { embed?: unknown } = {},
): BlueskyPost {
  const { embed, ...record } = overrides;
  return {
    uri: `at://did:plc:hugo/app.bsky.feed.post/${rkey}`,
    cid: `bafy${rkey}`,
    author: {
      did: "did:plc:hugo",
      handle: "hugo.bsky.social",
      displayName: "Hugo Mercier",
      avatar: "https://cdn.bsky.example/avatar/hugo.jpg",
    },
    record: { $type: "app.bsky.feed.post", text, createdAt: "2027-03-18T18:05:00.000Z", ...record },
    ...(embed ? { embed } : {}),
    indexedAt: "2027-03-18T18:05:01.000Z",
  };
}

export async function startBluesky(
  account = { identifier: "rebond.bsky.social", password: "app-pass-word" },
  port = 0,
) {
  const posts: BlueskyPost[] = [];
  const calls = { createSession: 0, refreshSession: 0, searchPosts: 0 };
  const searches: URL[] = [];
  let generation = 0;
  const tokens = { access: "", refresh: "" };
  const issue = () => {
    generation += 1;
    tokens.access = `access-${generation}`;
    tokens.refresh = `refresh-${generation}`;
    return {
      did: "did:plc:rebond",
      handle: account.identifier,
      accessJwt: tokens.access,
      refreshJwt: tokens.refresh,
      active: true,
    };
  };
  const body = async (req: IncomingMessage) => {
    let text = "";
    for await (const chunk of req) text += chunk;
    return text ? (JSON.parse(text) as Record<string, string>) : {};
  };
  const server = await listen(async (req, res, url) => {
    const bearer = req.headers.authorization?.replace(/^Bearer /, "");
    switch (url.pathname) {
      case "/xrpc/com.atproto.server.createSession": {
        calls.createSession += 1;
        const input = await body(req);
        if (input.identifier !== account.identifier || input.password !== account.password)
          return json(res, 401, { error: "AuthenticationRequired", message: "Invalid identifier or password" });
        return json(res, 200, issue());
      }
      case "/xrpc/com.atproto.server.refreshSession":
        calls.refreshSession += 1;
        if (!bearer || bearer !== tokens.refresh)
          return json(res, 400, { error: "ExpiredToken", message: "Token has expired" });
        return json(res, 200, issue());
      case "/xrpc/app.bsky.feed.searchPosts": {
        calls.searchPosts += 1;
        if (!bearer || bearer !== tokens.access)
          return json(res, 400, { error: "ExpiredToken", message: "Token has expired" });
        searches.push(url);
        const tag = url.searchParams.get("tag");
        const since = url.searchParams.get("since");
        // Newest first; `since` inclusive; the cursor is an opaque offset into the answer.
        const found = posts
          .filter(
            (p) =>
              (!tag || p.record.text.toLowerCase().includes(`#${tag.toLowerCase()}`)) &&
              (!since || p.record.createdAt >= since),
          )
          .reverse();
        const offset = Number(url.searchParams.get("cursor") ?? 0);
        const limit = Number(url.searchParams.get("limit") ?? 25);
        const page = found.slice(offset, offset + limit);
        return json(res, 200, {
          posts: page,
          hitsTotal: found.length,
          ...(offset + limit < found.length ? { cursor: String(offset + limit) } : {}),
        });
      }
      default:
        return json(res, 404, { error: "MethodNotImplemented" });
    }
  }, port);
  // What Bluesky does when an access token runs out: the next call says ExpiredToken.
  const expireAccessToken = () => {
    tokens.access = "expired";
  };
  return { ...server, posts, calls, searches, expireAccessToken };
}
