import type { Route } from "./+types/calendar";
import { notFound } from "~/auth/roles.server";
import { calendarFile } from "~/infra/calendar.server";
import { db } from "~/infra/db/db.server";
import { env } from "~/infra/env.server";
import { detectLocale } from "~/infra/i18n/locale.server";
import { personalCalendar } from "~/series/series.server";

// Every session of the series for the attendee's calendar app (a feed it polls).
export async function loader({ request, params }: Route.LoaderArgs) {
  const calendar = await personalCalendar(db(), params.token, env().APP_URL, await detectLocale(request));
  if (!calendar) notFound();
  return new Response(calendarFile(calendar), {
    headers: { "Content-Type": "text/calendar; charset=utf-8", "Cache-Control": "private, max-age=300" },
  });
}
