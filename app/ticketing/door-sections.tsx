import { Form, type FetcherWithComponents } from "react-router";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { formatTime } from "~/infra/i18n/i18n";
import type { CheckInResult, FoundTicket } from "./check-in.server";
import { formatDoorCode } from "./codes";
import { formatMoney } from "./money";
import { EmptyState } from "~/ui/empty-state";

// The sections of the door's check-in page (app/routes/check-in/door.tsx).

const tones: Record<CheckInResult["kind"], string> = {
  valid: "bg-green-600 text-white",
  already: "bg-amber-500 text-black",
  "wrong-event": "bg-red-700 text-white",
  "other-organisation": "bg-red-700 text-white",
  canceled: "bg-red-700 text-white",
  unpaid: "bg-red-700 text-white",
  "to-collect": "bg-amber-500 text-black",
  unknown: "bg-red-700 text-white",
  choose: "bg-amber-500 text-black",
};

// The answer at the door, readable at arm's length: a colour and one sentence; for a code that
// names several tickets (an order's), the tickets to let in one by one.
export function Verdict({
  result,
  timeZone,
  door,
}: {
  result: CheckInResult;
  timeZone: string;
  door: FetcherWithComponents<unknown>;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const at = result.kind === "already" ? formatTime(result.at, timeZone, locale) : "";
  const count = result.kind === "choose" ? result.tickets.length : undefined;
  const amount = result.kind === "to-collect" ? formatMoney(result.amountCents, result.currency, locale) : "";
  return (
    <div>
      <div role="status" className={`rounded-lg p-5 text-center text-2xl font-extrabold ${tones[result.kind]}`}>
        {t(`checkIn.result.${result.kind}`, { ...result, at, count, amount })}
      </div>
      {result.kind === "choose" ? <TicketChoices tickets={result.tickets} timeZone={timeZone} door={door} /> : null}
      {result.kind === "to-collect" ? (
        <door.Form method="post" className="mt-3">
          <input type="hidden" name="intent" value="collect" />
          <input type="hidden" name="ticketId" value={result.ticketId} />
          <p className="text-sm text-gray-700">{t("checkIn.collectHint", { code: result.code })}</p>
          <button type="submit" className="mt-2 w-full rounded-md bg-green-700 px-4 py-3 text-lg font-bold text-white">
            {t("checkIn.collect", { amount })}
          </button>
        </door.Form>
      ) : null}
    </div>
  );
}

// Tickets to let in one by one, each with its holder, its type and its order's code.
function TicketChoices({
  tickets,
  timeZone,
  door,
}: {
  tickets: FoundTicket[];
  timeZone: string;
  door: FetcherWithComponents<unknown>;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <ul className="mt-3 divide-y divide-stone-100">
      {tickets.map((ticket) => (
        <li key={ticket.id} className="flex items-center justify-between gap-2 py-2">
          <span>
            <strong>{ticket.attendeeName}</strong>
            <span className="block text-xs text-gray-600">
              {ticket.ticketType.nameFr} · {ticket.order.code} · {formatDoorCode(ticket.doorCode)}
            </span>
          </span>
          {ticket.checkedInAt ? (
            <span className="text-sm text-gray-700">
              {t("checkIn.inSince", { time: formatTime(ticket.checkedInAt, timeZone, locale) })}
            </span>
          ) : (
            <door.Form method="post">
              <input type="hidden" name="intent" value="check-in-ticket" />
              <input type="hidden" name="ticketId" value={ticket.id} />
              <button
                type="submit"
                className="rounded-md bg-brand-600 px-3 py-2 text-sm font-bold text-white"
                aria-label={t("checkIn.letIn", { name: ticket.attendeeName })}
              >
                {t("checkIn.letInShort")}
              </button>
            </door.Form>
          )}
        </li>
      ))}
    </ul>
  );
}

// Looking a guest up by name, to let them in without their code.
export function GuestSearch({
  search,
  found,
  timeZone,
  door,
}: {
  search: string;
  found: FoundTicket[];
  timeZone: string;
  door: FetcherWithComponents<unknown>;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="search-title" className="card p-4">
      <h2 id="search-title" className="font-bold">
        {t("checkIn.searchTitle")}
      </h2>
      <Form method="get" className="mt-2 flex gap-2">
        <label className="sr-only" htmlFor="nom">
          {t("checkIn.searchLabel")}
        </label>
        <input
          id="nom"
          name="nom"
          defaultValue={search}
          placeholder={t("checkIn.searchLabel")}
          className="block w-full rounded-md border border-stone-300 px-3 py-2"
        />
        <button type="submit" className="rounded-md border border-stone-300 px-3 py-2 font-semibold">
          {t("checkIn.search")}
        </button>
      </Form>
      <TicketChoices tickets={found} timeZone={timeZone} door={door} />
      {search && found.length === 0 ? <EmptyState>{t("checkIn.noMatch")}</EmptyState> : null}
    </section>
  );
}
