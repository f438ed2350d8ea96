import { demoUsers } from "~/demo/demo-users";
import type { Db } from "~/infra/db/client.server";
import { createSession } from "./session.server";

// One-click sign-in as a demo person. Only reachable when env().demoMode is on, which the env
// parser refuses on a production PostgreSQL database.
export async function demoSignIn(client: Db, email: string) {
  if (!demoUsers.some((u) => u.email === email)) return null;
  const user = await client.user.findUnique({ where: { email }, select: { id: true } });
  return user ? createSession(client, user.id) : null;
}
