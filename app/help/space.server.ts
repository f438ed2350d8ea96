import { href } from "react-router";
import { forbidden, notFound } from "~/auth/roles.server";
import { requireUser } from "~/auth/session.server";
import type { Db, Tx } from "~/infra/db/client.server";
import { db } from "~/infra/db/db.server";
import { formatDateTime } from "~/infra/i18n/i18n";
import { enqueueMails } from "~/platform/mail.server";
import type { HelpOutcome } from "./answers";
import { CONTACT_WITHIN_DAYS, type RequestView } from "./space-form";
import { utcToZonedLocal, zonedLocalToUtc } from "~/infra/time";

// The association's space (docs/decisions/045-portail-du-rebond.md): its volunteers, and nobody
// else, read the requests routed or handed to it; every reading of a request is recorded.

const HOUR = 60 * 60_000;
const REMIND_AFTER_MS = 48 * HOUR;

// A volunteer of the association: anyone else signed in is refused (organisers and owners of the
// network included), an unknown association is a 404.
export async function requireVolunteer(request: Request, associationSlug: string) {
  const user = await requireUser(request);
  const association = await db().association.findUnique({
    where: { slug: associationSlug },
    select: { id: true, slug: true, name: true, organisationId: true },
  });
  if (!association) notFound();
  const member = await db().associationMember.findUnique({
    where: { associationId_userId: { associationId: association.id, userId: user.id } },
    select: { id: true },
  });
  if (!member) forbidden();
  return { user, association };
}

// The associations a person volunteers for, for their space's links.
export async function volunteerAssociations(client: Db, userId: string) {
  return client.association.findMany({
    where: { volunteers: { some: { userId } } },
    orderBy: { name: "asc" },
    select: { slug: true, name: true, _count: { select: { requests: { where: { status: "NEW" } } } } },
  });
}

// The association's requests in one view: waiting for someone, mine, being handled, done. What
// the list shows is what a volunteer needs to choose one, not how to reach the person.
export async function associationRequests(client: Db, associationId: string, view: RequestView, userId: string) {
  const where = {
    nouvelles: { status: "NEW" as const },
    miennes: { volunteerId: userId, status: { in: ["TAKEN" as const, "CONTACTED" as const] } },
    "en-cours": { status: { in: ["TAKEN" as const, "CONTACTED" as const] } },
    closes: { status: { in: ["CLOSED" as const, "WITHDRAWN" as const] } },
  }[view];
  const [rows, counts] = await Promise.all([
    client.helpRequest.findMany({
      where: { associationId, ...where },
      orderBy: view === "closes" ? { closedAt: "desc" } : { routedAt: "asc" },
      take: 100,
      select: {
        id: true,
        firstName: true,
        status: true,
        department: true,
        procedure: true,
        companyActive: true,
        needs: true,
        routedAt: true,
        contactBy: true,
        volunteer: { select: { name: true } },
      },
    }),
    client.helpRequest.groupBy({ by: ["status"], where: { associationId }, _count: { _all: true } }),
  ]);
  return { rows, counts: Object.fromEntries(counts.map((c) => [c.status, c._count._all])) };
}

// One request, for a volunteer of its association, and the reading recorded (`record`: false when
// the page is drawn again after one of its forms, a reading already recorded by the page's GET).
export async function readRequest(client: Db, associationId: string, requestId: string, userId: string, record = true) {
  const found = await client.helpRequest.findFirst({
    where: { id: requestId, associationId },
    include: {
      volunteer: { select: { name: true } },
      events: {
        orderBy: { createdAt: "asc" },
        select: {
          kind: true,
          note: true,
          createdAt: true,
          association: { select: { name: true } },
          byUser: { select: { name: true } },
        },
      },
    },
  });
  if (!found) return null;
  if (record) await client.helpRequestReading.create({ data: { requestId, userId } });
  const readings = await client.helpRequestReading.findMany({
    where: { requestId },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: { createdAt: true, user: { select: { name: true } } },
  });
  const others = await client.association.findMany({
    where: { organisationId: found.organisationId, id: { not: associationId } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
  return { request: found, readings, others };
}

type Step = { associationId: string; requestId: string; userId: string; now?: Date };

// The history's line of a step, in the step's transaction.
async function recordStep(tx: Tx, step: Step & { kind: "TAKEN" | "CONTACTED" | "CLOSED" | "HANDED"; note?: string }) {
  await tx.helpRequestEvent.create({
    data: {
      requestId: step.requestId,
      kind: step.kind,
      associationId: step.associationId,
      byUserId: step.userId,
      note: step.note ?? "",
      createdAt: step.now,
    },
  });
}

const ZONE = "Europe/Paris";

// Today in the portal's zone, as the date field of the "take" form writes it.
export const helpToday = (now = new Date()) => utcToZonedLocal(now, ZONE).slice(0, 10);

// The day a volunteer says they will call by (today to CONTACT_WITHIN_DAYS ahead), as the
// evening of that day; null outside that window.
export function contactByDay(day: string, now = new Date()) {
  const last = helpToday(new Date(now.getTime() + CONTACT_WITHIN_DAYS * 24 * 60 * 60_000));
  return day < helpToday(now) || day > last ? null : zonedLocalToUtc(`${day}T18:00`, ZONE);
}

// A volunteer takes a new request in charge and says by when they will call: the person is told
// who will contact them, and by when.
export async function takeRequest(client: Db, step: Step & { contactBy: Date }) {
  const now = step.now ?? new Date();
  return client.$transaction(async (tx) => {
    const { count } = await tx.helpRequest.updateMany({
      where: { id: step.requestId, associationId: step.associationId, status: "NEW" },
      data: { status: "TAKEN", volunteerId: step.userId, takenAt: now, contactBy: step.contactBy },
    });
    if (!count) return { ok: false as const, error: "helpSpace.errors.notNew" };
    await recordStep(tx, { ...step, now, kind: "TAKEN" });
    const request = await tx.helpRequest.findUniqueOrThrow({
      where: { id: step.requestId },
      select: {
        email: true,
        locale: true,
        firstName: true,
        association: { select: { name: true } },
        volunteer: { select: { name: true } },
      },
    });
    await enqueueMails(tx, [
      {
        to: request.email,
        locale: request.locale,
        template: "help-request-taken" as const,
        data: {
          firstName: request.firstName,
          volunteer: firstNameOf(request.volunteer?.name ?? ""),
          association: request.association.name,
          contactBy: formatDateTime(step.contactBy, "Europe/Paris", request.locale, {
            weekday: "long",
            day: "numeric",
            month: "long",
          }),
        },
      },
    ]);
    return { ok: true as const };
  });
}

export const firstNameOf = (name: string) => name.trim().split(/\s+/)[0] ?? "";

// The volunteer who took it has contacted the person.
export async function markContacted(client: Db, step: Step) {
  const now = step.now ?? new Date();
  return client.$transaction(async (tx) => {
    const { count } = await tx.helpRequest.updateMany({
      where: { id: step.requestId, associationId: step.associationId, status: "TAKEN" },
      data: { status: "CONTACTED", contactedAt: now },
    });
    if (!count) return { ok: false as const, error: "helpSpace.errors.notTaken" };
    await recordStep(tx, { ...step, now, kind: "CONTACTED" });
    return { ok: true as const };
  });
}

// Closed with how it ended (and a note for the association's own history).
export async function closeRequest(client: Db, step: Step & { outcome: HelpOutcome; note: string }) {
  const now = step.now ?? new Date();
  return client.$transaction(async (tx) => {
    const { count } = await tx.helpRequest.updateMany({
      where: { id: step.requestId, associationId: step.associationId, status: { in: ["NEW", "TAKEN", "CONTACTED"] } },
      data: { status: "CLOSED", closedAt: now, outcome: step.outcome },
    });
    if (!count) return { ok: false as const, error: "helpSpace.errors.closed" };
    await recordStep(tx, { ...step, now, kind: "CLOSED", note: step.note });
    return { ok: true as const };
  });
}

// Handed to another association of the network, with a note for it: the request waits there as
// new, the person is told, and this association no longer reads it.
export async function handOver(client: Db, step: Step & { toAssociationId: string; note: string; appUrl: string }) {
  const now = step.now ?? new Date();
  return client.$transaction(async (tx) => {
    const from = await tx.association.findUniqueOrThrow({
      where: { id: step.associationId },
      select: { organisationId: true, name: true },
    });
    const to = await tx.association.findFirst({
      where: { id: step.toAssociationId, organisationId: from.organisationId, NOT: { id: step.associationId } },
      select: { id: true, name: true },
    });
    if (!to) return { ok: false as const, error: "helpSpace.errors.unknownAssociation" };
    const { count } = await tx.helpRequest.updateMany({
      where: { id: step.requestId, associationId: step.associationId, status: { in: ["NEW", "TAKEN", "CONTACTED"] } },
      data: {
        associationId: to.id,
        status: "NEW",
        volunteerId: null,
        takenAt: null,
        contactBy: null,
        contactedAt: null,
        routedAt: now,
        remindedAt: null,
      },
    });
    if (!count) return { ok: false as const, error: "helpSpace.errors.closed" };
    await recordStep(tx, { ...step, now, kind: "HANDED", note: step.note });
    const request = await tx.helpRequest.findUniqueOrThrow({
      where: { id: step.requestId },
      select: { email: true, locale: true, firstName: true },
    });
    await enqueueMails(tx, [
      {
        to: request.email,
        locale: request.locale,
        template: "help-request-handed" as const,
        data: { firstName: request.firstName, from: from.name, to: to.name },
      },
      ...(await waitingMails(tx, to.id, step.appUrl, false)),
    ]);
    return { ok: true as const };
  });
}

// The association's volunteers are told a request waits for them (nothing of the person in the
// mail: the link opens their space).
async function waitingMails(tx: Tx, associationId: string, appUrl: string, reminder: boolean) {
  const association = await tx.association.findUniqueOrThrow({
    where: { id: associationId },
    select: { slug: true, name: true, volunteers: { select: { user: { select: { email: true, locale: true } } } } },
  });
  return association.volunteers.map(({ user }) => ({
    to: user.email,
    locale: user.locale,
    template: "help-request-waiting" as const,
    data: {
      association: association.name,
      reminder,
      url: `${appUrl}${href("/association/:associationSlug", { associationSlug: association.slug })}`,
    },
  }));
}

export async function tellAssociation(tx: Tx, associationId: string, appUrl: string) {
  await enqueueMails(tx, await waitingMails(tx, associationId, appUrl, false));
}

// Requests left waiting 48 hours without a volunteer: their association's volunteers are
// reminded once.
export async function remindWaitingRequests(client: Db, appUrl: string, now = new Date()) {
  const waiting = await client.helpRequest.findMany({
    where: { status: "NEW", remindedAt: null, routedAt: { lt: new Date(now.getTime() - REMIND_AFTER_MS) } },
    select: { id: true, associationId: true },
  });
  const associations = [...new Set(waiting.map((r) => r.associationId))];
  for (const associationId of associations)
    await client.$transaction(async (tx) => {
      const { count } = await tx.helpRequest.updateMany({
        where: {
          id: { in: waiting.filter((r) => r.associationId === associationId).map((r) => r.id) },
          remindedAt: null,
        },
        data: { remindedAt: now },
      });
      if (count) await enqueueMails(tx, await waitingMails(tx, associationId, appUrl, true));
    });
  return waiting.length;
}
