import { expect, test } from "vitest";
import { action } from "~/routes/organiser/organisation-new";
import { freshDatabaseForActions, routeAction, signedInCookie } from "../support/actions";
import { createUser } from "../support/factories";

// Anyone signed in founds an organisation and becomes its owner; it is named from its name,
// numbered when taken; a bad form changes nothing.
const db = await freshDatabaseForActions();
const post = (cookie: string, fields: Record<string, string>) =>
  routeAction(action, { path: "/organisateur/organisations/nouvelle", params: {}, fields, cookie });

test("someone signed in founds an organisation and is its only owner; a second of the same name is numbered", async () => {
  const founder = await createUser(db);
  const cookie = await signedInCookie(db, founder.id);
  const name = `Rebond Côte d'Azur ${Date.now()}`;
  const first = await post(cookie, { name, description: "Soirées à Nice", timeZone: "Europe/Paris" });
  expect(first.status).toBe(302);
  const slug = first.location!.match(/organisations\/([^/]+)\/equipe\?nouvelle=1$/)![1]!;
  expect(slug).toMatch(/^rebond-cote-d-azur-\d+$/);
  const organisation = await db.organisation.findUniqueOrThrow({
    where: { slug },
    include: { memberships: true },
  });
  expect(organisation).toMatchObject({ name, description: "Soirées à Nice", timeZone: "Europe/Paris" });
  expect(organisation.memberships.map((m) => [m.userId, m.role])).toEqual([[founder.id, "OWNER"]]);

  const second = await post(cookie, { name, timeZone: "Europe/Paris" });
  expect(second.location).toContain(`/organisations/${slug}-2/equipe`);
});

test("a bad form is refused with its field's message and founds nothing; signed out, nothing either", async () => {
  const cookie = await signedInCookie(db, (await createUser(db)).id);
  const before = await db.organisation.count();
  const noName = await post(cookie, { name: " ", timeZone: "Europe/Paris" });
  expect(noName.status).toBe(400);
  expect(JSON.stringify(noName.body)).toContain("errors.tooShort");
  const badZone = await post(cookie, { name: "Rebond Lune", timeZone: "Mars/Olympus" });
  expect(JSON.stringify(badZone.body)).toContain("errors.timeZone");
  // Signed out: sent to sign in, before anything is read.
  await expect(
    routeAction(action, {
      path: "/organisateur/organisations/nouvelle",
      params: {},
      fields: { name: "Rebond anonyme", timeZone: "Europe/Paris" },
    }),
  ).rejects.toMatchObject({ status: 302 });
  expect(await db.organisation.count()).toBe(before);
});
