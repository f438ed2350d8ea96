import type { Route } from "./+types/one-click-unsubscribe";
import { unsubscribe } from "~/campaigns/campaigns.server";
import { db } from "~/infra/db/db.server";
import { env } from "~/infra/env.server";
import { readForm } from "~/infra/request-body.server";

// RFC 8058: a mail program's "unsubscribe" button POSTs "List-Unsubscribe=One-Click" here, from
// its own site and without cookies; the signed token is the whole credential (the body must say
// one-click, as the RFC has it). People who open the link in a browser go to the page instead.
export async function action({ request, params }: Route.ActionArgs) {
  if ((await readForm(request)).get("List-Unsubscribe") !== "One-Click") {
    return new Response("expected List-Unsubscribe=One-Click\n", {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const done = await unsubscribe(db(), params.token, env().SESSION_SECRET);
  return new Response(done ? "unsubscribed\n" : "unknown link\n", {
    status: done ? 200 : 404,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}

export function loader({ params }: Route.LoaderArgs) {
  return Response.redirect(`${env().APP_URL}/desinscription/${encodeURIComponent(params.token)}`, 303);
}
