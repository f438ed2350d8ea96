import { href, redirect } from "react-router";
import type { Route } from "./+types/join";
import { notFound } from "~/auth/roles.server";
import { db } from "~/infra/db/db.server";
import { joinSession } from "~/series/series.server";

// The "join" button of the attendee's page: attendance recorded, then on to the meeting. Outside
// the session's opening, back to the page with a sentence.
export async function loader({ params }: Route.LoaderArgs) {
  const joined = await joinSession(db(), params.token, params.sessionId);
  if (!joined.ok && joined.error === "notFound") notFound();
  if (!joined.ok) return redirect(`${href("/presence/:token", { token: params.token })}?fermee`);
  return redirect(joined.url);
}
