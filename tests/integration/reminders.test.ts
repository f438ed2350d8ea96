import ICAL from "ical.js";
import { afterAll, expect, test } from "vitest";
import { campaignSkipReason } from "~/campaigns/campaigns.server";
import { queueDueReminders, reminderDueAt } from "~/notices/reminders.server";
import { cancelEvent, updateEvent } from "~/platform/event-changes.server";
import { smtpTransport } from "~/infra/mail/worker.server";
import { OutboxWorker } from "~/platform/outbox-worker.server";
import { freshDatabase } from "../support/database";
import { createEvent, createOrganisation, createUser, eventForm } from "../support/factories";
import { startSmtpServer } from "../fakes/smtp-server";

const connection = await freshDatabase();
const db = connection.prisma;
const smtp = await startSmtpServer();
const worker = new OutboxWorker(db, smtpTransport(smtp.url), {
  from: "Rebond <bonjour@rebond.test>",
  skipReason: (m) => campaignSkipReason(db, m.campaignId!, m.to),
});
afterAll(async () => {
  await worker.stop();
  await smtp.close();
});
const context = { appUrl: "https://rebond.test", secret: "s".repeat(32) };
const organisation = await createOrganisation(db);

async function drain() {
  while ((await worker.runOnce()) > 0);
}
const mailsTo = (email: string) => smtp.received.filter((m) => m.to.includes(email));
const vevent = (ics: string) => {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return {
    method: calendar.getFirstPropertyValue("method"),
    event: new ICAL.Event(calendar.getFirstSubcomponent("vevent")!),
    raw: calendar.getFirstSubcomponent("vevent")!,
  };
};

async function attendee(eventId: string, email: string, paidAt: Date) {
  await db.order.create({
    data: {
      eventId,
      code: email.slice(0, 6).toUpperCase(),
      email,
      name: "Lina Moreau",
      status: "PAID",
      method: "FREE",
      totalCents: 0,
      paidAt,
    },
  });
}

test("J-7 and J-1 keep the time of day across the change to summer time in Europe/Paris; H-2 is two hours", () => {
  // Sunday 28 March 2027, 18:30 in Paris (summer time began that night at 02:00).
  const startsAt = new Date("2027-03-28T16:30:00Z");
  expect(reminderDueAt(startsAt, "Europe/Paris", "7d").toISOString()).toBe("2027-03-21T17:30:00.000Z");
  expect(reminderDueAt(startsAt, "Europe/Paris", "1d").toISOString()).toBe("2027-03-27T17:30:00.000Z");
  expect(reminderDueAt(startsAt, "Europe/Paris", "2h").toISOString()).toBe("2027-03-28T14:30:00.000Z");
  // Sunday 31 October 2027, 19:00 in Paris, the day winter time comes back: J-1 is 25 hours before.
  expect(reminderDueAt(new Date("2027-10-31T18:00:00Z"), "Europe/Paris", "1d").toISOString()).toBe(
    "2027-10-30T17:00:00.000Z",
  );
});

test("reminders go once each, at their time, to attendees registered by then and to scheduled speakers with their slot and calendar entry", async () => {
  const event = await createEvent(db, organisation.id, {
    status: "PUBLISHED",
    startsAt: new Date("2027-03-28T16:30:00Z"),
    endsAt: new Date("2027-03-28T20:00:00Z"),
    timeZone: "Europe/Paris",
  });
  await attendee(event.id, "early@exemple.fr", new Date("2027-03-01T10:00:00Z"));
  await attendee(event.id, "late@exemple.fr", new Date("2027-03-24T10:00:00Z"));
  const speaker = await createUser(db, { email: "orateur@exemple.fr", name: "Nadia Haddad" });
  const format = await db.talkFormat.create({
    data: { eventId: event.id, nameFr: "Récit", nameEn: "Story", minutes: 12 },
  });
  const room = await db.room.create({ data: { eventId: event.id, nameFr: "Grande salle", nameEn: "Main hall" } });
  const submission = await db.submission.create({
    data: {
      eventId: event.id,
      formatId: format.id,
      state: "CONFIRMED",
      title: "Mon associé est parti avec les clients",
      whatHappened: "…",
      lessons: "…",
      submittedAt: new Date(),
      speakers: { create: { userId: speaker.id } },
    },
  });
  const release = await db.schedule.create({
    data: { eventId: event.id, number: 1, publishedAt: new Date("2027-03-10T10:00:00Z") },
  });
  await db.talkSlot.create({
    data: {
      scheduleId: release.id,
      submissionId: submission.id,
      roomId: room.id,
      startsAt: new Date("2027-03-28T17:00:00Z"),
      endsAt: new Date("2027-03-28T17:12:00Z"),
      sequence: 1,
    },
  });

  expect(await queueDueReminders(db, context, new Date("2027-03-21T17:29:00Z"))).toBe(0);
  expect(await queueDueReminders(db, context, new Date("2027-03-21T17:30:00Z"))).toBe(2);
  expect(await queueDueReminders(db, context, new Date("2027-03-21T18:00:00Z"))).toBe(0);
  await drain();
  expect(mailsTo("early@exemple.fr").map((m) => m.subject)).toEqual([
    "Rappel : Conférence du rebond — Rennes, dans 7 jours",
  ]);
  expect(mailsTo("late@exemple.fr")).toHaveLength(0);

  const { method, event: invite, raw } = vevent(mailsTo("early@exemple.fr")[0]!.calendar);
  expect(method).toBe("PUBLISH");
  expect(invite.uid).toBe(`event-${event.id}@rebond.test`);
  expect(invite.sequence).toBe(0);
  expect(invite.startDate.zone?.tzid).toBe("Europe/Paris");
  expect(invite.startDate.toString()).toBe("2027-03-28T18:30:00");
  expect(raw.getFirstProperty("dtstart")!.getParameter("tzid")).toBe("Europe/Paris");

  const [speakerMail] = mailsTo("orateur@exemple.fr");
  expect(speakerMail!.text).toContain("Votre passage : « Mon associé est parti avec les clients »");
  expect(speakerMail!.text).toContain("Grande salle");
  const talk = vevent(speakerMail!.calendar).event;
  expect(talk.uid).toBe(`talk-${submission.id}@rebond.test`);
  expect(talk.sequence).toBe(1);
  expect(talk.startDate.toString()).toBe("2027-03-28T19:00:00");

  // J-1 falls 23 hours before, the clocks having gone forward; both attendees registered by then.
  expect(await queueDueReminders(db, context, new Date("2027-03-27T17:29:00Z"))).toBe(0);
  expect(await queueDueReminders(db, context, new Date("2027-03-27T17:30:00Z"))).toBe(3);
  await drain();
  expect(mailsTo("late@exemple.fr").map((m) => m.subject)).toEqual(["Rappel : Conférence du rebond — Rennes, demain"]);
});

test("a change of time or place sends the same UID with a higher SEQUENCE; canceling sends a CANCEL", async () => {
  const event = await createEvent(db, organisation.id, {
    status: "PUBLISHED",
    startsAt: new Date("2027-05-20T16:30:00Z"),
    endsAt: new Date("2027-05-20T19:30:00Z"),
    timeZone: "Europe/Paris",
  });
  await attendee(event.id, "suivi@exemple.fr", new Date("2027-04-01T10:00:00Z"));
  const form = {
    ...eventForm(organisation.id, {
      slug: event.slug,
      startsAt: "2027-05-20T18:30",
      endsAt: "2027-05-20T21:30",
      venueName: event.venueName,
      venueAddress: event.venueAddress,
      titleFr: event.titleFr,
      titleEn: event.titleEn,
      capacity: 300,
    }),
    hashtag: null,
    onlineUrl: null,
    region: null,
  };
  // Same time and place: nobody is bothered.
  expect(await updateEvent(db, event.id, form, context)).toEqual({ ok: true, slug: event.slug });
  await drain();
  expect(mailsTo("suivi@exemple.fr")).toHaveLength(0);

  await updateEvent(
    db,
    event.id,
    { ...form, startsAt: "2027-05-20T19:00", venueName: "Halle de la Courrouze" },
    context,
  );
  await drain();
  const [changed] = mailsTo("suivi@exemple.fr");
  expect(changed!.subject).toBe("Changement : Conférence du rebond — Rennes");
  const moved = vevent(changed!.calendar).event;
  expect(moved.uid).toBe(`event-${event.id}@rebond.test`);
  expect(moved.sequence).toBe(1);
  expect(moved.startDate.toString()).toBe("2027-05-20T19:00:00");
  expect(moved.location).toContain("Halle de la Courrouze");

  expect(await cancelEvent(db, event.id, context)).toBe(true);
  expect(await cancelEvent(db, event.id, context)).toBe(false);
  await drain();
  const canceled = vevent(mailsTo("suivi@exemple.fr")[1]!.calendar);
  expect(canceled.method).toBe("CANCEL");
  expect(canceled.event.uid).toBe(`event-${event.id}@rebond.test`);
  expect(canceled.event.sequence).toBe(2);
  expect(canceled.raw.getFirstPropertyValue("status")).toBe("CANCELLED");
  expect(mailsTo("suivi@exemple.fr")).toHaveLength(2);
  // A canceled event sends no more reminders.
  expect(await queueDueReminders(db, context, new Date("2027-05-19T16:30:00Z"))).toBe(0);
});
