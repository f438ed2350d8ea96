import type { Route } from "./+types/campaign-audience";
import { eventOrganiser } from "~/auth/event-organiser.server";
import { segmentSchema } from "~/campaigns/campaign-form";
import { segmentPreview } from "~/campaigns/segments.server";
import { db } from "~/infra/db/db.server";

// How many people the recipients' rules reach (and leave out), as the invitation form's rules
// change: counted by the database, nobody's address sent back.
export async function loader({ request, context }: Route.LoaderArgs) {
  const { event } = eventOrganiser(context);
  const query = new URL(request.url).searchParams;
  const parsed = segmentSchema.safeParse({ ...Object.fromEntries(query), tags: query.getAll("tags") });
  if (!parsed.success) return Response.json({ error: "errors.badIntent" }, { status: 400 });
  const { total, excluded } = await segmentPreview(db(), event, parsed.data, undefined, 1);
  return Response.json({ total, excluded });
}
