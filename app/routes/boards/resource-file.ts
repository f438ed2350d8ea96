import type { Route } from "./+types/resource-file";
import { notFound, requireSeriesOrganiser } from "~/auth/roles.server";
import { resourceFile } from "~/boards/boards.server";
import { db } from "~/infra/db/db.server";

// A file of a board of resources, to whoever may read it (app/boards/boards.server.ts): a board
// that is not public is opened with a personal or guest link's secret (?jeton=), or by its
// organisers signed in. Downloaded, never shown inline, under the name it was checked into.
export async function loader({ request, params }: Route.LoaderArgs) {
  const found = await resourceFile(db(), params.resourceId, new URL(request.url).searchParams.get("jeton"));
  if (!found) notFound();
  if (found.access === "organisers") await requireSeriesOrganiser(request, found.seriesSlug);
  const file = await found.file();
  if (!file.file) notFound();
  return new Response(new Uint8Array(file.file), {
    headers: {
      "Content-Type": file.fileType ?? "application/octet-stream",
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName ?? "ressource")}`,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": found.access === "public" ? "public, no-cache" : "private, no-store",
    },
  });
}
