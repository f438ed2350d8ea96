import { href, redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/sign-out";
import { getUser, signOut, signOutEverywhere } from "~/auth/session.server";
import { readForm } from "~/infra/request-body.server";

const signOutSchema = z.object({ scope: z.enum(["this-device", "everywhere"]).default("this-device") });

// This device only, or every session of the person (a lost phone, a shared computer).
export async function action({ request }: Route.ActionArgs) {
  const parsed = signOutSchema.safeParse(Object.fromEntries(await readForm(request)));
  const user = await getUser(request);
  const cookie =
    parsed.success && parsed.data.scope === "everywhere" && user
      ? await signOutEverywhere(user.id)
      : await signOut(request);
  return redirect(href("/"), { headers: { "Set-Cookie": cookie } });
}

export function loader() {
  return redirect(href("/"));
}
