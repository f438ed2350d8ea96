import type { Route } from "./+types/resource-file";
import { notFound, requireSeriesOrganiser } from "~/auth/roles.server";
import { resourceFile } from "~/boards/boards.server";
import { db } from "~/infra/db/db.server";

// A file of a board of resources, to whoever may read it (app/boards/boards.server.ts): a board
// that is not public is opened with a personal or guest link's secret (?jeton=), or by its
// organisers signed in. Downloaded, never shown inline, under the name it was checked into.
export async function loader({ request, params }: Route.LoaderArgs) {
  const file = await resourceFile(db(), params.resourceId, new URL(request.url).searchParams.get("jeton"));
  if (!file) notFound();
  if (file.access === "organisers") await requireSeriesOrganiser(request, file.seriesSlug);
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": file.type,
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": file.access === "public" ? "public, no-cache" : "private, no-store",
      "Last-Modified": file.updatedAt.toUTCString(),
    },
  });
}
