import type { Route } from "./+types/wall-stream";
import { notFound } from "~/auth/roles.server";
import { getUser } from "~/auth/session.server";
import { db } from "~/infra/db/db.server";
import { wallHub } from "~/wall/live.server";
import { visibleWall } from "~/wall/public.server";

// The wall's Server-Sent Events: what changed after the last id the screen saw (the browser's
// Last-Event-ID when it reconnects, `after` from the page the first time), then every change as
// it is committed on any instance. Proxies are asked not to buffer or compress it.
export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await getUser(request);
  const wall = await visibleWall(db(), params.eventSlug, user?.id);
  if (!wall) notFound();
  const asked = request.headers.get("Last-Event-ID") ?? new URL(request.url).searchParams.get("after") ?? "0";
  const after = /^\d{1,15}$/.test(asked) ? Number(asked) : 0;
  let leave: (() => void) | undefined;
  let closed = false;
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(new TextEncoder().encode("retry: 2000\n\n"));
      const write = (chunk: Uint8Array) => {
        if (!closed) controller.enqueue(chunk);
      };
      leave = await wallHub().attach(wall.event.id, after, write);
      if (closed) leave();
    },
    cancel() {
      closed = true;
      leave?.();
    },
  });
  request.signal.addEventListener("abort", () => {
    closed = true;
    leave?.();
  });
  return new Response(stream, {
    headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache, no-transform", "X-Accel-Buffering": "no" },
  });
}
