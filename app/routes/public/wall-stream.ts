import type { Route } from "./+types/wall-stream";
import { notFound } from "~/auth/roles.server";
import { getUser } from "~/auth/session.server";
import { db } from "~/infra/db/db.server";
import { wallEventStream } from "~/wall/live.server";
import { visibleWall } from "~/wall/public.server";
import { clientAddressContext } from "~/infra/load-context";

// The wall's Server-Sent Events, for whoever may see the wall.
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = await getUser(request);
  const wall = await visibleWall(db(), params.eventSlug, user?.id);
  if (!wall) notFound();
  return wallEventStream(wall.event.id, request, context.get(clientAddressContext));
}
