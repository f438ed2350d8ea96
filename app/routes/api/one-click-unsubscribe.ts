import type { Route } from "./+types/one-click-unsubscribe";
import { unsubscribe } from "~/campaigns/campaigns.server";
import { db } from "~/infra/db/db.server";
import { env } from "~/infra/env.server";

// RFC 8058: a mail program's "unsubscribe" button POSTs "List-Unsubscribe=One-Click" here, from
// its own site and without cookies; the signed token is the whole credential. People who open
// the link in a browser go to the page instead.
export async function action({ params }: Route.ActionArgs) {
  const done = await unsubscribe(db(), params.token, env().SESSION_SECRET);
  return new Response(done ? "unsubscribed\n" : "unknown link\n", { status: done ? 200 : 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

export function loader({ params }: Route.LoaderArgs) {
  return Response.redirect(`${env().APP_URL}/desinscription/${encodeURIComponent(params.token)}`, 303);
}
