import { expect, test } from "vitest";
import { action } from "~/routes/organiser/call-settings";
import { eventBackOfficeAction, freshDatabaseForActions, signedInCookie } from "../support/actions";
import { agendaEvent } from "../support/agenda";
import { createOrganisation, createOrganiser } from "../support/factories";

// The call settings page's format editor, reached through the event back office's middleware.
const db = await freshDatabaseForActions();
const organisation = await createOrganisation(db);
const organiser = await createOrganiser(db, organisation.id);
const cookie = await signedInCookie(db, organiser.id);

type Reply = { intent: unknown; target?: string; result?: { error?: Record<string, string[] | null> }; error: string };
const post = async (eventSlug: string, fields: Record<string, string>) => {
  const { status, body } = await eventBackOfficeAction(action, { eventSlug, path: "/appel", cookie, fields });
  return { status, body: body as Reply };
};

test("a format's duration and deadline are corrected in place, the deadline read in the event's zone", async () => {
  const { event, format } = await agendaEvent(db, organisation.id);
  const { status, body } = await post(event.slug, {
    intent: "edit-format",
    id: format.id,
    nameFr: "Récit d'échec (long)",
    nameEn: "Failure story (long)",
    minutes: "15",
    deadline: "2027-02-01T23:59",
  });
  expect(status).toBe(200);
  expect(body).toMatchObject({ intent: "edit-format", target: format.id, error: null });
  const saved = await db.talkFormat.findUniqueOrThrow({ where: { id: format.id } });
  expect(saved).toMatchObject({ nameFr: "Récit d'échec (long)", minutes: 15 });
  // 23:59 in Paris in February is 22:59 UTC.
  expect(saved.deadline?.toISOString()).toBe("2027-02-01T22:59:00.000Z");
});

test("an impossible duration, or another event's format, is refused and changes nothing", async () => {
  const { event, format } = await agendaEvent(db, organisation.id);
  const other = await agendaEvent(db, organisation.id);
  const fields = { intent: "edit-format", nameFr: "Flash", nameEn: "Flash", minutes: "5" };
  const bad = await post(event.slug, { ...fields, id: format.id, minutes: "0" });
  expect(bad.status).toBe(400);
  expect(bad.body.result?.error?.minutes).toEqual(["errors.minutes"]);
  const theirs = await post(event.slug, { ...fields, id: other.format.id });
  expect(theirs).toMatchObject({ status: 400, body: { error: "errors.notFound" } });
  expect((await db.talkFormat.findUniqueOrThrow({ where: { id: format.id } })).minutes).toBe(12);
  expect((await db.talkFormat.findUniqueOrThrow({ where: { id: other.format.id } })).nameFr).toBe("Récit d'échec");
});
