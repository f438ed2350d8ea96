import { href } from "react-router";
import { createHash } from "node:crypto";
import { utcToZonedLocal, zonedIso, zonedLocalToUtc } from "~/infra/time";
import { calendarFile } from "~/infra/calendar.server";
import type { PublicSlot, PublishedAgenda } from "./public.server";
import type { PublicEventInfo } from "~/events/visibility.server";
import { eventDays } from "./schedule.server";
import { placeLine } from "~/events/where-and-when";

// The latest release in the formats other tools read: an iCalendar feed, and the C3VOC
// schedule.json / schedule.xml (frab lineage) that recording teams and conference apps use.
// Both follow shared standards copied in tests/fixtures/c3voc-schedule (docs/decisions/009-agenda.md).

const GENERATOR = { name: "Rebond", version: "1" };

// A talk keeps one UID for its whole life, so a calendar that imported it updates it in place
// when a later release moves it (with a higher SEQUENCE) instead of adding a second copy.
export function talkUid(submissionId: string, appUrl: string) {
  return `talk-${submissionId}@${new URL(appUrl).hostname}`;
}

// A stable UUID (version-5 layout) for anything with an id, so a re-export names it the same.
export function stableGuid(kind: string, id: string) {
  const hex = createHash("sha1").update(`rebond:${kind}:${id}`).digest("hex");
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

// frab wants a positive integer id per talk; derived from the talk's id, stable across releases.
export function numericId(id: string) {
  return (parseInt(createHash("sha1").update(id).digest("hex").slice(0, 8), 16) % 2_000_000_000) + 1;
}

function slugify(text: string) {
  const slug = text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return slug.length >= 4 ? slug : `talk-${slug || "x"}`;
}

const acronym = (slug: string) => slug.replace(/-/g, "_");
const duration = (slot: PublicSlot) => {
  const minutes = Math.round((slot.endsAt.getTime() - slot.startsAt.getTime()) / 60_000);
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
};

type ExportContext = { event: PublicEventInfo; agenda: PublishedAgenda; appUrl: string };

function talkEntries({ event, agenda, appUrl }: ExportContext) {
  const roomName = new Map(agenda.rooms.map((r) => [r.id, r.nameFr]));
  return agenda.slots
    .filter((slot) => slot.talk && slot.roomId)
    .map((slot) => {
      const talk = slot.talk!;
      return {
        slot,
        talk,
        day: utcToZonedLocal(slot.startsAt, event.timeZone).slice(0, 10),
        room: roomName.get(slot.roomId!)!,
        id: numericId(talk.id),
        guid: stableGuid("talk", talk.id),
        slug: `${acronym(event.slug)}-${numericId(talk.id)}-${slugify(talk.title)}`,
        url: `${appUrl}${href("/e/:eventSlug/programme/:submissionId", { eventSlug: event.slug, submissionId: talk.id })}`,
        date: zonedIso(slot.startsAt, event.timeZone),
        start: utcToZonedLocal(slot.startsAt, event.timeZone).slice(11, 16),
        duration: duration(slot),
        abstract: talk.summary ?? "",
        description: talk.lessons ?? "",
        track: talk.track?.nameFr ?? "",
        persons: talk.speakers.map((s) => ({
          name: s.name,
          guid: stableGuid("person", s.id),
          biography: s.bio || null,
        })),
      };
    });
}

// Each day of the event, from its first hour (or midnight) to its last (or the day's end).
function dayBounds(event: PublicEventInfo, day: string) {
  const on = (date: Date) => utcToZonedLocal(date, event.timeZone).slice(0, 10) === day;
  const start = on(event.startsAt) ? event.startsAt : zonedLocalToUtc(`${day}T00:00`, event.timeZone);
  const end = on(event.endsAt) ? event.endsAt : zonedLocalToUtc(`${day}T23:59`, event.timeZone);
  return { day_start: zonedIso(start, event.timeZone), day_end: zonedIso(end, event.timeZone) };
}

export function scheduleJson(context: ExportContext) {
  const { event, agenda, appUrl } = context;
  const talks = talkEntries(context);
  const days = eventDays(event);
  const tracks = [...new Map(talks.filter((t) => t.talk.track).map((t) => [t.talk.track!.id, t.talk.track!])).values()];
  return {
    $schema: "https://c3voc.de/schedule/schema.json",
    generator: GENERATOR,
    schedule: {
      version: String(agenda.release.number),
      base_url: `${appUrl}${href("/")}`,
      conference: {
        acronym: acronym(event.slug),
        title: event.titleFr,
        start: zonedIso(event.startsAt, event.timeZone),
        end: zonedIso(event.endsAt, event.timeZone),
        daysCount: days.length,
        timeslot_duration: "00:05",
        time_zone_name: event.timeZone,
        url: `${appUrl}${href("/e/:eventSlug", { eventSlug: event.slug })}`,
        tracks: tracks.map((t) => ({ name: t.nameFr, slug: slugify(t.nameFr) })),
        rooms: agenda.rooms.map((r) => ({
          name: r.nameFr,
          guid: stableGuid("room", r.id),
          capacity: r.capacity,
          description: { fr: r.accessibilityFr, en: r.accessibilityEn },
        })),
        days: days.map((day, index) => ({
          index: index + 1,
          date: day,
          ...dayBounds(event, day),
          rooms: Object.fromEntries(
            agenda.rooms.map((room) => [
              room.nameFr,
              talks
                .filter((t) => t.day === day && t.slot.roomId === room.id)
                .map((t) => ({
                  guid: t.guid,
                  id: t.id,
                  date: t.date,
                  start: t.start,
                  duration: t.duration,
                  room: t.room,
                  slug: t.slug,
                  url: t.url,
                  title: t.talk.title,
                  subtitle: null,
                  track: t.track || null,
                  type: t.talk.format.nameFr,
                  language: t.talk.language,
                  abstract: t.abstract,
                  description: t.description,
                  do_not_record: !t.talk.recorded,
                  persons: t.persons,
                  links: [],
                })),
            ]),
          ),
        })),
      },
    },
  };
}

// XML 1.0 has no way to write these control characters: they are dropped.
const escapeXml = (text: string) =>
  text
    .replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!)
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");
const element = (name: string, text: string) => `<${name}>${escapeXml(text)}</${name}>`;

export function scheduleXml(context: ExportContext) {
  const json = scheduleJson(context).schedule;
  const { conference } = json;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    "<schedule>",
    `  <generator name="${GENERATOR.name}" version="${GENERATOR.version}"/>`,
    `  ${element("url", `${context.appUrl}/e/${context.event.slug}/schedule.xml`)}`,
    `  ${element("version", json.version)}`,
    "  <conference>",
    `    ${element("title", conference.title)}`,
    `    ${element("acronym", conference.acronym)}`,
    `    ${element("start", conference.start)}`,
    `    ${element("end", conference.end)}`,
    `    ${element("days", String(conference.daysCount))}`,
    `    ${element("timeslot_duration", conference.timeslot_duration)}`,
    `    ${element("base_url", json.base_url)}`,
    `    ${element("url", conference.url)}`,
    `    ${element("time_zone_name", conference.time_zone_name)}`,
    ...conference.tracks.map(
      (t) => `    <track name="${escapeXml(t.name)}" slug="${t.slug}">${escapeXml(t.name)}</track>`,
    ),
    "  </conference>",
  ];
  for (const day of conference.days) {
    lines.push(`  <day index="${day.index}" date="${day.date}" start="${day.day_start}" end="${day.day_end}">`);
    for (const room of conference.rooms) {
      lines.push(`    <room name="${escapeXml(room.name)}" guid="${room.guid}">`);
      for (const talk of day.rooms[room.name] ?? []) {
        lines.push(
          `      <event id="${talk.id}" guid="${talk.guid}">`,
          ...[
            ["room", talk.room],
            ["title", talk.title],
            ["type", talk.type],
            ["date", talk.date],
            ["start", talk.start],
            ["duration", talk.duration],
            ["abstract", talk.abstract],
            ["slug", talk.slug],
            ["track", talk.track ?? ""],
            ["language", talk.language],
            ["description", talk.description],
          ].map(([name, text]) => `        ${element(name!, text!)}`),
          `        <persons>${talk.persons.map((p) => `<person guid="${p.guid}">${escapeXml(p.name)}</person>`).join("")}</persons>`,
          `        <recording><license></license><optout>${talk.do_not_record}</optout></recording>`,
          `        ${element("url", talk.url)}`,
          "      </event>",
        );
      }
      lines.push("    </room>");
    }
    lines.push("  </day>");
  }
  lines.push("</schedule>", "");
  return lines.join("\n");
}

// The whole event's talks as a subscribable calendar; a talk's SEQUENCE rises each release it moves.
export function agendaCalendar(context: ExportContext & { name: string; only?: Set<string> }) {
  const { event, agenda, appUrl } = context;
  const roomName = new Map(agenda.rooms.map((r) => [r.id, r.nameFr]));
  return calendarFile({
    name: context.name,
    timeZone: event.timeZone,
    entries: agenda.slots
      .filter((slot) => slot.talk && (!context.only || context.only.has(slot.talk.id)))
      .map((slot) => ({
        uid: talkUid(slot.talk!.id, appUrl),
        sequence: slot.sequence,
        startsAt: slot.startsAt,
        endsAt: slot.endsAt,
        summary: slot.talk!.title,
        description: [slot.talk!.speakers.map((s) => s.name).join(", "), slot.talk!.summary ?? ""]
          .filter(Boolean)
          .join("\n\n"),
        location: placeLine(event, slot.roomId ? roomName.get(slot.roomId) : null),
        url: `${appUrl}${href("/e/:eventSlug/programme/:submissionId", { eventSlug: event.slug, submissionId: slot.talk!.id })}`,
        updatedAt: slot.updatedAt,
      })),
  });
}
