import { href } from "react-router";
import type { Db } from "~/infra/db/client.server";

// The network whose portal /aide serves: the first organisation that has associations (one
// network per instance today, docs/decisions/045-portail-du-rebond.md).
export async function helpPortal(client: Db) {
  return client.organisation.findFirst({
    where: { associations: { some: {} } },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true },
  });
}

const PORTAL_KNOWN_FOR_MS = 60_000;
let known: { at: number; open: boolean } | undefined;

// The questionnaire's address for the footer of event mails, or null when the instance has no
// portal; whether it has one is asked again each minute (a mail run renders thousands of mails).
export async function helpPortalUrl(client: Db, appUrl: string, now = Date.now()) {
  if (!known || now - known.at > PORTAL_KNOWN_FOR_MS) known = { at: now, open: Boolean(await helpPortal(client)) };
  return known.open ? `${appUrl}${href("/aide")}` : null;
}
