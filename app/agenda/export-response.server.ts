import { notFound } from "~/auth/roles.server";
import { getUser } from "~/auth/session.server";
import { db } from "~/infra/db/db.server";
import { env } from "~/infra/env.server";
import { exportableAgenda } from "./public.server";

const types = {
  ics: "text/calendar; charset=utf-8",
  json: "application/json; charset=utf-8",
  xml: "application/xml; charset=utf-8",
};

// The latest release of a visible event, or a 404 before the first release.
export async function exportContext(request: Request, slug: string) {
  const user = await getUser(request);
  const found = await exportableAgenda(db(), slug, user?.id);
  if (!found) notFound();
  return { ...found, appUrl: env().APP_URL, user };
}

// Stable public files: calendar apps and schedule readers poll them, so they may be cached briefly.
export function exportResponse(
  body: string,
  kind: keyof typeof types,
  filename: string,
  cache: "public" | "private" = "public",
) {
  return new Response(body, {
    headers: {
      "Content-Type": types[kind],
      "Content-Disposition": `inline; filename="${filename}"`,
      "Cache-Control": `${cache}, max-age=300`,
    },
  });
}
