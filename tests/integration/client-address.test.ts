import type { AddressInfo } from "node:net";
import express from "express";
import { expect, test } from "vitest";
import { clientKey } from "~/infra/client-address.server";
import { parseEnv } from "~/infra/env.server";

// The address Express gives a request that reached it through the proxies TRUST_PROXY describes,
// as server/app.ts sets it up, and the key the per-address limits count it by.
async function seenAddress(trustProxyVariable: string | undefined, forwardedFor?: string) {
  const app = express();
  app.set("trust proxy", parseEnv({ TRUST_PROXY: trustProxyVariable }).TRUST_PROXY);
  app.get("/", (req, res) => {
    res.json({ ip: req.ip, key: clientKey(req.ip) });
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/`, {
      headers: forwardedFor ? { "X-Forwarded-For": forwardedFor } : {},
    });
    return ((await response.json()) as { key: string }).key;
  } finally {
    server.close();
  }
}

test("with one trusted proxy, the address it adds counts and the one the client wrote is ignored", async () => {
  // The client sent "X-Forwarded-For: 198.51.100.66"; the proxy appended the address it saw.
  expect(await seenAddress("1", "198.51.100.66, 203.0.113.9")).toBe("203.0.113.9");
  expect(await seenAddress("1", "203.0.113.9")).toBe("203.0.113.9");
});

test("with the proxies named by address, only the hops they add are believed", async () => {
  expect(await seenAddress("loopback", "198.51.100.66, 203.0.113.9")).toBe("203.0.113.9");
  expect(await seenAddress("loopback, 203.0.113.0/24", "198.51.100.66, 203.0.113.9")).toBe("198.51.100.66");
});

test("by default no proxy is trusted: X-Forwarded-For is ignored and the connection's address counts", async () => {
  expect(await seenAddress(undefined, "198.51.100.66")).toBe("127.0.0.1");
  expect(await seenAddress("false", "198.51.100.66")).toBe("127.0.0.1");
});

test("TRUST_PROXY takes a hop count or addresses, and refuses true with what to give instead", () => {
  expect(parseEnv({}).TRUST_PROXY).toBe(false);
  expect(parseEnv({ TRUST_PROXY: "0" }).TRUST_PROXY).toBe(false);
  expect(parseEnv({ TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
  expect(parseEnv({ TRUST_PROXY: "loopback, 10.0.0.0/8, fd00::/8, 192.0.2.7" }).TRUST_PROXY).toEqual([
    "loopback",
    "10.0.0.0/8",
    "fd00::/8",
    "192.0.2.7",
  ]);
  expect(() => parseEnv({ TRUST_PROXY: "true" })).toThrow(
    /TRUST_PROXY: true would believe whatever X-Forwarded-For a client sends: give the number of proxies in front of the app \(TRUST_PROXY=1\)/,
  );
  expect(() => parseEnv({ TRUST_PROXY: "10.0.0.0/33" })).toThrow(
    /TRUST_PROXY: 10\.0\.0\.0\/33: give a number of proxies/,
  );
  expect(() => parseEnv({ TRUST_PROXY: "loopback,proxy.internal" })).toThrow(/TRUST_PROXY: proxy\.internal: give/);
});

test("IPv6 addresses in one /64 share a key; another /64 has its own", () => {
  expect(clientKey("2001:db8:1:2::1")).toBe("2001:db8:1:2::/64");
  expect(clientKey("2001:DB8:1:2:ffff:ffff:ffff:fffe")).toBe("2001:db8:1:2::/64");
  expect(clientKey("2001:0db8:0001:0002:0:0:0:9")).toBe("2001:db8:1:2::/64");
  expect(clientKey("2001:db8:1:3::1")).not.toBe(clientKey("2001:db8:1:2::1"));
  expect(clientKey("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
});

test("an IPv4 address counts as itself, also when a dual-stack socket writes it as IPv6", () => {
  expect(clientKey("203.0.113.9")).toBe("203.0.113.9");
  expect(clientKey("::ffff:203.0.113.9")).toBe("203.0.113.9");
  expect(clientKey("::FFFF:cb00:7109")).toBe("203.0.113.9");
  expect(clientKey("203.0.113.10")).not.toBe(clientKey("203.0.113.9"));
  expect(clientKey(undefined)).toBe("unknown");
});
