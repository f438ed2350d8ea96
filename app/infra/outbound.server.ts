import { lookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import { BlockList, isIP } from "node:net";
import { env } from "./env.server";

// Every request the server makes to an address someone typed (the live wall's Mastodon and
// Bluesky servers) goes through here (docs/decisions/016): an answer is read as a stream and cut
// at 2 MB, the whole exchange (redirects included) gets 10 s, and an address that resolves to
// the server's own networks — loopback, private, link-local — is refused, after DNS resolution
// and again at each redirect, unless OUTBOUND_ALLOW_HOSTS names it.
export const OUTBOUND_MAX_BYTES = 2 * 1024 * 1024;
export const OUTBOUND_TIMEOUT_MS = 10_000;
const MAX_REDIRECTS = 3;

export type OutboundPolicy = { allowHosts: readonly string[]; maxBytes: number; timeoutMs: number };
export type OutboundInit = { method?: "GET" | "POST"; headers?: Record<string, string>; body?: string };
export type OutboundAnswer = { status: number; headers: Headers; text: string; bytes: Buffer };
export type Outbound = (url: URL, init?: OutboundInit) => Promise<OutboundAnswer>;

// Its message is shown to organisers as the source's last error: a sentence, never an address
// that was resolved or a system error's text.
export class OutboundError extends Error {}

const notPublic = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  notPublic.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b:1::", 48],
  ["fc00::", 7],
  ["fe80::", 10],
  ["fec0::", 10],
  ["ff00::", 8],
] as const) {
  notPublic.addSubnet(network, prefix, "ipv6");
}

// IPv4-mapped IPv6 addresses (::ffff:127.0.0.1) are checked against the IPv4 rules by BlockList.
export function isPublicAddress(address: string) {
  const family = isIP(address);
  return family !== 0 && !notPublic.check(address, family === 4 ? "ipv4" : "ipv6");
}

const defaultPort = (url: URL) => url.port || (url.protocol === "https:" ? "443" : "80");

function allowed(url: URL, allowHosts: readonly string[]) {
  const host = url.hostname.toLowerCase();
  return allowHosts.some((entry) => entry === host || entry === `${host}:${defaultPort(url)}`);
}

const refused = () => new OutboundError("this address leads to a private or local network, which is refused");

// Rejects when the exchange's time is up (a DNS answer that never comes counts too).
const expiry = (signal: AbortSignal) =>
  new Promise<never>((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener("abort", () => reject(signal.reason), { once: true });
  });

// The address to connect to, checked: an IP written in the URL, or every address its name has.
async function resolve(
  url: URL,
  policy: OutboundPolicy,
  signal: AbortSignal,
): Promise<{ address: string; family: number }> {
  const hostname = url.hostname.replace(/^\[(.*)\]$/, "$1");
  const literal = isIP(hostname);
  const addresses = literal
    ? [{ address: hostname, family: literal }]
    : await Promise.race([lookup(hostname, { all: true }).catch(() => []), expiry(signal)]);
  if (addresses.length === 0) throw new OutboundError("could not reach the server (unknown name)");
  if (!allowed(url, policy.allowHosts) && !addresses.every((a) => isPublicAddress(a.address))) throw refused();
  return addresses[0]!;
}

type Exchange = { status: number; headers: Headers; body: http.IncomingMessage };

// One request to the checked address (pinned: no second DNS answer can point elsewhere).
function send(
  url: URL,
  init: OutboundInit,
  target: { address: string; family: number },
  signal: AbortSignal,
): Promise<Exchange> {
  return new Promise((resolvePromise, reject) => {
    const client = url.protocol === "https:" ? https : http;
    const request = client.request(
      {
        protocol: url.protocol,
        hostname: url.hostname.replace(/^\[(.*)\]$/, "$1"),
        port: defaultPort(url),
        path: `${url.pathname}${url.search}`,
        method: init.method ?? "GET",
        // Uncompressed, so the limit counts what is parsed; named, as some servers refuse anonymous clients.
        headers: {
          "User-Agent": "Rebond (live wall)",
          "Accept-Encoding": "identity",
          ...init.headers,
          ...(init.body !== undefined ? { "Content-Length": String(Buffer.byteLength(init.body)) } : {}),
        },
        signal,
        lookup: (_hostname, options, callback) =>
          (options as { all?: boolean }).all
            ? (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [target])
            : callback(null, target.address, target.family),
      },
      (response) => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(response.headers)) {
          for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value])
            headers.append(name, one);
        }
        resolvePromise({ status: response.statusCode ?? 0, headers, body: response });
      },
    );
    request.on("error", reject);
    request.end(init.body);
  });
}

const tooLarge = (maxBytes: number) =>
  new OutboundError(`answer too large (over ${Math.round(maxBytes / 1024 / 1024)} MB)`);

// The answer's bytes, read as they arrive and given up past the limit.
function readCapped(body: http.IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    body.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        reject(tooLarge(maxBytes));
        body.destroy();
        return;
      }
      chunks.push(chunk);
    });
    body.on("end", () => resolvePromise(Buffer.concat(chunks)));
    body.on("error", reject);
    body.on("aborted", () => reject(new Error("aborted")));
  });
}

export async function outboundRequest(start: URL, init: OutboundInit, policy: OutboundPolicy): Promise<OutboundAnswer> {
  const signal = AbortSignal.timeout(policy.timeoutMs);
  let url = start;
  let current = init;
  try {
    for (let redirects = 0; ; redirects++) {
      if (url.protocol !== "http:" && url.protocol !== "https:")
        throw new OutboundError("only http and https addresses are followed");
      const exchange = await send(url, current, await resolve(url, policy, signal), signal);
      const location = exchange.headers.get("location");
      if (exchange.status >= 300 && exchange.status < 400 && location) {
        exchange.body.destroy();
        if (redirects === MAX_REDIRECTS) throw new OutboundError("too many redirects");
        const next = new URL(location, url);
        // Credentials are for the server they were given for, not for where it sends us.
        const headers =
          next.origin === url.origin
            ? current.headers
            : Object.fromEntries(
                Object.entries(current.headers ?? {}).filter(([name]) => name.toLowerCase() !== "authorization"),
              );
        const keepsMethod = exchange.status === 307 || exchange.status === 308;
        current = keepsMethod ? { ...current, headers } : { headers };
        url = next;
        continue;
      }
      const declared = Number(exchange.headers.get("content-length") ?? 0);
      if (declared > policy.maxBytes) {
        exchange.body.destroy();
        throw tooLarge(policy.maxBytes);
      }
      const bytes = await readCapped(exchange.body, policy.maxBytes);
      return {
        status: exchange.status,
        headers: exchange.headers,
        bytes,
        get text() {
          return bytes.toString("utf8");
        },
      };
    }
  } catch (error) {
    if (error instanceof OutboundError) throw error;
    if (signal.aborted) throw new OutboundError(`no complete answer within ${Math.round(policy.timeoutMs / 1000)} s`);
    throw new OutboundError("could not reach the server", { cause: error });
  }
}

// A client under a policy; the product's own reads OUTBOUND_ALLOW_HOSTS.
export function outboundClient(policy: Partial<OutboundPolicy> = {}): Outbound {
  const full = { allowHosts: [], maxBytes: OUTBOUND_MAX_BYTES, timeoutMs: OUTBOUND_TIMEOUT_MS, ...policy };
  return (url, init = {}) => outboundRequest(url, init, full);
}

export const outbound: Outbound = (url, init) => outboundClient({ allowHosts: env().OUTBOUND_ALLOW_HOSTS })(url, init);
