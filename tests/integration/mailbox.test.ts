import jsQR from "jsqr";
import sharp from "sharp";
import { expect, test } from "vitest";
import { mailAsReceived } from "~/infra/mail/templates.server";
import { renderMail } from "~/platform/mail.server";
import { placeOrder } from "~/ticketing/orders.server";
import { freshDatabase } from "../support/database";
import { createOrganisation } from "../support/factories";
import { buyer, orderContext, ticketedEvent } from "../support/tickets";

// The demo mailbox shows a mail as a mail client would: its QR codes in place, its parts listed.
const { prisma: db } = await freshDatabase();
const organisation = await createOrganisation(db);

test("a tickets mail shows its QR codes in place and lists the images and the calendar invite it carries", async () => {
  const { event, free } = await ticketedEvent(db, organisation.id);
  const placed = await placeOrder(
    db,
    event.id,
    buyer({ [free.id]: 2 }, { email: "boite@exemple.fr" }),
    "fr",
    orderContext,
  );
  if (!placed.ok) throw new Error(placed.error);
  const mail = await db.outboxMessage.findFirstOrThrow({ where: { to: "boite@exemple.fr", template: "order" } });
  const rendered = await renderMail("order", "fr", mail.data);
  expect(rendered.html).toContain('src="cid:ticket-0@rebond"');

  const shown = mailAsReceived(rendered);
  expect(shown.html).not.toContain("cid:");
  expect(shown.parts.map((p) => [p.filename, p.type])).toEqual([
    ["billet-1.png", "image/png"],
    ["billet-2.png", "image/png"],
    ["invitation.ics", "text/calendar"],
  ]);
  // The image in the page is the ticket's QR code, readable as the mail's.
  const first = /src="data:image\/png;base64,([^"]+)"/.exec(shown.html)![1]!;
  const { data, info } = await sharp(Buffer.from(first, "base64")).ensureAlpha().raw().toBuffer({
    resolveWithObject: true,
  });
  const secret = (
    await db.ticket.findFirstOrThrow({ where: { orderId: placed.orderId }, orderBy: { createdAt: "asc" } })
  ).secret;
  expect(jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data).toBe(secret);
  const invite = Buffer.from(shown.parts[2]!.url.split(",")[1]!, "base64").toString();
  expect(invite).toContain("BEGIN:VEVENT");
});

test("a mail without parts is shown as it is, with nothing listed", async () => {
  const rendered = await renderMail("login-link", "fr", { url: "https://rebond.test/connexion/lien?t=x", minutes: 15 });
  expect(mailAsReceived(rendered)).toEqual({ html: rendered.html, parts: [] });
});
