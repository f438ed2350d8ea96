import type { ticketingOverview, bookingRules } from "~/ticketing/catalogue.server";
import type { eventAttendeeQuestions } from "~/ticketing/attendee-questions.server";
import type { eventOrders } from "~/ticketing/orders.server";
import type { listVouchers } from "~/ticketing/vouchers.server";

// What the ticketing page's sections receive from its loader (types only: nothing server-side
// reaches the browser bundle).
export type TicketingOverview = Awaited<ReturnType<typeof ticketingOverview>>;
export type BookingRules = Awaited<ReturnType<typeof bookingRules>>;
export type AttendeeQuestions = Awaited<ReturnType<typeof eventAttendeeQuestions>>;
export type OrdersPage = Awaited<ReturnType<typeof eventOrders>>;
export type Vouchers = Awaited<ReturnType<typeof listVouchers>>;
