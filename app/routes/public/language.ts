import { data, href, redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/language";
import { safeRedirect } from "~/auth/session.server";
import { locales } from "~/infra/i18n/i18n";
import { localeCookie } from "~/infra/i18n/locale.server";
import { readForm } from "~/infra/request-body.server";

const languageSchema = z.object({ locale: z.enum(locales), redirectTo: z.string().optional() });

// The language switch: remembered in a cookie, then back to the page the person was on.
export async function action({ request }: Route.ActionArgs) {
  const parsed = languageSchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) throw data({ reason: "bad-request" }, { status: 400 });
  return redirect(safeRedirect(parsed.data.redirectTo), {
    headers: { "Set-Cookie": await localeCookie.serialize(parsed.data.locale) },
  });
}

export function loader() {
  return redirect(href("/"));
}
