import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import type { DatabaseConnection } from "./db/client.server";
import { singleton } from "./singleton.server";

// What anonymous visitors see of public pages, kept per process and per language
// (docs/decisions/017-performance.md). Every instance drops all of it the moment the
// database announces a change to a table a public page reads, so nothing stale survives a
// publish, a schedule release, a partner edited or the last seat sold; a render that began before
// such a change is never stored. An entry also ages out, for what changes with the clock alone
// (a call that closes, a session that ends).
export const PUBLIC_CHANNEL = "rebond_public";

export type CachedPage = {
  status: number;
  headers: [string, string][];
  body: Buffer;
  etag: string;
  storedAt: number;
  gzipped?: Buffer;
};

type Options = { maxEntries: number; maxBytes: number; maxEntryBytes: number; maxAgeMs: number };

const defaults: Options = {
  maxEntries: 2000,
  maxBytes: 128 * 1024 * 1024,
  maxEntryBytes: 2 * 1024 * 1024,
  maxAgeMs: 60_000,
};

export class PageCache {
  private readonly entries = new Map<string, CachedPage>();
  private readonly rendering = new Map<string, Promise<CachedPage | null>>();
  private readonly data = new Map<string, { value: Promise<unknown>; storedAt: number }>();
  private bytes = 0;
  private generation = 0;
  // While the instance cannot hear the database's announcements, it keeps nothing.
  private listening = false;
  private readonly options: Options;

  constructor(
    options: Partial<Options> = {},
    private readonly now = () => Date.now(),
  ) {
    this.options = { ...defaults, ...options };
  }

  setListening(listening: boolean) {
    this.listening = listening;
    this.invalidate();
  }

  invalidate() {
    this.generation++;
    this.entries.clear();
    this.rendering.clear();
    this.data.clear();
    this.bytes = 0;
  }

  get(key: string): CachedPage | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (this.now() - entry.storedAt > this.options.maxAgeMs) {
      this.remove(key, entry);
      return undefined;
    }
    // Most recently used last, so the oldest use is the first to go.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  // One render per key at a time: visitors arriving while it runs share its result. `render`
  // returns null for a page that must not be kept (not public, an error, a cookie set…).
  async getOrRender(
    key: string,
    render: () => Promise<Omit<CachedPage, "etag" | "storedAt"> | null>,
  ): Promise<{ page: CachedPage | null; shared: boolean }> {
    const hit = this.get(key);
    if (hit) return { page: hit, shared: true };
    const pending = this.rendering.get(key);
    if (pending) {
      const page = await pending;
      if (page) return { page, shared: true };
    }
    const generation = this.generation;
    const rendered = render().then((page) => (page ? this.store(key, page, generation) : null));
    if (!this.listening) return { page: await rendered, shared: false };
    this.rendering.set(key, rendered);
    try {
      return { page: await rendered, shared: false };
    } finally {
      if (this.rendering.get(key) === rendered) this.rendering.delete(key);
    }
  }

  // Data read for anonymous visitors (what a sale checks before it decides), kept as pages are:
  // until the next change announced, or its age runs out; computed afresh while not listening.
  remember<T>(key: string, compute: () => Promise<T>): Promise<T> {
    if (!this.listening) return compute();
    const kept = this.data.get(key);
    if (kept && this.now() - kept.storedAt <= this.options.maxAgeMs) return kept.value as Promise<T>;
    const value = compute();
    const entry = { value, storedAt: this.now() };
    this.data.delete(key);
    this.data.set(key, entry);
    // Keys can come from addresses anyone types: the oldest go first past the bound.
    for (const oldKey of this.data.keys()) {
      if (this.data.size <= this.options.maxEntries) break;
      this.data.delete(oldKey);
    }
    value.catch(() => {
      if (this.data.get(key) === entry) this.data.delete(key);
    });
    return value;
  }

  gzipped(entry: CachedPage) {
    entry.gzipped ??= gzipSync(entry.body);
    return entry.gzipped;
  }

  get size() {
    return this.entries.size;
  }

  private store(key: string, page: Omit<CachedPage, "etag" | "storedAt">, generation: number): CachedPage {
    const entry: CachedPage = {
      ...page,
      etag: `W/"${createHash("sha1").update(page.body).digest("base64url")}"`,
      storedAt: this.now(),
    };
    // A change announced while the page was rendering may not be in it: hand it to this visitor
    // only, as any fresh render would be.
    if (!this.listening || generation !== this.generation || page.body.length > this.options.maxEntryBytes)
      return entry;
    const previous = this.entries.get(key);
    if (previous) this.remove(key, previous);
    this.entries.set(key, entry);
    this.bytes += entry.body.length;
    for (const [oldKey, old] of this.entries) {
      if (this.entries.size <= this.options.maxEntries && this.bytes <= this.options.maxBytes) break;
      this.remove(oldKey, old);
    }
    return entry;
  }

  private remove(key: string, entry: CachedPage) {
    this.entries.delete(key);
    this.bytes -= entry.body.length;
  }
}

const holder = singleton("page-cache", () => ({
  cache: new PageCache(),
  unlisten: null as null | Promise<() => Promise<void>>,
}));

export function pageCache() {
  return holder.cache;
}

// Follows the database's announcements for as long as the process serves pages.
export async function startPageCache(connection: Pick<DatabaseConnection, "listen">) {
  const { cache } = holder;
  holder.unlisten ??= connection.listen(
    PUBLIC_CHANNEL,
    () => cache.invalidate(),
    () => cache.setListening(true),
    () => cache.setListening(false),
  );
  await holder.unlisten;
  cache.setListening(true);
}

export function rememberUntilChange<T>(key: string, compute: () => Promise<T>) {
  return holder.cache.remember(key, compute);
}

export async function stopPageCache() {
  const unlisten = holder.unlisten;
  holder.unlisten = null;
  holder.cache.setListening(false);
  if (unlisten) await (await unlisten)();
}

// What a route module exports as `headers` for a page that is the same for every anonymous
// visitor. Shared caches (a reverse proxy, a CDN) may keep it 5 s and serve it 25 s more while
// they ask again; this process keeps it until the next change (request-handler.server.ts).
export function publicPageHeaders() {
  return { "Cache-Control": "public, max-age=0, s-maxage=5, stale-while-revalidate=25" };
}
