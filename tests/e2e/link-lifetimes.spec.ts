import { signedToken } from "~/infra/signed-token.server";
import { twoInstances } from "./instances";
import { expect, test } from "./support";

// Links sent by mail live as long as what they are for: an order's until eight weeks after its
// event (then its buyer signs in), an invitation's until its event ends, a speaker's
// confirmation until the event starts. Past that, a 410 page says what to do.
const instances = twoInstances("links", [3108, 3109]);
const [base] = instances.bases;

const moveEvent = (eventId: string, weeksAgo: number) =>
  instances.sql(
    `UPDATE "Event" SET "startsAt" = now() - make_interval(weeks => $2::int) - interval '3 hours', "endsAt" = now() - make_interval(weeks => $2::int) WHERE id = $1`,
    [eventId, weeksAgo],
  );

test("an order link stops eight weeks after its event; its buyer, signed in, still sees the order", async ({
  browser,
}) => {
  const [order] = await instances.sql<{ id: string; code: string; email: string; eventId: string }>(
    // An order of an evening still to come (the demo's last edition is long over).
    `SELECT o.id, o.code, o.email, o."eventId" FROM "Order" o JOIN "Event" e ON e.id = o."eventId"
      WHERE o.status = 'PAID' AND e."endsAt" > now() ORDER BY o."createdAt" LIMIT 1`,
  );
  const [before] = await instances.sql<{ startsAt: Date; endsAt: Date }>(
    `SELECT "startsAt", "endsAt" FROM "Event" WHERE id = $1`,
    [order!.eventId],
  );
  const path = `/commande/${signedToken("order", order!.id, instances.secret)}`;
  expect((await fetch(`${base}${path}`)).status).toBe(200);
  await moveEvent(order!.eventId, 7);
  expect((await fetch(`${base}${path}`)).status).toBe(200);
  await moveEvent(order!.eventId, 9);
  const expired = await fetch(`${base}${path}`, { headers: { "Accept-Language": "fr-FR" } });
  expect(expired.status).toBe(410);
  expect(await expired.text()).toContain("Ce lien de commande a expiré");
  expect(
    (
      await fetch(`${base}${path}`, {
        method: "POST",
        body: new URLSearchParams({ intent: "cancel" }),
        headers: { Origin: base },
      })
    ).status,
  ).toBe(410);

  const page = await instances.signedInPage(browser, base, order!.email);
  await page.goto(`${base}${path}`);
  await expect(page.getByRole("heading", { name: `Commande ${order!.code}` })).toBeVisible();
  await page.context().close();
  await instances.sql(`UPDATE "Event" SET "startsAt" = $2, "endsAt" = $3 WHERE id = $1`, [
    order!.eventId,
    before!.startsAt,
    before!.endsAt,
  ]);
});

test("an invitation's link ends with its event, a speaker's confirmation link when the event starts", async ({
  page,
}) => {
  const [recipient] = await instances.sql<{ id: string; eventId: string }>(
    `SELECT r.id, c."eventId" FROM "CampaignRecipient" r JOIN "Campaign" c ON c.id = r."campaignId" JOIN "Event" e ON e.id = c."eventId" WHERE e."endsAt" > now() ORDER BY r.id LIMIT 1`,
  );
  const invitation = `${base}/invitation/${signedToken("invitation", recipient!.id, instances.secret)}`;
  expect((await fetch(invitation)).status).toBe(200);
  await moveEvent(recipient!.eventId, 1);
  expect((await page.goto(invitation))!.status()).toBe(410);
  await expect(page.getByText("Cette invitation concernait un événement qui est terminé.")).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: "Se connecter" })).toBeVisible();

  const [role] = await instances.sql<{ id: string; eventId: string }>(
    `SELECT r.id, s."eventId" FROM "SpeakerRole" r JOIN "Submission" s ON s.id = r."submissionId" JOIN "Event" e ON e.id = s."eventId" WHERE s.state = 'ACCEPTED' AND e."startsAt" > now() ORDER BY r.id LIMIT 1`,
  );
  const confirmation = `${base}/confirmation/${signedToken("confirm", role!.id, instances.secret)}`;
  expect((await fetch(confirmation)).status).toBe(200);
  await instances.sql(`UPDATE "Event" SET "startsAt" = now() - interval '1 hour' WHERE id = $1`, [role!.eventId]);
  expect((await fetch(confirmation)).status).toBe(410);
  const answer = await fetch(confirmation, {
    method: "POST",
    body: new URLSearchParams({ answer: "CONFIRMED" }),
    headers: { Origin: base },
  });
  expect(answer.status).toBe(410);
  expect(
    (
      await instances.sql<{ state: string }>(
        `SELECT s.state FROM "SpeakerRole" r JOIN "Submission" s ON s.id = r."submissionId" WHERE r.id = $1`,
        [role!.id],
      )
    )[0]!.state,
  ).toBe("ACCEPTED");
});
