import { expect, test } from "vitest";
import { inviteToEvent, inviteToOrganisation, removeMembership, rolesOf } from "~/team/team.server";
import { freshDatabase } from "../support/database";
import { createEvent, createOrganisation, createOrganiser } from "../support/factories";

const { prisma: db } = await freshDatabase();
const inviter = { name: "Claire Dumas", email: "claire@exemple.fr" };
const appUrl = "https://rebond.test";

test("inviting a reviewer creates their account, their role and one invitation e-mail", async () => {
  const org = await createOrganisation(db);
  const event = await createEvent(db, org.id, {
    titleFr: "Conférence du rebond — Rennes",
    titleEn: "Bounce-back — Rennes",
  });
  const invitee = { email: "relectrice@exemple.fr", name: "Anne Relectrice", locale: "en" as const };
  expect(await inviteToEvent(db, { eventId: event.id, inviter, invitee, role: "REVIEWER", appUrl })).toEqual({
    status: "invited",
  });
  const user = await db.user.findUniqueOrThrow({ where: { email: "relectrice@exemple.fr" } });
  expect(user).toMatchObject({ name: "Anne Relectrice", locale: "en" });
  expect(await rolesOf(db, user.id)).toMatchObject({ eventRoles: [{ role: "REVIEWER", event: { slug: event.slug } }] });
  const mails = await db.outboxMessage.findMany({ where: { to: "relectrice@exemple.fr" } });
  expect(mails).toHaveLength(1);
  expect(mails[0]).toMatchObject({ template: "team-invitation", locale: "en" });
  expect(mails[0]!.data).toMatchObject({
    role: "REVIEWER",
    scopeName: "Bounce-back — Rennes",
    inviterName: "Claire Dumas",
  });
  expect((mails[0]!.data as { url: string }).url).toBe(
    `${appUrl}/connexion?email=relectrice%40exemple.fr&redirectTo=%2Fespace`,
  );

  expect(await inviteToEvent(db, { eventId: event.id, inviter, invitee, role: "REVIEWER", appUrl })).toEqual({
    status: "already-member",
  });
  expect(await db.outboxMessage.count({ where: { to: "relectrice@exemple.fr" } })).toBe(1);
});

test("an existing person keeps their name and language when invited", async () => {
  const org = await createOrganisation(db);
  await db.user.create({ data: { email: "deja.la@exemple.fr", name: "Déjà Là", locale: "fr" } });
  await inviteToOrganisation(db, {
    organisationId: org.id,
    inviter,
    invitee: { email: "deja.la@exemple.fr", name: "Autre Nom", locale: "en" },
    role: "ORGANISER",
    appUrl,
  });
  expect(await db.user.findUniqueOrThrow({ where: { email: "deja.la@exemple.fr" } })).toMatchObject({
    name: "Déjà Là",
    locale: "fr",
  });
  expect(await db.outboxMessage.findFirst({ where: { to: "deja.la@exemple.fr" } })).toMatchObject({ locale: "fr" });
});

test("an invitation that cannot be queued leaves no account and no role behind", async () => {
  const org = await createOrganisation(db);
  await expect(
    inviteToOrganisation(db, {
      organisationId: org.id,
      inviter,
      invitee: { email: "fantome@exemple.fr", name: "", locale: "fr" },
      role: "ORGANISER",
      appUrl: "pas-une-url",
    }),
  ).rejects.toThrow();
  expect(await db.user.findUnique({ where: { email: "fantome@exemple.fr" } })).toBeNull();
  expect(await db.membership.count({ where: { organisationId: org.id } })).toBe(0);
});

test("the last owner of an organisation cannot be removed", async () => {
  const org = await createOrganisation(db);
  const owner = await createOrganiser(db, org.id, "OWNER");
  const membership = await db.membership.findFirstOrThrow({ where: { organisationId: org.id, userId: owner.id } });
  expect(await removeMembership(db, org.id, membership.id)).toEqual({ ok: false, reason: "errors.lastOwner" });
  const second = await createOrganiser(db, org.id, "OWNER");
  expect(await removeMembership(db, org.id, membership.id)).toEqual({ ok: true });
  expect(await db.membership.findMany({ where: { organisationId: org.id }, select: { userId: true } })).toEqual([
    { userId: second.id },
  ]);
});

test("a membership of another organisation cannot be removed through this one", async () => {
  const org = await createOrganisation(db);
  const other = await createOrganisation(db);
  const member = await createOrganiser(db, other.id);
  const membership = await db.membership.findFirstOrThrow({ where: { userId: member.id } });
  expect(await removeMembership(db, org.id, membership.id)).toEqual({ ok: false, reason: "errors.notFound" });
});
