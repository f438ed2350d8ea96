import type { Db } from "~/infra/db/client.server";
import type { Campaign, Event, Organisation } from "~/generated/prisma/client";
import { campaignPreview, campaignReport } from "~/campaigns/campaigns.server";
import { contactsCsv, listContacts } from "~/contacts/contacts.server";
import { segmentChoices } from "~/campaigns/segments.server";
import { callForEvent } from "~/cfp/call.server";
import { eventSubmissions } from "~/cfp/submissions.server";
import { ranking } from "~/review/review.server";
import { eventAttendeeQuestions } from "~/ticketing/attendee-questions.server";
import { listQuotas, ticketCatalogue, ticketingOverview } from "~/ticketing/catalogue.server";
import { eventOrders } from "~/ticketing/orders.server";
import { ordersCsv, salesOverTime } from "~/ticketing/reports.server";
import { listVouchers } from "~/ticketing/vouchers.server";

// The data functions each organiser page's loader runs, as it runs them (kept beside the loaders
// by hand: a profiling aid for bench/organiser-queries.ts).
export function pageData(
  db: Db,
  s: { event: Event; organisation: Organisation; draft: Campaign; sent: Campaign },
): [string, () => Promise<unknown>][] {
  const team = { organisationId: s.organisation.id, role: "OWNER" as const, chapterId: null };
  const context = { appUrl: "http://127.0.0.1", secret: "bench-secret-bench-secret-bench-secret" };
  const ticketing = (filters: { status?: "PAID"; search?: string; page?: number }) => () =>
    Promise.all([
      ticketingOverview(db, s.event.id),
      eventOrders(db, s.event.id, filters),
      listVouchers(db, s.event.id),
      salesOverTime(db, s.event, "fr"),
      db.event.findUniqueOrThrow({ where: { id: s.event.id }, select: { ticketCancelDays: true } }),
      eventAttendeeQuestions(db, s.event.id),
    ]);
  return [
    ["ticketing page", ticketing({})],
    ["  listQuotas", () => listQuotas(db, s.event.id)],
    ["  ticketCatalogue", () => ticketCatalogue(db, s.event.id)],
    ["  eventOrders", () => eventOrders(db, s.event.id, {})],
    ["  listVouchers", () => listVouchers(db, s.event.id)],
    ["  salesOverTime", () => salesOverTime(db, s.event, "fr")],
    ["orders, page 50", ticketing({ page: 50 })],
    ["orders, paid, search", ticketing({ status: "PAID", search: "martin" })],
    ["contacts list", () => listContacts(db, team, {})],
    ["contacts list, page 300", () => listContacts(db, team, { page: 300 })],
    ["stories list", () => Promise.all([callForEvent(db, s.event.id), eventSubmissions(db, s.event.id, undefined, 1)])],
    ["ranking", () => Promise.all([callForEvent(db, s.event.id), ranking(db, s.event.id, {})])],
    [
      "campaign page, draft",
      () =>
        Promise.all([
          campaignPreview(db, s.draft.id, undefined, context),
          campaignReport(db, s.draft),
          segmentChoices(db, s.event),
        ]),
    ],
    ["campaign page, sent", () => campaignReport(db, s.sent)],
    ["orders CSV", () => ordersCsv(db, s.event, (key) => key, "fr")],
    ["contacts CSV", () => contactsCsv(db, team, ["a", "b", "c", "d", "e", "f", "g", "h", "i"])],
  ];
}
