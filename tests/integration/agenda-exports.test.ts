import { readFileSync } from "node:fs";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import ICAL from "ical.js";
import { expect, test } from "vitest";
import { validateXML } from "xmllint-wasm";
import { moveSchema, placeSchema } from "~/agenda/agenda-form";
import { agendaCalendar, scheduleJson, scheduleXml } from "~/agenda/exports.server";
import { publicSpeakerPhoto, publishedAgenda, scheduledSlot } from "~/agenda/public.server";
import { visibleEvent } from "~/events/visibility.server";
import { publishRelease } from "~/agenda/releases.server";
import { moveSlot, placeTalk } from "~/agenda/schedule.server";
import { freshDatabase } from "../support/database";
import { agendaEvent, confirmedTalk } from "../support/agenda";
import { createOrganisation, createUser } from "../support/factories";

const { prisma: db } = await freshDatabase();
const organisation = await createOrganisation(db);
const appUrl = "https://rebond.test";
const fixtures = new URL("../fixtures/c3voc-schedule/", import.meta.url);

// The C3VOC schema is draft-06 and uses a "color" format and "$"-prefixed annotations.
const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addMetaSchema(
  JSON.parse(readFileSync(new URL(import.meta.resolve("ajv/lib/refs/json-schema-draft-06.json")), "utf8")),
);
addFormats(ajv);
ajv.addFormat("color", /^#[0-9a-fA-F]{6}$/);
const validateJson = ajv.compile(JSON.parse(readFileSync(new URL("schema.json", fixtures), "utf8")));
const xsd = readFileSync(new URL("schedule.xml.xsd", fixtures), "utf8");

// An event over the autumn change (31 October 2027, 03:00 → 02:00) with two releases.
async function publishedEvent() {
  const { event, format, track, rooms } = await agendaEvent(db, organisation.id, {
    startsAt: new Date("2027-10-30T16:00:00Z"),
    endsAt: new Date("2027-10-31T19:00:00Z"),
  });
  const organiser = await createUser(db);
  const agenda = {
    id: event.id,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    timeZone: "Europe/Paris",
    scheduleStep: 5,
  };
  const shared = await confirmedTalk(db, event, format.id, {
    title: "Quand la banque a coupé <la ligne> & tout le reste",
    trackId: track.id,
  });
  const secret = await confirmedTalk(db, event, format.id, {
    title: "Un récit sans résumé publié",
    consentPublish: false,
    whatHappened: "Le récit privé d'une faillite que l'oratrice raconte seulement sur scène.",
  });
  await placeTalk(
    db,
    agenda,
    placeSchema.parse({
      intent: "place",
      submissionId: shared.submission.id,
      roomId: rooms.main.id,
      start: "2027-10-30T18:30",
    }),
  );
  await placeTalk(
    db,
    agenda,
    placeSchema.parse({
      intent: "place",
      submissionId: secret.submission.id,
      roomId: rooms.small.id,
      start: "2027-10-31T19:00",
    }),
  );
  await publishRelease(db, { eventId: event.id, publisherId: organiser.id, appUrl });
  const slot = await db.talkSlot.findFirstOrThrow({
    where: { submissionId: shared.submission.id, schedule: { number: 0 } },
  });
  await moveSlot(
    db,
    agenda,
    moveSchema.parse({ intent: "move", slotId: slot.id, version: String(slot.version), start: "2027-10-31T18:00" }),
  );
  await publishRelease(db, { eventId: event.id, publisherId: organiser.id, appUrl });
  const info = (await visibleEvent(db, event.slug, undefined))!;
  const latest = (await publishedAgenda(db, event.id))!;
  return { context: { event: info, agenda: latest, appUrl }, shared, secret, event };
}

test("schedule.json validates against the C3VOC JSON schema and carries the latest release", async () => {
  const { context, shared } = await publishedEvent();
  const json = scheduleJson(context);
  const valid = validateJson(json);
  expect(validateJson.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
  expect(json.schedule.version).toBe("2");
  const days = json.schedule.conference.days;
  expect(days.map((d) => d.date)).toEqual(["2027-10-30", "2027-10-31"]);
  const talk = days[1]!.rooms["Grande salle"]![0]!;
  // After the change Paris is at +01:00 again: 18:00 local is 17:00 UTC.
  expect(talk).toMatchObject({
    title: shared.submission.title,
    date: "2027-10-31T18:00:00+01:00",
    start: "18:00",
    duration: "00:12",
    track: "Financement",
  });
  expect(days[0]!.day_start).toBe("2027-10-30T18:00:00+02:00");
  // The validator is not vacuous: a talk without its guid is refused.
  delete (talk as { guid?: string }).guid;
  expect(validateJson(json)).toBe(false);
});

test("schedule.xml validates against the C3VOC XSD, with markup in titles escaped", async () => {
  const { context } = await publishedEvent();
  const xml = scheduleXml(context);
  const result = await validateXML({
    xml: [{ fileName: "schedule.xml", contents: xml }],
    schema: [{ fileName: "schedule.xml.xsd", contents: xsd }],
  });
  expect(result.errors).toEqual([]);
  expect(result.valid).toBe(true);
  expect(xml).toContain("<title>Quand la banque a coupé &lt;la ligne&gt; &amp; tout le reste</title>");
  const broken = await validateXML({
    xml: [
      {
        fileName: "schedule.xml",
        contents: xml.replace(/<duration>/g, "<length>").replace(/<\/duration>/g, "</length>"),
      },
    ],
    schema: [{ fileName: "schedule.xml.xsd", contents: xsd }],
  });
  expect(broken.valid).toBe(false);
});

test("a summary the speaker did not agree to publish stays out of every export", async () => {
  const { context, secret } = await publishedEvent();
  const talk = context.agenda.slots.find((s) => s.talk?.id === secret.submission.id)!.talk!;
  expect(talk.summary).toBeNull();
  expect(talk.speakers[0]!.bio).toBe("");
  expect(JSON.stringify(scheduleJson(context))).not.toContain(secret.submission.whatHappened);
  expect(scheduleXml(context)).not.toContain(secret.submission.whatHappened);
  expect(agendaCalendar({ ...context, name: "Agenda" })).not.toContain("seulement sur scène");
});

test("the iCalendar feed parses with ical.js: one event per talk, stable UIDs, the event's TZID, SEQUENCE raised for the moved talk", async () => {
  const { context, shared, secret } = await publishedEvent();
  const ics = agendaCalendar({ ...context, name: "Failcon" });
  expect(ics).toMatch(/^DTSTAMP:\d{8}T\d{6}Z\r?$/m);
  const calendar = new ICAL.Component(ICAL.parse(ics));
  expect(calendar.getFirstSubcomponent("vtimezone")?.getFirstPropertyValue("tzid")).toBe("Europe/Paris");
  const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
  expect(events).toHaveLength(2);
  const byUid = Object.fromEntries(events.map((e) => [e.uid, e]));
  const moved = byUid[`talk-${shared.submission.id}@rebond.test`]!;
  expect(moved.sequence).toBe(1);
  expect(moved.startDate.zone?.tzid).toBe("Europe/Paris");
  expect(moved.startDate.toJSDate().toISOString()).toBe("2027-10-31T17:00:00.000Z");
  expect(moved.location).toContain("Grande salle");
  const unchanged = byUid[`talk-${secret.submission.id}@rebond.test`]!;
  expect(unchanged.sequence).toBe(0);
  expect(unchanged.startDate.toJSDate().toISOString()).toBe("2027-10-31T18:00:00.000Z");
});

test("earlier releases stay readable, with their own changelog", async () => {
  const { event, shared } = await publishedEvent();
  const first = (await publishedAgenda(db, event.id, 1))!;
  const latest = (await publishedAgenda(db, event.id))!;
  expect(first.release).toMatchObject({ number: 1, isLatest: false });
  expect(latest.release).toMatchObject({ number: 2, isLatest: true });
  expect(latest.release.changelog?.moved.map((m) => m.submissionId)).toEqual([shared.submission.id]);
  expect(first.slots.find((s) => s.talk?.id === shared.submission.id)?.startsAt.toISOString()).toBe(
    "2027-10-30T16:30:00.000Z",
  );
  expect(await publishedAgenda(db, event.id, 3)).toBeNull();
});

test("a speaker's photo and slot are public only for a talk in the latest release, and the photo only with consent", async () => {
  const { event, shared, secret } = await publishedEvent();
  const photo = new Uint8Array([0x52, 0x49, 0x46, 0x46]);
  for (const { speaker } of [shared, secret])
    await db.speakerProfile.create({ data: { userId: speaker.id, photo, photoUpdatedAt: new Date() } });
  expect(await publicSpeakerPhoto(db, event.id, shared.speaker.id)).toEqual(photo);
  expect(await publicSpeakerPhoto(db, event.id, secret.speaker.id)).toBeNull();
  const outsider = await createUser(db);
  expect(await publicSpeakerPhoto(db, event.id, outsider.id)).toBeNull();
  expect(await scheduledSlot(db, event.id, shared.submission.id)).toMatchObject({
    startsAt: new Date("2027-10-31T17:00:00Z"),
    room: { nameFr: "Grande salle" },
  });
  const unplaced = await confirmedTalk(
    db,
    event,
    (await db.talkFormat.findFirstOrThrow({ where: { eventId: event.id } })).id,
  );
  expect(await scheduledSlot(db, event.id, unplaced.submission.id)).toBeNull();
});
