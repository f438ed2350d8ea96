import { useLocale, useTranslation } from "~/infra/i18n/react";
import { href, Link } from "react-router";
import { formatDateTime, localized } from "~/infra/i18n/i18n";
import { whenLine } from "./where-and-when";

type Card = {
  slug: string;
  titleFr: string;
  titleEn: string;
  startsAt: Date | string;
  timeZone: string;
  venueName: string | null;
  onlineUrl: string | null;
  hashtag: string | null;
  organisation: { name: string };
};

const LATER_SHOWN = 3;

// `later`: the next dates of an evening that comes back under the same title.
export function EventCard({ event, later = [] }: { event: Card; later?: Card[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <li className="card p-5 shadow-sm">
      <p className="text-sm font-semibold text-brand-600">
        <time dateTime={new Date(event.startsAt).toISOString()}>{whenLine(event, locale)}</time>
      </p>
      <h3 className="mt-1 text-lg font-bold">
        <Link to={href("/e/:eventSlug", { eventSlug: event.slug })}>{localized(event, "title", locale)}</Link>
      </h3>
      <p className="mt-1 text-sm text-gray-700">
        {event.venueName ?? t("event.online")} · {event.organisation.name}
        {event.hashtag ? ` · ${event.hashtag}` : ""}
      </p>
      {later.length ? (
        <p className="mt-2 text-sm">
          {t("event.laterDates")}{" "}
          {later.slice(0, LATER_SHOWN).map((date, i) => (
            <span key={date.slug}>
              {i ? ", " : ""}
              <Link to={href("/e/:eventSlug", { eventSlug: date.slug })}>
                {formatDateTime(date.startsAt, date.timeZone, locale, {
                  weekday: "short",
                  day: "numeric",
                  month: "short",
                })}
              </Link>
            </span>
          ))}
          {later.length > LATER_SHOWN ? ` ${t("event.moreDates", { count: later.length - LATER_SHOWN })}` : ""}
        </p>
      ) : null}
    </li>
  );
}
