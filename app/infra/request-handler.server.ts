import type { Request as ExpressRequest, Response as ExpressResponse, NextFunction } from "express";
import { createReadableStreamFromReadable, writeReadableStreamToWritable } from "@react-router/node";
import { createRequestHandler, type RouterContextProvider, type ServerBuild } from "react-router";
import type { CachedPage, PageCache } from "./page-cache.server";

// React Router behind Express, built once (a build passed as a function would rebuild the route
// tree on every request), with the public-page cache in front of it and one rule for who may keep
// a page (docs/decisions/017-performance.md):
// - a page (HTML or its `.data`) that a route declares `public` is kept by this process and by
//   shared caches only for anonymous visitors, with an ETag; a signed-in visitor gets it fresh
//   and `private, no-store`;
// - any other page is `private, no-store`: personal pages are never kept anywhere.
export const PRIVATE = "private, no-store";

type Options = {
  build: ServerBuild;
  cache: PageCache;
  // Whether the request carries no session: only then may a page be shared.
  anonymous: (req: ExpressRequest) => boolean;
  // What besides the URL changes an anonymous page (its language).
  variant: (req: ExpressRequest) => Promise<string>;
  loadContext: (req: ExpressRequest) => RouterContextProvider;
  mode: string;
};

export function createPageHandler({ build, cache, anonymous, variant, loadContext, mode }: Options) {
  const handle = createRequestHandler(build, mode);
  return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    try {
      const shareable = (req.method === "GET" || req.method === "HEAD") && anonymous(req);
      if (!shareable)
        return await sendStreamed(res, withPolicy(await handle(webRequest(req, res), loadContext(req)), false));
      const rendered: { response?: Response } = {};
      const { page } = await cache.getOrRender(`${await variant(req)} ${req.originalUrl}`, async () => {
        const response = withPolicy(await handle(webRequest(req, res, "GET"), loadContext(req)), true);
        if (!keepable(response)) {
          rendered.response = response;
          return null;
        }
        return {
          status: response.status,
          headers: [...response.headers],
          body: Buffer.from(await response.arrayBuffer()),
        };
      });
      if (page) return sendCached(req, res, cache, page);
      if (rendered.response) return await sendStreamed(res, rendered.response);
      // Another visitor's render of this page turned out not to be shareable: render our own.
      await sendStreamed(res, withPolicy(await handle(webRequest(req, res), loadContext(req)), true));
    } catch (error) {
      next(error);
    }
  };
}

function isPage(response: Response) {
  const type = response.headers.get("Content-Type") ?? "";
  return type.startsWith("text/html") || type.startsWith("text/x-script");
}

function withPolicy(response: Response, anonymous: boolean) {
  if (!isPage(response)) return response;
  const declared = response.headers.get("Cache-Control");
  const shared =
    anonymous && response.status === 200 && !response.headers.has("Set-Cookie") && /\bpublic\b/.test(declared ?? "");
  if (!shared) response.headers.set("Cache-Control", declared && !/\bpublic\b/.test(declared) ? declared : PRIVATE);
  else response.headers.append("Vary", "Cookie, Accept-Language");
  return response;
}

function keepable(response: Response) {
  return isPage(response) && response.status === 200 && /\bpublic\b/.test(response.headers.get("Cache-Control") ?? "");
}

function sendCached(req: ExpressRequest, res: ExpressResponse, cache: PageCache, page: CachedPage) {
  for (const [name, value] of page.headers) res.append(name, value);
  res.setHeader("ETag", page.etag);
  if (req.headers["if-none-match"]?.split(/\s*,\s*/).includes(page.etag)) {
    res.status(304).end();
    return;
  }
  res.status(page.status);
  const gzip = /\bgzip\b/.test(req.headers["accept-encoding"] ?? "");
  const body = gzip ? cache.gzipped(page) : page.body;
  if (gzip) res.setHeader("Content-Encoding", "gzip");
  res.setHeader("Content-Length", body.length);
  if (req.method === "HEAD") res.end();
  else res.end(body);
}

// The same conversion as @react-router/express, which keeps it to itself.
function webRequest(req: ExpressRequest, res: ExpressResponse, method = req.method) {
  const host = req.get("host")?.split(/[\\/?#@\s]/)[0] || "localhost";
  const url = new URL(`${req.protocol}://${host}${req.originalUrl}`);
  const controller = new AbortController();
  res.on("close", () => controller.abort());
  const headers = new Headers();
  for (const [key, values] of Object.entries(req.headers)) {
    if (Array.isArray(values)) values.forEach((value) => headers.append(key, value));
    else if (values) headers.set(key, values);
  }
  const init: RequestInit & { duplex?: "half" } = { method, headers, signal: controller.signal };
  if (method !== "GET" && method !== "HEAD") {
    init.body = createReadableStreamFromReadable(req);
    init.duplex = "half";
  }
  return new Request(url.href, init);
}

async function sendStreamed(res: ExpressResponse, response: Response) {
  if (res.destroyed || res.writableEnded) {
    await response.body?.cancel();
    return;
  }
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [key, value] of response.headers) res.append(key, value);
  if (response.headers.get("Content-Type")?.match(/text\/event-stream/i)) res.flushHeaders();
  if (!response.body) {
    res.end();
    return;
  }
  try {
    await writeReadableStreamToWritable(response.body, res);
  } catch (error) {
    if (res.destroyed || res.writableEnded) return;
    throw error;
  }
}
