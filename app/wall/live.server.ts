import type { DatabaseConnection } from "~/infra/db/client.server";
import { databaseConnection } from "~/infra/db/db.server";
import { singleton } from "~/infra/singleton.server";
import { logger } from "~/infra/logger.server";
import { WALL_CHANNEL, lastWallChange, wallMessagesAfter, type WallMessage } from "./changes.server";

const encoder = new TextEncoder();
const KEEP_ALIVE_MS = 20_000;

export function sseMessage(message: WallMessage) {
  return "post" in message
    ? `id: ${message.id}\nevent: post\ndata: ${JSON.stringify(message.post)}\n\n`
    : `id: ${message.id}\nevent: remove\ndata: ${JSON.stringify({ id: message.removed })}\n\n`;
}

type Screen = { write: (chunk: Uint8Array) => void; end: () => void; lastId: number; waiting: WallMessage[] | null };
type Followed = { screens: Set<Screen>; lastId: number; ready: Promise<void>; reading: boolean; again: boolean };

// The screens connected to this process, by event. A notification (from this process or another
// one on the same PostgreSQL) makes one read of the new changes per event, written once to every
// screen of that event: a thousand screens cost one query, not a thousand.
export class WallHub {
  private followed = new Map<string, Followed>();
  private unlisten: Promise<() => Promise<void>> | null = null;
  private keepAlive: NodeJS.Timeout | null = null;

  constructor(private readonly connection: Pick<DatabaseConnection, "prisma" | "listen">) {}

  // Follow an event's wall from the change `afterId` on: what came after it is sent first, then
  // every change as it is committed, each once and in order, until `end` when the hub closes.
  // Returns the way to leave.
  async attach(eventId: string, afterId: number, write: (chunk: Uint8Array) => void, end: () => void = () => {}) {
    this.unlisten ??= this.connection.listen(
      WALL_CHANNEL,
      (id) => this.changed(id),
      () => this.followed.forEach((_, id) => this.changed(id)),
    );
    this.keepAlive ??= setInterval(() => this.broadcastAll(encoder.encode(": ping\n\n")), KEEP_ALIVE_MS);
    await this.unlisten;
    const screen: Screen = { write, end, lastId: afterId, waiting: [] };
    let followed = this.followed.get(eventId);
    if (!followed) {
      const created: Followed = {
        screens: new Set(),
        lastId: 0,
        ready: Promise.resolve(),
        reading: false,
        again: false,
      };
      created.ready = lastWallChange(this.connection.prisma, eventId).then((id) => {
        created.lastId = Math.max(created.lastId, id);
      });
      this.followed.set(eventId, created);
      followed = created;
    }
    followed.screens.add(screen);
    const detach = () => {
      followed.screens.delete(screen);
      if (followed.screens.size === 0 && this.followed.get(eventId) === followed) this.followed.delete(eventId);
    };
    try {
      await followed.ready;
      // An id from the future (another database, a forged header) would silence the screen.
      screen.lastId = Math.min(afterId, followed.lastId);
      // Live changes from here on wait in `waiting` while the gap since then is filled.
      const missed = await wallMessagesAfter(this.connection.prisma, eventId, screen.lastId);
      this.deliver(screen, missed);
      const waiting = screen.waiting ?? [];
      screen.waiting = null;
      this.deliver(screen, waiting);
    } catch (error) {
      detach();
      throw error;
    }
    return detach;
  }

  screenCount() {
    let count = 0;
    this.followed.forEach((f) => (count += f.screens.size));
    return count;
  }

  // Ends every screen's stream (their browsers reconnect, to another instance if this one stops).
  async close() {
    if (this.keepAlive) clearInterval(this.keepAlive);
    this.keepAlive = null;
    this.followed.forEach((f) => f.screens.forEach((screen) => screen.end()));
    this.followed.clear();
    const unlisten = this.unlisten;
    this.unlisten = null;
    if (unlisten) await (await unlisten)();
  }

  private deliver(screen: Screen, messages: WallMessage[]) {
    const fresh = messages.filter((m) => m.id > screen.lastId);
    if (fresh.length === 0) return;
    screen.lastId = fresh[fresh.length - 1]!.id;
    screen.write(encoder.encode(fresh.map(sseMessage).join("")));
  }

  private broadcastAll(chunk: Uint8Array) {
    this.followed.forEach((f) => f.screens.forEach((s) => s.write(chunk)));
  }

  // Reads of one event never overlap: a notification during a read makes one more read after it.
  private changed(eventId: string) {
    const followed = this.followed.get(eventId);
    if (!followed) return;
    if (followed.reading) {
      followed.again = true;
      return;
    }
    followed.reading = true;
    void (async () => {
      try {
        await followed.ready;
        do {
          followed.again = false;
          const messages = await wallMessagesAfter(this.connection.prisma, eventId, followed.lastId);
          if (messages.length === 0) continue;
          followed.lastId = messages[messages.length - 1]!.id;
          const chunk = encoder.encode(messages.map(sseMessage).join(""));
          for (const screen of followed.screens) {
            if (screen.waiting) screen.waiting.push(...messages);
            else if (messages[0]!.id > screen.lastId) {
              screen.lastId = followed.lastId;
              screen.write(chunk);
            } else this.deliver(screen, messages);
          }
        } while (followed.again);
      } catch (error) {
        logger.error({ err: error, eventId }, "wall changes could not be read");
      } finally {
        followed.reading = false;
      }
    })();
  }
}

// A screen's stream: what changed after the last id it saw (the browser's Last-Event-ID when it
// reconnects, `after` from the page the first time), then every change as it is committed on any
// instance, until the screen goes. Proxies are asked not to buffer or compress it.
// One client address may hold this many live streams in a process at once: a venue's Wi-Fi puts a
// whole room behind one address, but nobody needs thousands.
export const STREAMS_PER_CLIENT = 300;

export class StreamSlots {
  private readonly held = new Map<string, number>();

  constructor(private readonly max: number) {}

  // The way to give the slot back, or null when the address holds all it may.
  take(client: string): (() => void) | null {
    const count = this.held.get(client) ?? 0;
    if (count >= this.max) return null;
    this.held.set(client, count + 1);
    let given = false;
    return () => {
      if (given) return;
      given = true;
      const left = (this.held.get(client) ?? 1) - 1;
      if (left > 0) this.held.set(client, left);
      else this.held.delete(client);
    };
  }
}

const slots = singleton("wall-stream-slots", () => new StreamSlots(STREAMS_PER_CLIENT));

export function wallEventStream(eventId: string, request: Request, clientAddress: string) {
  const release = slots.take(clientAddress);
  if (!release) {
    return new Response("Trop de flux ouverts depuis cette adresse. / Too many streams open from this address.", {
      status: 429,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "60" },
    });
  }
  const asked = request.headers.get("Last-Event-ID") ?? new URL(request.url).searchParams.get("after") ?? "0";
  const after = /^\d{1,15}$/.test(asked) ? Number(asked) : 0;
  let leave: (() => void) | undefined;
  let closed = false;
  const close = () => {
    closed = true;
    release();
    leave?.();
  };
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(encoder.encode("retry: 2000\n\n"));
      leave = await wallHub().attach(
        eventId,
        after,
        (chunk) => {
          if (!closed) controller.enqueue(chunk);
        },
        () => {
          if (closed) return;
          close();
          controller.close();
        },
      );
      if (closed) leave();
    },
    cancel: close,
  });
  request.signal.addEventListener("abort", close);
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
}

const holder = singleton("wall-hub", () => ({ hub: null as WallHub | null }));

// This process's hub, on the process's database connection.
export function wallHub() {
  holder.hub ??= new WallHub(databaseConnection());
  return holder.hub;
}

export async function closeWallHub() {
  const hub = holder.hub;
  holder.hub = null;
  await hub?.close();
}
