import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { afterAll, expect, test } from "vitest";
import { isPublicAddress, outboundClient } from "~/infra/outbound.server";
import { pollDueSources, pollSource } from "~/wall/ingestion.server";
import { freshDatabase } from "../support/database";
import { createEvent, createOrganisation } from "../support/factories";
import { blueskyPost, mastodonStatus } from "../fakes/social-servers";

const connection = await freshDatabase();
const db = connection.prisma;
const organisation = await createOrganisation(db);
const event = await createEvent(db, organisation.id, { hashtag: "#failconfr" });

const servers: { close: () => Promise<void> }[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

// A stand-in server of the test's own, on 127.0.0.1, that records what it was asked.
async function server(handler: (req: IncomingMessage, res: ServerResponse) => void) {
  const requests: { url: string; authorization?: string }[] = [];
  const http = createServer((req, res) => {
    requests.push({ url: req.url ?? "", authorization: req.headers.authorization });
    handler(req, res);
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(http.address() as { port: number }).port}`;
  const close = () =>
    new Promise<void>((resolve) => {
      http.closeAllConnections();
      http.close(() => resolve());
    });
  servers.push({ close });
  return { url, host: new URL(url).host, requests };
}

const mastodonSource = (baseUrl: string, data: Record<string, string> = {}) =>
  db.wallSource.create({ data: { eventId: event.id, kind: "MASTODON", hashtag: "failconfr", baseUrl, ...data } });
const poll = async (id: string, client: ReturnType<typeof outboundClient>) =>
  pollSource(db, await db.wallSource.findUniqueOrThrow({ where: { id } }), client);
const lastError = async (id: string) => (await db.wallSource.findUniqueOrThrow({ where: { id } })).lastError;

test("a source answering a 200 MB list is cut at 2 MB: a clean source error, memory kept, and it stops being read", async () => {
  let sent = 0;
  const huge = await server((_req, res) => {
    res.writeHead(200, { "Content-Type": "application/json" });
    const status = JSON.stringify(mastodonStatus(1, `<p>${"Bravo ".repeat(150)}</p>`));
    const chunk = Buffer.from(`${Array.from({ length: 64 }, () => status).join(",")},`);
    res.write("[");
    // Made as it is read (200 MB never exist at once), until the reader hangs up.
    const pump = () => {
      while (sent < 200 * 1024 * 1024) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once("drain", pump);
      }
      res.end(`${status}]`);
    };
    pump();
  });
  const source = await mastodonSource(huge.url);
  const rssBefore = process.memoryUsage().rss;
  const started = Date.now();
  const result = await poll(source.id, outboundClient({ allowHosts: [huge.host] }));
  expect(result).toMatchObject({ ok: false, error: "answer too large (over 2 MB)" });
  expect(Date.now() - started).toBeLessThan(10_000);
  expect(process.memoryUsage().rss - rssBefore).toBeLessThan(100 * 1024 * 1024);
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(sent).toBeLessThan(20 * 1024 * 1024);
  expect(await lastError(source.id)).toBe("answer too large (over 2 MB)");
  expect(await db.wallPost.count({ where: { sourceId: source.id } })).toBe(0);
});

test("a source that stops in the middle of its answer is given up at the time limit", async () => {
  const hanging = await server((_req, res) => {
    res.writeHead(200, { "Content-Type": "application/json" });
    res.write(`[${JSON.stringify(mastodonStatus(1, "<p>début</p>"))},`);
  });
  const source = await mastodonSource(hanging.url);
  const started = Date.now();
  const result = await poll(source.id, outboundClient({ allowHosts: [hanging.host], timeoutMs: 1000 }));
  const elapsed = Date.now() - started;
  expect(result).toMatchObject({ ok: false, error: "no complete answer within 1 s" });
  expect(elapsed).toBeGreaterThanOrEqual(950);
  expect(elapsed).toBeLessThan(3000);
});

test("a slow source does not hold the others: one run polls both, stores the good one's posts and ends at the time limit", async () => {
  const silent = await server(() => {});
  const good = await server((_req, res) => {
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end(JSON.stringify([mastodonStatus(7001, "<p>Bonne nouvelle</p>")]));
  });
  const other = await createEvent(db, organisation.id, { hashtag: "#lent" });
  await db.wallSource.updateMany({ data: { nextPollAt: new Date(Date.now() + 3_600_000) } });
  const slow = await db.wallSource.create({
    data: { eventId: other.id, kind: "MASTODON", hashtag: "lent", baseUrl: silent.url },
  });
  const fine = await db.wallSource.create({
    data: { eventId: other.id, kind: "MASTODON", hashtag: "lent", baseUrl: good.url },
  });
  const started = Date.now();
  expect(await pollDueSources(db, outboundClient({ allowHosts: [silent.host, good.host], timeoutMs: 1000 }))).toBe(1);
  expect(Date.now() - started).toBeLessThan(3000);
  expect(await lastError(slow.id)).toBe("no complete answer within 1 s");
  expect(await lastError(fine.id)).toBeNull();
  expect(await db.wallPost.count({ where: { sourceId: fine.id } })).toBe(1);
});

test("the product's own time limit is 10 s for the whole exchange", async () => {
  const silent = await server(() => {});
  const source = await mastodonSource(silent.url);
  const started = Date.now();
  expect(await poll(source.id, outboundClient({ allowHosts: [silent.host] }))).toMatchObject({
    ok: false,
    error: "no complete answer within 10 s",
  });
  expect(Date.now() - started).toBeLessThan(12_000);
}, 20_000);

test("a redirect to 127.0.0.1 is refused when the allow-list does not name it, and the error names no address", async () => {
  const internal = await server((_req, res) => {
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end("[]");
  });
  const redirecting = await server((_req, res) => {
    res.writeHead(302, { Location: `${internal.url}/api/v1/timelines/tag/failconfr` });
    res.end();
  });
  const source = await mastodonSource(redirecting.url, { accessToken: "jeton-secret" });
  const result = await poll(source.id, outboundClient({ allowHosts: [redirecting.host] }));
  expect(result).toMatchObject({
    ok: false,
    error: "this address leads to a private or local network, which is refused",
  });
  expect(internal.requests).toEqual([]);
  expect(await lastError(source.id)).not.toMatch(/127\.0\.0\.1|\d+\.\d+\.\d+\.\d+|ECONN/);
  // Allowed by name, the same redirect is followed — without the first server's token.
  expect(await poll(source.id, outboundClient({ allowHosts: [redirecting.host, internal.host] }))).toMatchObject({
    ok: true,
    stored: 0,
  });
  expect(internal.requests).toHaveLength(1);
  expect(internal.requests[0]!.authorization).toBeUndefined();
  expect(redirecting.requests.at(-1)!.authorization).toBe("Bearer jeton-secret");
});

test("loopback, private and link-local addresses are refused, by IP or by a name that resolves to one, unless the allow-list names them", async () => {
  const local = await server((_req, res) => {
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end("[]");
  });
  const port = new URL(local.url).port;
  const refused = { ok: false, error: "this address leads to a private or local network, which is refused" };
  for (const baseUrl of [local.url, `http://localhost:${port}`, `http://[::ffff:127.0.0.1]:${port}`]) {
    const source = await mastodonSource(baseUrl);
    expect(await poll(source.id, outboundClient()), baseUrl).toMatchObject(refused);
  }
  // An allowed host:port opens that port only.
  const source = await mastodonSource(local.url);
  expect(await poll(source.id, outboundClient({ allowHosts: [`127.0.0.1:${Number(port) + 1}`] }))).toMatchObject(
    refused,
  );
  expect(await poll(source.id, outboundClient({ allowHosts: [local.host] }))).toMatchObject({ ok: true });
  expect(local.requests).toHaveLength(1);
  for (const address of [
    "127.0.0.1",
    "10.1.2.3",
    "172.20.0.1",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "::1",
    "::",
    "fd00::1",
    "fe80::1",
    "::ffff:10.0.0.1",
  ]) {
    expect(isPublicAddress(address), address).toBe(false);
  }
  for (const address of ["8.8.8.8", "193.51.24.1", "2001:4860:4860::8888"])
    expect(isPublicAddress(address), address).toBe(true);
});

test("an unknown host name is a clean source error", async () => {
  const source = await mastodonSource("http://serveur-qui-n-existe-pas.invalid");
  expect(await poll(source.id, outboundClient())).toMatchObject({
    ok: false,
    error: "could not reach the server (unknown name)",
  });
});

test("Mastodon: a server answering more than the 40 statuses asked for gives 40", async () => {
  const generous = await server((req, res) => {
    expect(new URL(req.url!, "http://x").searchParams.get("limit")).toBe("40");
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end(JSON.stringify(Array.from({ length: 100 }, (_, i) => mastodonStatus(1000 - i, `<p>Message ${i}</p>`))));
  });
  const source = await mastodonSource(generous.url);
  expect(await poll(source.id, outboundClient({ allowHosts: [generous.host] }))).toEqual({ ok: true, stored: 40 });
});

test("Bluesky: a server answering more than the 50 posts asked for gives 50 a page", async () => {
  const generous = await server((req, res) => {
    res.writeHead(200, { "Content-Type": "application/json" });
    if (req.url!.startsWith("/xrpc/com.atproto.server.createSession"))
      return void res.end(JSON.stringify({ accessJwt: "a", refreshJwt: "r" }));
    res.end(
      JSON.stringify({ posts: Array.from({ length: 120 }, (_, i) => blueskyPost(`p${i}`, `Message ${i} #failconfr`)) }),
    );
  });
  const source = await db.wallSource.create({
    data: {
      eventId: event.id,
      kind: "BLUESKY",
      hashtag: "failconfr",
      baseUrl: generous.url,
      identifier: "rebond.bsky.social",
      appPassword: "app-pass-word",
    },
  });
  expect(await poll(source.id, outboundClient({ allowHosts: [generous.host] }))).toEqual({ ok: true, stored: 50 });
});
