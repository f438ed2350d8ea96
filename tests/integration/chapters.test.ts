import { expect, test } from "vitest";
import { segmentSchema } from "~/campaigns/campaign-form";
import { resolveSegment, segmentChoices } from "~/campaigns/segments.server";
import { confirmImport, createImport, findImport, importReport } from "~/contacts/contact-import.server";
import { contactsCsv, deleteContact, listContacts, organisationContact, saveContact } from "~/contacts/contacts.server";
import { createEvent as createEventFromForm, seasonEvents } from "~/events/events.server";
import { organisationSeries, createSeries } from "~/series/series.server";
import { chapterFor, organisationChapters, saveChapter, teamChoices } from "~/team/chapters.server";
import { reaches, teamAccess, type TeamAccess } from "~/team/membership.server";
import { inviteToOrganisation, organisationTeam } from "~/team/team.server";
import { freshDatabase } from "../support/database";
import { createEvent, createOrganisation, createUser, eventForm, nationalTeam } from "../support/factories";

// Chapters (docs/decisions/040-chapters.md): a chapter organiser manages only the chapter's
// events, series, contacts and campaigns; the national team manages all; contacts are read by
// another chapter only once they agreed to be shared.
const { prisma: db } = await freshDatabase();
const organisation = await createOrganisation(db, { name: "Réseau Rebond" });
const other = await createOrganisation(db, { name: "Autre réseau" });
await saveChapter(db, organisation.id, {
  intent: "add-chapter",
  name: "Auvergne-Rhône-Alpes",
  regions: ["Auvergne-Rhône-Alpes", "69"],
});
await saveChapter(db, organisation.id, { intent: "add-chapter", name: "Île-de-France", regions: ["Île-de-France"] });
await saveChapter(db, other.id, { intent: "add-chapter", name: "Bretagne", regions: ["Bretagne"] });
const [aura, idf] = await organisationChapters(db, organisation.id);
const [bretagne] = await organisationChapters(db, other.id);
const national = nationalTeam(organisation.id);
const lyon: TeamAccess = { organisationId: organisation.id, role: "ORGANISER", chapterId: aura!.id };
const paris: TeamAccess = { organisationId: organisation.id, role: "ORGANISER", chapterId: idf!.id };
const lyonEvent = await createEvent(db, organisation.id, { chapterId: aura!.id });
const parisEvent = await createEvent(db, organisation.id, { chapterId: idf!.id });
const nationalEvent = await createEvent(db, organisation.id);

const contact = (email: string, tags: string[], shared = false) => ({
  email,
  firstName: email.split("@")[0]!,
  lastName: "",
  locale: "fr" as const,
  tags: tags.join(", "),
  consentSource: "Salon 2026",
  shared,
});
await saveContact(db, lyon, contact("aurelie@exemple.fr", ["entrepreneur"]));
const banker = await saveContact(db, lyon, contact("bruno@banque.fr", ["partenaire"], true));
const parisian = await saveContact(db, paris, contact("nadia@exemple.fr", ["entrepreneur"]));
const headOffice = await saveContact(db, national, contact("claire@reseau.fr", ["entrepreneur"]));

test("a chapter organiser reaches the chapter's events and series; the national team reaches all", async () => {
  expect(reaches(lyon, aura!.id)).toBe(true);
  expect(reaches(lyon, idf!.id)).toBe(false);
  expect(reaches(lyon, null)).toBe(false);
  expect(reaches(national, idf!.id)).toBe(true);
  expect(reaches(national, null)).toBe(true);
  expect(reaches(null, null)).toBe(false);
  const slugs = async (team: TeamAccess) => (await seasonEvents(db, [team])).map((e) => e.slug).sort();
  expect(await slugs(lyon)).toEqual([lyonEvent.slug]);
  expect(await slugs(national)).toEqual([lyonEvent.slug, parisEvent.slug, nationalEvent.slug].sort());
  const series = {
    titleFr: "Bistrot lyonnais",
    titleEn: "Lyon bistrot",
    descriptionFr: "",
    descriptionEn: "",
    timeZone: "Europe/Paris",
    weekdays: [2],
    startTimes: ["08:30"],
    durationMinutes: 40,
    startsOn: "2027-01-05",
    endsOn: "2027-01-26",
    meetingUrl: "https://visio.exemple.fr/bistrot",
  };
  await createSeries(db, organisation.id, { ...series, slug: "bistrot-lyon" }, aura!.id);
  await createSeries(db, organisation.id, { ...series, slug: "bistrot-national" });
  expect((await organisationSeries(db, [lyon])).map((s) => s.slug)).toEqual(["bistrot-lyon"]);
  expect((await organisationSeries(db, [paris])).map((s) => s.slug)).toEqual([]);
  expect((await organisationSeries(db, [national])).length).toBe(2);
});

test("what a chapter creates goes to its own chapter; the national team picks one of the organisation's", async () => {
  expect(await chapterFor(db, lyon, idf!.id)).toEqual({ ok: true, chapterId: aura!.id });
  expect(await chapterFor(db, lyon, null)).toEqual({ ok: true, chapterId: aura!.id });
  expect(await chapterFor(db, national, idf!.id)).toEqual({ ok: true, chapterId: idf!.id });
  expect(await chapterFor(db, national, null)).toEqual({ ok: true, chapterId: null });
  // Another organisation's chapter, sent in a form, is refused.
  expect(await chapterFor(db, national, bretagne!.id)).toEqual({ ok: false, error: "chapters.errors.unknown" });
  const created = await createEventFromForm(
    db,
    { ...eventForm(organisation.id), region: null, onlineUrl: null },
    aura!.id,
  );
  expect(created.ok).toBe(true);
  const event = await db.event.findUniqueOrThrow({ where: { slug: created.ok ? created.slug : "" } });
  expect(event).toMatchObject({ chapterId: aura!.id, region: "Auvergne-Rhône-Alpes" });
  expect(await saveChapter(db, organisation.id, { intent: "add-chapter", name: "Île-de-France", regions: [] })).toEqual(
    {
      ok: false,
      error: "chapters.errors.nameTaken",
    },
  );
  // Renaming another organisation's chapter through this organisation does nothing.
  expect(
    await saveChapter(db, organisation.id, { intent: "edit-chapter", id: bretagne!.id, name: "Volé", regions: [] }),
  ).toEqual({ ok: false, error: "errors.notFound" });
  const choices = await teamChoices(db, [{ ...lyon, name: "Réseau Rebond" }]);
  expect(choices).toEqual([
    {
      organisationId: organisation.id,
      organisationName: "Réseau Rebond",
      national: false,
      chapters: [{ id: aura!.id, name: aura!.name }],
    },
  ]);
});

test("an organiser invited to a chapter is on its team; an owner is always national", async () => {
  const inviter = { name: "Claire", email: "claire@reseau.fr" };
  const invitee = (email: string) => ({ email, name: "", locale: "fr" as const });
  await inviteToOrganisation(db, {
    organisationId: organisation.id,
    inviter,
    invitee: invitee("julie@exemple.fr"),
    role: "ORGANISER",
    chapterId: aura!.id,
    appUrl: "http://x",
  });
  await inviteToOrganisation(db, {
    organisationId: organisation.id,
    inviter,
    invitee: invitee("owner@exemple.fr"),
    role: "OWNER",
    chapterId: aura!.id,
    appUrl: "http://x",
  });
  const julie = await db.user.findUniqueOrThrow({ where: { email: "julie@exemple.fr" } });
  const owner = await db.user.findUniqueOrThrow({ where: { email: "owner@exemple.fr" } });
  expect(await teamAccess(db, organisation.id, julie.id)).toEqual(lyon);
  expect(await teamAccess(db, organisation.id, owner.id)).toEqual({
    organisationId: organisation.id,
    role: "OWNER",
    chapterId: null,
  });
  expect(await teamAccess(db, other.id, julie.id)).toBeNull();
  const mail = await db.outboxMessage.findFirstOrThrow({ where: { to: "julie@exemple.fr" } });
  expect(JSON.stringify(mail.data)).toContain("Réseau Rebond — Auvergne-Rhône-Alpes");
  expect((await organisationTeam(db, lyon)).map((m) => m.chapter?.name)).toEqual(["Auvergne-Rhône-Alpes"]);
  expect((await organisationTeam(db, national)).length).toBe(2);
});

test("a chapter reads its contacts and those shared with the network, and changes only its own", async () => {
  const emails = async (team: TeamAccess) => (await listContacts(db, team, {})).contacts.map((c) => c.email).sort();
  expect(await emails(lyon)).toEqual(["aurelie@exemple.fr", "bruno@banque.fr", "claire@reseau.fr"]);
  expect(await emails(paris)).toEqual(["bruno@banque.fr", "claire@reseau.fr", "nadia@exemple.fr"]);
  expect(await emails(national)).toEqual([
    "aurelie@exemple.fr",
    "bruno@banque.fr",
    "claire@reseau.fr",
    "nadia@exemple.fr",
  ]);
  expect((await listContacts(db, lyon, {})).tags).toEqual([
    { tag: "entrepreneur", count: 2 },
    { tag: "partenaire", count: 1 },
  ]);
  // Through an id in the address bar or a form: nothing of another chapter's is read or changed.
  expect(await organisationContact(db, lyon, parisian.id!)).toMatchObject({ readable: false });
  expect(await organisationContact(db, paris, banker.id!)).toMatchObject({ readable: true });
  expect(await organisationContact(db, lyon, headOffice.id!)).toMatchObject({ readable: true });
  expect(await organisationContact(db, nationalTeam(other.id), parisian.id!)).toBeNull();
  expect(await saveContact(db, paris, contact("bruno@banque.fr", ["volé"]), banker.id!)).toMatchObject({
    ok: false,
    error: "contacts.errors.otherTeam",
  });
  expect(await deleteContact(db, lyon, parisian.id!)).toBe(false);
  expect(await deleteContact(db, lyon, headOffice.id!)).toBe(false);
  expect(await db.contact.count({ where: { organisationId: organisation.id } })).toBe(4);
  const csv = await contactsCsv(db, lyon, ["email"]);
  expect(csv).toContain("aurelie@exemple.fr");
  expect(csv).not.toContain("nadia@exemple.fr");
  // Withdrawn consent to share: the other chapters no longer read them.
  await saveContact(db, lyon, contact("bruno@banque.fr", ["partenaire"], false), banker.id!);
  expect(await emails(paris)).toEqual(["claire@reseau.fr", "nadia@exemple.fr"]);
  await saveContact(db, lyon, contact("bruno@banque.fr", ["partenaire"], true), banker.id!);
});

test("a chapter's import adds the chapter's contacts and leaves another chapter's as they were", async () => {
  const user = await createUser(db);
  const created = await createImport(db, {
    team: lyon,
    userId: user.id,
    filename: "salon.csv",
    bytes: new TextEncoder().encode(
      "email;prenom;tags\nnadia@exemple.fr;Nadia-Volée;lyon\nmarc@exemple.fr;Marc;lyon\n",
    ),
  });
  if (!created.ok) throw new Error("import refused");
  expect(await findImport(db, paris, created.id)).toBeNull();
  const found = (await findImport(db, lyon, created.id))!;
  const report = await importReport(db, found, found.rows, {
    columns: ["email", "firstName", "tags"],
    extraTags: "",
    consentSource: "Salon Lyon",
  });
  // Nadia is Paris's: neither new nor completed by Lyon's import.
  expect([report.newCount, report.updateCount, report.otherTeamCount]).toEqual([1, 0, 1]);
  await confirmImport(db, organisation.id, created.id, report);
  const nadia = await db.contact.findUniqueOrThrow({ where: { id: parisian.id! } });
  expect(nadia).toMatchObject({ firstName: "nadia", chapterId: idf!.id, tags: ["entrepreneur"] });
  const marc = await db.contact.findFirstOrThrow({ where: { email: "marc@exemple.fr" } });
  expect(marc.chapterId).toBe(aura!.id);
});

test("a campaign reaches the people of its event's chapter; another chapter's event in its segment reaches nobody", async () => {
  const audience = (event: { chapterId: string | null }) => ({
    organisationId: organisation.id,
    chapterId: event.chapterId,
  });
  const reached = async (event: { chapterId: string | null }, segment: object) =>
    (await resolveSegment(db, audience(event), segmentSchema.parse(segment))).people.map((p) => p.email).sort();
  // The chapter's own, the network's list (the national team's) and the shared partner.
  expect(await reached(lyonEvent, { tags: ["entrepreneur", "partenaire"] })).toEqual([
    "aurelie@exemple.fr",
    "bruno@banque.fr",
    "claire@reseau.fr",
  ]);
  expect(await reached(parisEvent, { tags: ["entrepreneur", "partenaire"] })).toEqual([
    "bruno@banque.fr",
    "claire@reseau.fr",
    "nadia@exemple.fr",
  ]);
  // A national evening reaches the network's list, not the chapters' own contacts.
  expect(await reached(nationalEvent, { tags: ["entrepreneur"] })).toEqual(["claire@reseau.fr"]);
  await db.order.create({
    data: {
      eventId: parisEvent.id,
      code: "PARIS1",
      email: "acheteur@exemple.fr",
      name: "Acheteur",
      status: "PAID",
      method: "OFFLINE",
      totalCents: 0,
    },
  });
  expect(await reached(parisEvent, { attendeesOf: parisEvent.id })).toEqual(["acheteur@exemple.fr"]);
  expect(await reached(lyonEvent, { attendeesOf: parisEvent.id })).toEqual([]);
  expect(await reached(lyonEvent, { attendeesOf: "past" })).toEqual([]);
  const choices = await segmentChoices(db, audience(lyonEvent));
  expect(choices.events.map((e) => e.id)).not.toContain(parisEvent.id);
  expect(choices.tags).toEqual(["entrepreneur", "lyon", "partenaire"]);
});
