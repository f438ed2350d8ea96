import { href } from "react-router";
import type { Db, Tx } from "~/infra/db/client.server";
import { type Locale, localized } from "~/infra/i18n/i18n";
import { enqueueMail } from "~/platform/mail.server";
import { organisationRole, type TeamAccess } from "./membership.server";

type Invitee = { email: string; name: string; locale: Locale };
type Inviter = { name: string; email: string };
type MailRole = "OWNER" | "ORGANISER" | "REVIEWER" | "CHECK_IN" | "PARTNER" | "VOLUNTEER";
export type InviteResult = { status: "invited" | "already-member" };

// The invitee gets an account at once (so the role is theirs before they ever sign in) and an
// e-mail that sends them to the passwordless sign-in page with their address filled in.
async function ensureUser(tx: Tx, invitee: Invitee) {
  return tx.user.upsert({
    where: { email: invitee.email },
    create: { email: invitee.email, name: invitee.name, locale: invitee.locale },
    update: {},
    select: { id: true, locale: true },
  });
}

async function sendInvitation(
  tx: Tx,
  input: {
    to: string;
    locale: Locale;
    inviter: Inviter;
    role: MailRole;
    scopeName: string;
    redirectTo: string;
    appUrl: string;
  },
) {
  await enqueueMail(tx, {
    to: input.to,
    locale: input.locale,
    template: "team-invitation",
    data: {
      inviterName: input.inviter.name || input.inviter.email,
      role: input.role,
      scopeName: input.scopeName,
      url: `${input.appUrl}${href("/connexion")}?${new URLSearchParams({ email: input.to, redirectTo: input.redirectTo })}`,
    },
  });
}

export async function inviteToOrganisation(
  client: Db,
  input: {
    organisationId: string;
    inviter: Inviter;
    invitee: Invitee;
    role: "OWNER" | "ORGANISER";
    // An organiser of that chapter only (checked by chapterFor); null: the national team.
    chapterId?: string | null;
    appUrl: string;
  },
): Promise<InviteResult> {
  return client.$transaction(async (tx) => {
    const organisation = await tx.organisation.findUniqueOrThrow({
      where: { id: input.organisationId },
      select: { name: true, chapters: { where: { id: input.chapterId ?? "" }, select: { name: true } } },
    });
    const user = await ensureUser(tx, input.invitee);
    if (await organisationRole(tx, input.organisationId, user.id)) return { status: "already-member" as const };
    const chapterId = input.role === "OWNER" ? null : (input.chapterId ?? null);
    await tx.membership.create({
      data: { organisationId: input.organisationId, userId: user.id, role: input.role, chapterId },
    });
    const chapter = chapterId ? organisation.chapters[0]?.name : undefined;
    await sendInvitation(tx, {
      ...input,
      to: input.invitee.email,
      locale: user.locale,
      scopeName: chapter ? `${organisation.name} — ${chapter}` : organisation.name,
      redirectTo: href("/organisateur"),
    });
    return { status: "invited" as const };
  });
}

export async function inviteToEvent(
  client: Db,
  input: {
    eventId: string;
    inviter: Inviter;
    invitee: Invitee;
    role: "REVIEWER" | "CHECK_IN" | "PARTNER";
    appUrl: string;
  },
): Promise<InviteResult> {
  return client.$transaction(async (tx) => {
    const event = await tx.event.findUniqueOrThrow({
      where: { id: input.eventId },
      select: { slug: true, titleFr: true, titleEn: true },
    });
    const user = await ensureUser(tx, input.invitee);
    const key = { eventId: input.eventId, userId: user.id, role: input.role };
    const existing = await tx.eventRole.findUnique({ where: { eventId_userId_role: key }, select: { id: true } });
    if (existing) return { status: "already-member" as const };
    await tx.eventRole.create({ data: key });
    const scopeName = localized(event, "title", user.locale);
    await sendInvitation(tx, {
      ...input,
      to: input.invitee.email,
      locale: user.locale,
      scopeName,
      redirectTo: href("/espace"),
    });
    return { status: "invited" as const };
  });
}

// A volunteer of an association of the portail du rebond: the association's first, brought by the
// network as it adds the association, or the next ones, by its volunteers. Inside the caller's
// transaction (the association may be new in it).
export async function inviteToAssociation(
  tx: Tx,
  input: {
    association: { id: string; slug: string; name: string };
    inviter: Inviter;
    invitee: Invitee;
    appUrl: string;
  },
): Promise<InviteResult> {
  const user = await ensureUser(tx, input.invitee);
  const key = { associationId: input.association.id, userId: user.id };
  const existing = await tx.associationMember.findUnique({
    where: { associationId_userId: key },
    select: { id: true },
  });
  if (existing) return { status: "already-member" };
  await tx.associationMember.create({ data: key });
  await sendInvitation(tx, {
    ...input,
    to: input.invitee.email,
    locale: user.locale,
    role: "VOLUNTEER",
    scopeName: input.association.name,
    redirectTo: href("/association/:associationSlug", { associationSlug: input.association.slug }),
  });
  return { status: "invited" };
}

// The organisation's team as a member sees it: all of it for the national team, their own
// chapter's for a chapter organiser.
export async function organisationTeam(client: Db, access: TeamAccess) {
  return client.membership.findMany({
    where: {
      organisationId: access.organisationId,
      ...(access.chapterId === null ? {} : { chapterId: access.chapterId }),
    },
    orderBy: [{ role: "asc" }, { chapter: { name: "asc" } }, { user: { name: "asc" } }],
    select: {
      id: true,
      role: true,
      chapter: { select: { name: true } },
      user: { select: { name: true, email: true } },
    },
  });
}

export async function eventTeam(client: Db, eventId: string) {
  return client.eventRole.findMany({
    where: { eventId },
    orderBy: [{ role: "asc" }, { user: { name: "asc" } }],
    select: { id: true, role: true, user: { select: { name: true, email: true } } },
  });
}

export async function removeEventRole(client: Db, eventId: string, roleId: string) {
  const removed = await client.eventRole.deleteMany({ where: { id: roleId, eventId } });
  return removed.count === 1;
}

// An organisation always keeps at least one owner. Locking the organisation's row makes two
// removals at once take turns, so each counts the owners the other left.
export async function removeMembership(client: Db, organisationId: string, membershipId: string) {
  return client.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "Organisation" WHERE "id" = ${organisationId} FOR UPDATE`;
    const membership = await tx.membership.findFirst({
      where: { id: membershipId, organisationId },
      select: { role: true },
    });
    if (!membership) return { ok: false as const, reason: "errors.notFound" };
    if (membership.role === "OWNER") {
      const owners = await tx.membership.count({ where: { organisationId, role: "OWNER" } });
      if (owners <= 1) return { ok: false as const, reason: "errors.lastOwner" };
    }
    await tx.membership.delete({ where: { id: membershipId } });
    return { ok: true as const };
  });
}

// What a person can reach from "my space": their organisations and their roles per event.
export async function rolesOf(client: Db, userId: string) {
  const [memberships, eventRoles] = await Promise.all([
    client.membership.findMany({
      where: { userId },
      select: { role: true, organisation: { select: { slug: true, name: true } } },
    }),
    client.eventRole.findMany({
      where: { userId },
      orderBy: { event: { startsAt: "asc" } },
      select: {
        role: true,
        event: { select: { slug: true, titleFr: true, titleEn: true, startsAt: true, timeZone: true } },
      },
    }),
  ]);
  return { memberships, eventRoles };
}
