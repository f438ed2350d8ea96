import { parse } from "csv-parse/sync";
import { expect, test } from "vitest";
import { contactsCsv, contactsCsvStream, listContacts } from "~/contacts/contacts.server";
import { eventSubmissions } from "~/cfp/submissions.server";
import { csvText } from "~/infra/csv";
import type { Db } from "~/infra/db/client.server";
import { translator } from "~/infra/i18n/i18n";
import { pageParam, pageQuery, pageSpan } from "~/infra/pagination";
import { readableAnswer } from "~/ticketing/attendee-questions.server";
import { eventOrders, ORDERS_PAGE } from "~/ticketing/orders.server";
import { ordersCsv, ordersCsvStream } from "~/ticketing/reports.server";
import { utcToZonedLocal } from "~/infra/time";
import { freshDatabase } from "../support/database";
import { createOrganisation, createUser, nationalTeam } from "../support/factories";
import { ticketedEvent } from "../support/tickets";

const { prisma: db } = await freshDatabase();
const organisation = await createOrganisation(db);
const t = translator("fr");

// `count` orders of the event, one minute apart, the i-th with (i % 3) + 1 tickets of which the
// second, if any, is cancelled; names chosen so that filters and exports have something to read.
async function bulkOrders(eventId: string, ticketTypeId: string, count: number, prefix: string) {
  const start = Date.UTC(2027, 0, 10, 9, 0);
  const orders = Array.from({ length: count }, (_, i) => ({
    id: `${prefix}-${String(i).padStart(4, "0")}`,
    eventId,
    code: `${prefix.toUpperCase()}${String(i).padStart(4, "0")}`,
    email: `acheteur${i}@exemple.fr`,
    name: i % 10 === 0 ? `=Martin ${i}` : `Léa Dupont ${i}`,
    status: (i % 4 === 3 ? "PENDING" : "PAID") as "PAID" | "PENDING",
    method: "OFFLINE" as const,
    totalCents: 2500 * ((i % 3) + 1),
    paidAt: i % 4 === 3 ? null : new Date(start + i * 60_000 + 5_000),
    createdAt: new Date(start + i * 60_000),
  }));
  await db.order.createMany({ data: orders });
  await db.ticket.createMany({
    data: orders.flatMap((o, i) =>
      Array.from({ length: (i % 3) + 1 }, (_, n) => ({
        orderId: o.id,
        ticketTypeId,
        priceCents: 2500,
        attendeeName: n === 0 ? o.name : `Invité·e ${n}; de ${o.name}`,
        secret: `${o.id}-${n}`,
        canceledAt: n === 1 ? new Date(start) : null,
        createdAt: new Date(o.createdAt.getTime() + n),
      })),
    ),
  });
  return orders;
}

// Counts the order reads a client makes, to see an export read its rows batch by batch.
function countingOrderReads(client: Db) {
  const reads: { take?: number; skip?: number }[] = [];
  const order = new Proxy(client.order, {
    get(target, property, receiver) {
      if (property !== "findMany") return Reflect.get(target, property, receiver);
      return (args: { take?: number; skip?: number }) => {
        reads.push({ take: args.take, skip: args.skip });
        return target.findMany(args as Parameters<typeof target.findMany>[0]);
      };
    },
  });
  const counted = new Proxy(client, {
    get: (target, property, receiver) => (property === "order" ? order : Reflect.get(target, property, receiver)),
  });
  return { client: counted as Db, reads };
}

test("a ?page= value that is not a page number reads as the first page; a page past the end as the last", () => {
  for (const bad of [undefined, "", "abc", "0", "-1", "1.5", "2abc", "999999999999", "NaN", "Infinity"])
    expect(pageParam.parse(bad)).toBeUndefined();
  expect(pageParam.parse("2")).toBe(2);
  expect(pageParam.parse(" 7 ")).toBe(7);
  expect(pageSpan(120, undefined, 50)).toEqual({ page: 1, pages: 3, total: 120, size: 50, skip: 0 });
  expect(pageSpan(120, 3, 50)).toMatchObject({ page: 3, skip: 100 });
  expect(pageSpan(120, 9, 50)).toMatchObject({ page: 3, skip: 100 });
  expect(pageSpan(0, 4, 50)).toMatchObject({ page: 1, pages: 1, skip: 0 });
  expect(pageSpan(100, 2, 50)).toMatchObject({ page: 2, pages: 2, skip: 50 });
  // Links to another page keep the list's filters; page 1 is the list without ?page=.
  expect(pageQuery("?statut=PAID&q=l%C3%A9a&page=2", 3)).toBe("?statut=PAID&q=l%C3%A9a&page=3");
  expect(pageQuery("?statut=PAID&page=2", 1)).toBe("?statut=PAID");
  expect(pageQuery("", 1)).toBe("?");
});

test("the orders list is cut into pages of 50, newest first, each order with its valid tickets; filters apply before the cut", async () => {
  const { event, free } = await ticketedEvent(db, organisation.id);
  const orders = await bulkOrders(event.id, free.id, 2 * ORDERS_PAGE + 7, "pg");
  const newestFirst = [...orders].reverse();
  const first = await eventOrders(db, event.id);
  expect(first).toMatchObject({ page: 1, pages: 3, total: 107, size: 50 });
  expect(first.rows.map((o) => o.code)).toEqual(newestFirst.slice(0, 50).map((o) => o.code));
  const second = await eventOrders(db, event.id, { page: 2 });
  expect(second.rows.map((o) => o.code)).toEqual(newestFirst.slice(50, 100).map((o) => o.code));
  const last = await eventOrders(db, event.id, { page: 3 });
  expect(last.rows.map((o) => o.code)).toEqual(newestFirst.slice(100).map((o) => o.code));
  // Past the end: the last page, not an empty one.
  expect(await eventOrders(db, event.id, { page: 40 })).toEqual(last);
  // One, two or three tickets, the second of each order cancelled.
  const tickets = new Map(first.rows.map((o) => [o.id, o.tickets]));
  for (const [i, o] of orders.entries()) if (tickets.has(o.id)) expect(tickets.get(o.id)).toBe([1, 1, 2][i % 3]);
  const paidMartins = orders.filter((o, i) => o.status === "PAID" && i % 10 === 0);
  const filtered = await eventOrders(db, event.id, { status: "PAID", search: "martin", page: 5 });
  expect(filtered).toMatchObject({ page: 1, pages: 1, total: paidMartins.length });
  expect(filtered.rows.map((o) => o.code)).toEqual([...paidMartins].reverse().map((o) => o.code));
  // Another event's orders are not in the count.
  const other = await ticketedEvent(db, organisation.id);
  await bulkOrders(other.event.id, other.free.id, 3, "autre");
  expect((await eventOrders(db, event.id)).total).toBe(107);
});

test("the contacts list is cut into pages in name order; a page past the end is the last one", async () => {
  const other = await createOrganisation(db);
  const names = Array.from({ length: 123 }, (_, i) => ({
    organisationId: other.id,
    email: `c${String(i).padStart(3, "0")}@exemple.fr`,
    lastName: ["Dupont", "Martin", "Bernard"][i % 3]!,
    firstName: `Prénom ${String(i % 41).padStart(2, "0")}`,
  }));
  await db.contact.createMany({ data: names });
  const expected = [...names]
    .sort((a, b) =>
      a.lastName < b.lastName
        ? -1
        : a.lastName > b.lastName
          ? 1
          : a.firstName < b.firstName
            ? -1
            : a.firstName > b.firstName
              ? 1
              : a.email < b.email
                ? -1
                : 1,
    )
    .map((c) => c.email);
  const pages = await Promise.all([1, 2, 3].map((page) => listContacts(db, nationalTeam(other.id), { page })));
  expect(pages.map((p) => [p.page, p.pages, p.total, p.contacts.length])).toEqual([
    [1, 3, 123, 50],
    [2, 3, 123, 50],
    [3, 3, 123, 23],
  ]);
  expect(pages.flatMap((p) => p.contacts.map((c) => c.email))).toEqual(expected);
  const past = await listContacts(db, nationalTeam(other.id), { page: 99 });
  expect([past.page, past.contacts.map((c) => c.email)]).toEqual([3, expected.slice(100)]);
  const martins = await listContacts(db, nationalTeam(other.id), { q: "martin", page: 2 });
  expect([martins.page, martins.pages, martins.contacts.length]).toEqual([1, 1, 41]);
});

test("the stories list is cut into pages in the order they arrived", async () => {
  const { event } = await ticketedEvent(db, organisation.id);
  const format = await db.talkFormat.create({
    data: { eventId: event.id, nameFr: "Récit", nameEn: "Story", minutes: 12 },
  });
  const speaker = await createUser(db);
  const stories = Array.from({ length: 61 }, (_, i) => ({
    id: `story-${String(i).padStart(3, "0")}`,
    eventId: event.id,
    formatId: format.id,
    state: i === 7 ? ("DRAFT" as const) : ("SUBMITTED" as const),
    title: `Récit ${i}`,
    whatHappened: "…",
    lessons: "…",
    submittedAt: new Date(Date.UTC(2027, 0, 1) + (61 - i) * 60_000),
  }));
  await db.submission.createMany({ data: stories });
  await db.speakerRole.createMany({ data: stories.map((s) => ({ submissionId: s.id, userId: speaker.id })) });
  const arrived = stories
    .filter((s) => s.state !== "DRAFT")
    .reverse()
    .map((s) => s.title);
  const [first, second] = await Promise.all([
    eventSubmissions(db, event.id, undefined, 1),
    eventSubmissions(db, event.id, undefined, 2),
  ]);
  expect([first.total, first.pages, first.rows.length, second.rows.length]).toEqual([60, 2, 50, 10]);
  expect([...first.rows, ...second.rows].map((s) => s.title)).toEqual(arrived);
  expect((await eventSubmissions(db, event.id, "DRAFT", 3)).rows.map((s) => s.title)).toEqual(["Récit 7"]);
});

test("the orders export streams batch after batch as it is read, and gives the bytes the whole-file export gave", async () => {
  const { event, free } = await ticketedEvent(db, organisation.id);
  const question = await db.attendeeQuestion.create({
    data: { eventId: event.id, kind: "TEXT", textFr: "Entreprise", textEn: "Company" },
  });
  const orders = await bulkOrders(event.id, free.id, 35, "csv");
  await db.order.updateMany({
    where: { eventId: event.id },
    data: { answers: { [question.id]: "+33 Atelier; Dupont" } },
  });
  // The export as it was built before it streamed: every order read at once, then csvText.
  const questions = [question];
  const when = (d: Date | null) => (d ? utcToZonedLocal(d, event.timeZone).replace("T", " ") : "");
  const all = await db.order.findMany({
    where: { eventId: event.id },
    orderBy: { createdAt: "asc" },
    select: {
      code: true,
      name: true,
      email: true,
      status: true,
      method: true,
      totalCents: true,
      currency: true,
      createdAt: true,
      paidAt: true,
      answers: true,
      tickets: {
        orderBy: { createdAt: "asc" },
        select: { attendeeName: true, canceledAt: true, checkedInAt: true, ticketType: { select: { nameFr: true } } },
      },
    },
  });
  const headers = [
    ...[
      "code",
      "buyer",
      "email",
      "status",
      "method",
      "total",
      "currency",
      "createdAt",
      "paidAt",
      "ticketType",
      "attendee",
      "canceled",
      "checkedIn",
    ].map((h) => t(`ticketing.csv.${h}`)),
    "Entreprise",
  ];
  const whole = csvText([
    headers,
    ...all.flatMap((o) =>
      o.tickets.map((p) => [
        o.code,
        o.name,
        o.email,
        o.status,
        o.method,
        (o.totalCents / 100).toFixed(2).replace(".", ","),
        o.currency,
        when(o.createdAt),
        when(o.paidAt),
        p.ticketType.nameFr,
        p.attendeeName,
        p.canceledAt ? t("ticketing.csv.yes") : "",
        when(p.checkedInAt),
        ...questions.map((q) =>
          readableAnswer(q, (o.answers as Record<string, string>)[q.id], "fr", {
            yes: t("tickets.yes"),
            no: t("tickets.no"),
          }),
        ),
      ]),
    ),
  ]);
  expect(parse(whole, { bom: true, delimiter: ";" })).toHaveLength(
    1 + orders.reduce((sum, _, i) => sum + (i % 3) + 1, 0),
  );
  expect(await ordersCsv(db, event, t, "fr")).toBe(whole);

  const { client, reads } = countingOrderReads(db);
  const reader = (await ordersCsvStream(client, event, t, "fr", 10)).getReader();
  // Kept as sent: Excel reads the file as UTF-8 by its byte-order mark.
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  const header = await reader.read();
  expect([...header.value!.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(decoder.decode(header.value)).toBe(`\uFEFF${csvText([headers])}`);
  expect(reads).toHaveLength(0);
  const chunks: string[] = [];
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    chunks.push(decoder.decode(read.value));
    // Nothing is read ahead of what the client has taken.
    expect(reads).toHaveLength(chunks.length);
  }
  expect(reads).toEqual([10, 10, 10, 10].map((take) => ({ take, skip: undefined })));
  expect(chunks).toHaveLength(4);
  expect(chunks.join("")).toBe(whole.slice(csvText([headers]).length));
});

test("the contacts export streams by address in batches and gives the same file whatever the batch", async () => {
  const other = await createOrganisation(db);
  await db.contact.createMany({
    data: Array.from({ length: 27 }, (_, i) => ({
      organisationId: other.id,
      email: `x${String(26 - i).padStart(2, "0")}@exemple.fr`,
      firstName: (26 - i) % 5 ? "Anne" : "=Anne",
      tags: ["presse", "lyon"],
      consentAt: new Date(Date.UTC(2026, 5, i + 1)),
    })),
  });
  const header = ["email", "prénom", "nom", "langue", "tags", "source", "consentement", "désinscrit", "rejeté"];
  const whole = await contactsCsv(db, nationalTeam(other.id), header);
  const lines = parse(whole, { delimiter: ";" }) as string[][];
  expect(lines.slice(1).map((l) => l[0])).toEqual(
    Array.from({ length: 27 }, (_, i) => `x${String(i).padStart(2, "0")}@exemple.fr`),
  );
  expect(lines[1]!.slice(1, 5)).toEqual(["'=Anne", "", "fr", "presse, lyon"]);
  for (const size of [1, 4, 27, 500]) {
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(
      await new Response(contactsCsvStream(db, nationalTeam(other.id), header, size)).arrayBuffer(),
    );
    expect(text).toBe(`\uFEFF${whole}`);
  }
  const reader = contactsCsvStream(db, nationalTeam(other.id), header, 4).getReader();
  let chunks = 0;
  while (!(await reader.read()).done) chunks += 1;
  expect(chunks).toBe(1 + Math.ceil(27 / 4));
});
