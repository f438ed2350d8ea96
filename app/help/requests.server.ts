import { createHash, randomBytes } from "node:crypto";
import { href } from "react-router";
import type { Db } from "~/infra/db/client.server";
import type { Locale } from "~/infra/i18n/i18n";
import { hitLimit, recordHit, withinLimits, type Limit } from "~/infra/rate-limit.server";
import { enqueueMail } from "~/platform/mail.server";
import type { HelpAnswers } from "./answers";
import { routeWith } from "./routing.server";
import { ERASED, forgetPersonMails } from "./retention.server";
import { firstNameOf, tellAssociation } from "./space.server";

// The requests of the portail du rebond (docs/decisions/045-portail-du-rebond.md): asked without
// an account, routed at once, followed by the person through a secret link whose hash alone is
// kept. Nobody but the association a request went to reads it (its space: space.server.ts).

const HOUR = 60 * 60_000;
const HELP_REQUESTS_PER_CLIENT_HOUR = 5;

const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");

// A request asked: routed by the network's rules under a lock (so that two requests at once do
// not both take an association's last place of the week), stored, and its follow-up link mailed.
export async function askForHelp(
  client: Db,
  input: {
    organisationId: string;
    answers: HelpAnswers;
    locale: Locale;
    appUrl: string;
    clientAddress?: string;
    now?: Date;
  },
) {
  const now = input.now ?? new Date();
  const { answers } = input;
  const limits: Limit[] = [
    { key: `help-routing:${input.organisationId}`, max: Number.POSITIVE_INFINITY, used: async () => 0 },
    ...(input.clientAddress
      ? [hitLimit(`help-client:${input.clientAddress}`, HELP_REQUESTS_PER_CLIENT_HOUR, HOUR, now)]
      : []),
  ];
  const token = randomBytes(24).toString("base64url");
  const outcome = await withinLimits(client, limits, async (tx) => {
    if (input.clientAddress) await recordHit(tx, `help-client:${input.clientAddress}`);
    const routed = await routeWith(tx, input.organisationId, { ...answers, locale: input.locale }, now);
    if (!routed) return null;
    await tx.helpRequest.create({
      data: {
        organisationId: input.organisationId,
        associationId: routed.associationId,
        tokenHash: hashOf(token),
        locale: input.locale,
        companyActive: answers.companyActive,
        procedure: answers.procedure,
        since: answers.since ?? null,
        needs: answers.needs,
        department: answers.department,
        companySize: answers.companySize ?? null,
        sector: answers.sector,
        firstName: answers.firstName,
        email: answers.email,
        phone: answers.phone,
        contactWay: answers.contactWay,
        contactWhen: answers.contactWhen,
        message: answers.message,
        reasonFr: routed.reasonFr,
        reasonEn: routed.reasonEn,
        consentAt: now,
        createdAt: now,
        routedAt: now,
      },
    });
    await enqueueMail(tx, {
      to: answers.email,
      locale: input.locale,
      template: "help-request-received",
      data: {
        firstName: answers.firstName,
        association: routed.association.name,
        reason: input.locale === "en" ? routed.reasonEn : routed.reasonFr,
        url: `${input.appUrl}${href("/aide/suivi/:token", { token })}`,
      },
    });
    await tellAssociation(tx, routed.associationId, input.appUrl);
    return { token };
  });
  if (!outcome.ok) return { ok: false as const, error: "help.errors.tooMany" };
  if (!outcome.value) return { ok: false as const, error: "help.errors.closed" };
  return { ok: true as const, token: outcome.value.token };
}

// What the person sees of their request through its link: where it went and why, where it
// stands, and the first name of the volunteer who took it. Null for an unknown (or deleted) link.
export async function followedRequest(client: Db, token: string) {
  const found = await client.helpRequest.findUnique({
    where: { tokenHash: hashOf(token) },
    select: {
      status: true,
      reasonFr: true,
      reasonEn: true,
      firstName: true,
      createdAt: true,
      takenAt: true,
      association: { select: { name: true, website: true, summaryFr: true, summaryEn: true } },
      volunteer: { select: { name: true } },
    },
  });
  if (!found) return null;
  const { volunteer, ...request } = found;
  return { ...request, volunteer: volunteer ? firstNameOf(volunteer.name) : "" };
}

// The person withdraws their request: the association stops working on it, and may no longer
// read what it said; the row stays as a count, emptied of the person, and their mails forgotten.
export async function withdrawRequest(client: Db, token: string, now = new Date()) {
  return client.$transaction(async (tx) => {
    const found = await tx.helpRequest.findUnique({ where: { tokenHash: hashOf(token) }, select: { email: true } });
    const { count } = await tx.helpRequest.updateMany({
      where: { tokenHash: hashOf(token), status: { notIn: ["WITHDRAWN", "CLOSED"] } },
      data: { status: "WITHDRAWN", closedAt: now, anonymisedAt: now, ...ERASED },
    });
    if (count) await forgetPersonMails(tx, [found!.email]);
    return count > 0;
  });
}

// The person deletes their request: nothing of it is kept, nor their mails about it.
export async function deleteRequest(client: Db, token: string) {
  return client.$transaction(async (tx) => {
    const found = await tx.helpRequest.findUnique({ where: { tokenHash: hashOf(token) }, select: { email: true } });
    if (!found) return false;
    await tx.helpRequest.delete({ where: { tokenHash: hashOf(token) } });
    await forgetPersonMails(tx, [found.email]);
    return true;
  });
}
