import { expect, test } from "vitest";
import { helpPortalUrl } from "~/help/portal.server";
import { renderMail } from "~/platform/mail.server";
import { freshDatabase } from "../support/database";
import { helpNetwork } from "../support/help";

// The footer of an event's mails points to the portail du rebond when the network has one
// (emails/layout.tsx, app/platform/mail.server.ts); the other mails (a sign-in link) do not.
const { prisma: db } = await freshDatabase();
const survey = {
  title: "Votre avis sur la Conférence du rebond",
  name: "Nadia",
  url: "https://rebond.example/sondage/x",
};

test("an instance without a portal says nothing of it, and knows within a minute once it has one", async () => {
  const start = Date.now() + 3_600_000;
  expect(await helpPortalUrl(db, "https://rebond.example", start)).toBeNull();
  await helpNetwork(db, { slug: "second-souffle-footer", name: "Second souffle" });
  expect(await helpPortalUrl(db, "https://rebond.example", start + 1_000)).toBeNull();
  expect(await helpPortalUrl(db, "https://rebond.example", start + 61_000)).toBe("https://rebond.example/aide");
});

test("a mail rendered with no database to ask (a template's check) has no portal line", async () => {
  expect((await renderMail("survey-invitation", "fr", survey)).text).not.toContain("portail du rebond");
});

test("an event's mail carries the portal's line in its footer, in the reader's language; a sign-in mail does not", async () => {
  const french = await renderMail("survey-invitation", "fr", survey, db);
  expect(french.text).toContain("Des associations bénévoles aident, gratuitement et en toute confidentialité");
  expect(french.html).toMatch(/href="http:\/\/[^"]+\/aide"/);
  const english = await renderMail("survey-invitation", "en", survey, db);
  expect(english.text).toContain("Volunteer associations help, free and in confidence");
  const signIn = await renderMail(
    "login-link",
    "fr",
    { url: "https://rebond.example/connexion/lien/x", minutes: 15 },
    db,
  );
  expect(signIn.text).not.toContain("portail du rebond");
});
