import { expect, test } from "vitest";
import { formatDateTime, localized, translator } from "~/infra/i18n/i18n";
import { fromAcceptLanguage } from "~/infra/i18n/locale.server";
import { ofZoneFr, utcToZonedLocal, zonedLocalToUtc, zoneCity } from "~/infra/time";

test("Paris wall-clock times convert to UTC on both sides of the summer-time change", () => {
  expect(zonedLocalToUtc("2027-03-27T18:30", "Europe/Paris").toISOString()).toBe("2027-03-27T17:30:00.000Z");
  expect(zonedLocalToUtc("2027-03-28T18:30", "Europe/Paris").toISOString()).toBe("2027-03-28T16:30:00.000Z");
  expect(zonedLocalToUtc("2026-10-25T18:30", "Europe/Paris").toISOString()).toBe("2026-10-25T17:30:00.000Z");
});

test("a time in the hour skipped by the spring change lands after the change", () => {
  expect(zonedLocalToUtc("2027-03-28T02:30", "Europe/Paris").toISOString()).toBe("2027-03-28T01:30:00.000Z");
});

test("UTC instants show as the event's local time, and back", () => {
  for (const local of ["2027-01-28T18:00", "2027-07-14T21:45", "2026-10-25T01:30"]) {
    expect(utcToZonedLocal(zonedLocalToUtc(local, "Europe/Paris"), "Europe/Paris")).toBe(local);
  }
  expect(utcToZonedLocal(new Date("2027-01-28T17:00:00Z"), "Indian/Reunion")).toBe("2027-01-28T21:00");
});

test("dates are written in the reader's language and the event's time zone", () => {
  const instant = new Date("2027-03-18T17:30:00Z");
  expect(formatDateTime(instant, "Europe/Paris", "fr")).toBe("jeudi 18 mars 2027 à 18:30");
  // ICU versions differ on the comma after the weekday in English.
  expect(formatDateTime(instant, "Europe/Paris", "en")).toMatch(/^Thursday,? 18 March 2027 at 18:30$/);
});

test("the language comes from Accept-Language, French when nothing matches", () => {
  expect(fromAcceptLanguage("en-GB,en;q=0.9,fr;q=0.8")).toBe("en");
  expect(fromAcceptLanguage("de-DE,fr;q=0.5,en;q=0.4")).toBe("fr");
  expect(fromAcceptLanguage("de-DE,es;q=0.9")).toBe("fr");
  expect(fromAcceptLanguage("fr;q=0,en;q=0.1")).toBe("en");
  expect(fromAcceptLanguage(null)).toBe("fr");
});

test("plural forms are right in both languages", () => {
  expect(translator("fr")("event.capacity", { count: 1 })).toBe("1 place");
  expect(translator("fr")("event.capacity", { count: 500 })).toBe("500 places");
  expect(translator("en")("event.capacity", { count: 500 })).toBe("500 seats");
});

test("a record's text is its English field in English and its French field otherwise", () => {
  const event = { titleFr: "Rencontre", titleEn: "Meetup", optionsFr: ["oui"], optionsEn: ["yes"] };
  expect(localized(event, "title", "en")).toBe("Meetup");
  expect(localized(event, "title", "fr")).toBe("Rencontre");
  const options: string[] = localized(event, "options", "en");
  expect(options).toEqual(["yes"]);
  // @ts-expect-error a record without descriptionFr/descriptionEn has no description to pick
  localized(event, "description", "fr");
});

test("a time zone is named by its city, with the French preposition it takes", () => {
  expect(zoneCity("Europe/Paris")).toBe("Paris");
  expect(zoneCity("America/Port_of_Spain")).toBe("Port of Spain");
  expect(ofZoneFr("Europe/Paris")).toBe("de Paris");
  expect(ofZoneFr("Europe/Amsterdam")).toBe("d'Amsterdam");
  expect(translator("fr")("callSettings.timeZone", { zone: "Paris", ofZone: ofZoneFr("Europe/Paris") })).toBe(
    "Heure de Paris",
  );
  expect(translator("en")("callSettings.timeZone", { zone: zoneCity("Europe/Paris"), ofZone: "" })).toBe("Paris time");
});
