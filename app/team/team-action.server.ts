import { data } from "react-router";
import { removeMemberSchema } from "./team-form";

type Removal = { ok: true } | { ok: false; reason: string };

// A team page's "remove" form (TeamPanel): the member's row read from the form, the capability's
// removal run, and the page's answer — its sentence when the removal is refused.
export async function removeFromTeam(formData: FormData, remove: (memberId: string) => Promise<Removal>) {
  const parsed = removeMemberSchema.safeParse(Object.fromEntries(formData));
  const removed: Removal = parsed.success ? await remove(parsed.data.id) : { ok: false, reason: "errors.notFound" };
  if (!removed.ok) return data({ result: undefined, outcome: null, error: removed.reason }, { status: 400 });
  return { result: undefined, outcome: "removed", error: null };
}
