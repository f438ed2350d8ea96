import { expect, test } from "vitest";
import { askForHelp, deleteRequest, followedRequest, withdrawRequest } from "~/help/requests.server";
import { helpRequestSchema } from "~/help/answers";
import { mailboxMessages } from "~/infra/mail/outbox.server";
import { confidentialTemplates } from "~/platform/mail.server";
import { action } from "~/routes/help/ask";
import { freshDatabaseForActions, routeAction } from "../support/actions";
import { helpNetwork } from "../support/help";

// A request for help (app/help/requests.server.ts): routed and stored with its follow-up link
// mailed, the link's secret kept hashed; withdrawn, it keeps no word of the person; deleted,
// nothing. Bad input is a sentence and stores nothing; the demo mailbox never lists these mails.
const db = await freshDatabaseForActions();
const { network, association: souffle } = await helpNetwork(db, {
  slug: "second-souffle-test",
  name: "Second souffle",
  departments: ["59"],
});
const form = {
  companyActive: "no",
  procedure: "LIQUIDATION",
  since: "UNDER_3_MONTHS",
  needs: ["MORAL", "PEER"],
  department: "59",
  companySize: "",
  sector: "",
  firstName: "Karine",
  email: "Karine@Exemple.fr",
  phone: "06 12 34 56 78",
  contactWay: "PHONE",
  contactWhen: "",
  message: "Le tribunal a prononcé la liquidation lundi.",
  consent: "on",
};
const answers = helpRequestSchema.parse(form);
const ask = (clientAddress?: string) =>
  askForHelp(db, { organisationId: network.id, answers, locale: "fr", appUrl: "http://x", clientAddress });

test("a request is routed, stored with its link's hash only, and its follow-up link mailed", async () => {
  const asked = await ask();
  if (!asked.ok) throw new Error(asked.error);
  const stored = await db.helpRequest.findFirstOrThrow({ where: { organisationId: network.id } });
  expect(stored).toMatchObject({
    associationId: souffle.id,
    status: "NEW",
    email: "karine@exemple.fr",
    needs: ["MORAL", "PEER"],
    reasonFr: "Second souffle, parce que : pour vous écouter, Nord",
  });
  expect(stored.tokenHash).not.toContain(asked.token);
  expect(JSON.stringify(stored)).not.toContain(asked.token);
  const mail = await db.outboxMessage.findFirstOrThrow({ where: { template: "help-request-received" } });
  expect(mail.to).toBe("karine@exemple.fr");
  expect((mail.data as { url: string }).url).toBe(`http://x/aide/suivi/${asked.token}`);
  expect(await followedRequest(db, asked.token)).toMatchObject({
    status: "NEW",
    association: { name: "Second souffle" },
  });
  expect(await followedRequest(db, "not-a-token")).toBeNull();
  // The demo mailbox does not list it.
  expect((await mailboxMessages(db, confidentialTemplates)).map((m) => m.template)).not.toContain(
    "help-request-received",
  );
});

test("withdrawn, a request keeps no word of the person; deleted, nothing of it remains", async () => {
  const asked = await ask();
  if (!asked.ok) throw new Error(asked.error);
  expect(await withdrawRequest(db, asked.token)).toBe(true);
  expect(await withdrawRequest(db, asked.token)).toBe(false);
  const withdrawn = await db.helpRequest.findFirstOrThrow({ where: { status: "WITHDRAWN" } });
  expect(withdrawn).toMatchObject({ firstName: "", email: "", phone: "", message: "", procedure: "LIQUIDATION" });
  expect(await deleteRequest(db, asked.token)).toBe(true);
  expect(await followedRequest(db, asked.token)).toBeNull();
  expect(await db.helpRequest.count({ where: { status: "WITHDRAWN" } })).toBe(0);
});

test("one connection sends a few requests an hour, not a flood", async () => {
  for (let i = 0; i < 5; i++) expect((await ask("203.0.113.9")).ok).toBe(true);
  expect(await ask("203.0.113.9")).toEqual({ ok: false, error: "help.errors.tooMany" });
  expect((await ask("203.0.113.10")).ok).toBe(true);
});

test("bad input is a sentence on its field and stores nothing", async () => {
  const before = await db.helpRequest.count();
  const cases: [Record<string, string | string[]>, string, string][] = [
    [{ ...form, needs: [] }, "needs", "help.errors.needs"],
    [{ ...form, needs: ["MORAL", "FORGED"] }, "needs", "help.errors.badChoice"],
    [{ ...form, department: "999" }, "department", "help.errors.department"],
    [{ ...form, procedure: "FAILLITE" }, "procedure", "help.errors.procedure"],
    [{ ...form, consent: "" }, "consent", "help.errors.consent"],
    [{ ...form, email: "karine" }, "email", "help.errors.email"],
    [{ ...form, phone: "" }, "phone", "help.errors.phoneNeeded"],
    [{ ...form, message: "x".repeat(2001) }, "message", "help.errors.tooLong"],
    [{ ...form, firstName: " " }, "firstName", "help.errors.firstName"],
  ];
  for (const [fields, field, error] of cases) {
    const answer = await routeAction(action, { path: "/aide", params: {}, fields });
    expect(answer.status, field).toBe(400);
    expect((answer.body as { result: { error: Record<string, string[]> } }).result.error[field]).toEqual([error]);
  }
  // Everything optional left out, by e-mail: accepted.
  const {
    phone: _phone,
    since: _since,
    companySize: _size,
    sector: _sector,
    contactWhen: _when,
    message: _message,
    ...least
  } = form;
  const sent = await routeAction(action, { path: "/aide", params: {}, fields: { ...least, contactWay: "EMAIL" } });
  expect(sent.status).toBe(302);
  expect(sent.location).toMatch(/^\/aide\/suivi\/[\w-]+\?envoyee$/);
  expect(await db.helpRequest.count()).toBe(before + 1);
});
