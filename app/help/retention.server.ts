import type { Db, Tx } from "~/infra/db/client.server";

// What the portal keeps of a person, and for how long (docs/decisions/045-portail-du-rebond.md):
// a withdrawn request is emptied at once, a closed one after the network's retention; what stays
// is the answers' categories, for the network's counts. The mails that went to the person go too.

export const ERASED = { firstName: "", email: "", phone: "", contactWhen: "", message: "", sector: "" };
const PERSON_MAILS = ["help-request-received", "help-request-taken", "help-request-handed"];

// The outbox rows of the person's own mails about their request.
export async function forgetPersonMails(tx: Tx | Db, emails: string[]) {
  const addresses = emails.filter(Boolean);
  if (!addresses.length) return;
  await tx.outboxMessage.deleteMany({ where: { to: { in: addresses }, template: { in: PERSON_MAILS } } });
}

function monthsBefore(now: Date, months: number) {
  const date = new Date(now);
  date.setUTCMonth(date.getUTCMonth() - months);
  return date;
}

// Closed or withdrawn requests past their network's retention: the person's words, contact and
// the volunteers' notes erased, their mails forgotten. Returns how many were anonymised.
export async function anonymiseClosedRequests(client: Db, now = new Date()) {
  const networks = await client.organisation.findMany({
    where: { helpRequests: { some: { anonymisedAt: null, closedAt: { not: null } } } },
    select: { id: true, helpRetentionMonths: true },
  });
  let anonymised = 0;
  for (const network of networks)
    anonymised += await client.$transaction(async (tx) => {
      const due = await tx.helpRequest.findMany({
        where: {
          organisationId: network.id,
          status: { in: ["CLOSED", "WITHDRAWN"] },
          anonymisedAt: null,
          closedAt: { lt: monthsBefore(now, network.helpRetentionMonths) },
        },
        select: { id: true, email: true },
      });
      if (!due.length) return 0;
      const ids = due.map((r) => r.id);
      await tx.helpRequest.updateMany({ where: { id: { in: ids } }, data: { ...ERASED, anonymisedAt: now } });
      await tx.helpRequestEvent.updateMany({ where: { requestId: { in: ids } }, data: { note: "" } });
      await forgetPersonMails(
        tx,
        due.map((r) => r.email),
      );
      return due.length;
    });
  return anonymised;
}
