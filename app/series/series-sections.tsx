import { Form, Link } from "react-router";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { formatDateTime, formatTime } from "~/infra/i18n/i18n";
import { CompactInput, SubmitButton } from "~/ui/form";
import type { seriesReport } from "./series.server";
import { Cell, DataRow, DataTable } from "~/ui/data-table";

// The sections of a series' organiser page (app/routes/organiser/series.tsx).

type Report = NonNullable<Awaited<ReturnType<typeof seriesReport>>>;
type Person = Report["people"][number];
type Session = Report["sessions"][number];

// Attendance week by week.
export function WeeksSection({ weeks, timeZone }: { weeks: Report["weeks"]; timeZone: string }) {
  const { t } = useTranslation();
  return (
    <section className="mt-6">
      <h2 className="text-xl font-bold">{t("series.admin.weeks")}</h2>
      <WeeksChart weeks={weeks} timeZone={timeZone} />
    </section>
  );
}

// Everyone registered, how often they came and the weeks they were a "pilier".
export function PeopleSection({ people }: { people: Person[] }) {
  const { t } = useTranslation();
  return (
    <section className="mt-8">
      <h2 className="text-xl font-bold">{t("series.admin.people")}</h2>
      <DataTable
        columns={[
          t("portal.csv.name"),
          t("portal.csv.email"),
          t("series.admin.attendedCol"),
          t("series.admin.pilierCol"),
        ]}
      >
        {people.map((p) => (
          <DataRow key={p.id}>
            <Cell className="font-semibold">{p.name}</Cell>
            <Cell>{p.email}</Cell>
            <Cell>{p.attended}</Cell>
            <Cell>{p.pilierWeeks.length ? `★ ${p.pilierWeeks.length}` : "—"}</Cell>
          </DataRow>
        ))}
      </DataTable>
    </section>
  );
}

// The sessions, one chosen (current) to edit and to take attendance for.
export function SessionsSection({
  sessions,
  people,
  current,
  timeZone,
}: {
  sessions: Session[];
  people: Person[];
  current: Session | undefined;
  timeZone: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section className="mt-8 grid gap-6 lg:grid-cols-[18rem_1fr]">
      <div>
        <h2 className="text-xl font-bold">{t("series.admin.sessions")}</h2>
        <ol className="mt-3 max-h-96 overflow-y-auto card text-sm">
          {sessions.map((s) => (
            <li
              key={s.id}
              className={`border-b border-stone-100 px-3 py-2 ${s.id === current?.id ? "bg-brand-50" : ""}`}
            >
              <Link to={`?seance=${s.id}`} aria-current={s.id === current?.id ? "true" : undefined}>
                {formatDateTime(s.startsAt, timeZone, locale, {
                  weekday: "short",
                  day: "numeric",
                  month: "short",
                  hour: "2-digit",
                  minute: "2-digit",
                })}
              </Link>
              <span className="ml-2 text-gray-700">{t("series.admin.present", { count: s.present.length })}</span>
            </li>
          ))}
        </ol>
      </div>
      {current ? <SessionCard session={current} people={people} timeZone={timeZone} /> : null}
    </section>
  );
}

// One session: its theme and guests, and who was there.
function SessionCard({ session, people, timeZone }: { session: Session; people: Person[]; timeZone: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="card p-4">
      <h2 className="text-lg font-bold">
        {formatDateTime(session.startsAt, timeZone, locale, {
          weekday: "long",
          day: "numeric",
          month: "long",
          hour: "2-digit",
          minute: "2-digit",
        })}{" "}
        – {formatTime(session.endsAt, timeZone, locale)}
      </h2>
      <Form method="post" className="mt-3 grid gap-3 sm:grid-cols-2">
        <input type="hidden" name="intent" value="session" />
        <input type="hidden" name="sessionId" value={session.id} />
        <CompactInput label={t("series.admin.themeFr")} name="themeFr" defaultValue={session.themeFr} maxLength={200} />
        <CompactInput label={t("series.admin.themeEn")} name="themeEn" defaultValue={session.themeEn} maxLength={200} />
        <CompactInput
          label={t("series.admin.guests")}
          name="guests"
          defaultValue={session.guests}
          maxLength={300}
          className="sm:col-span-2"
        />
        <div>
          <SubmitButton variant="secondary">{t("common.save")}</SubmitButton>
        </div>
      </Form>
      <h3 className="mt-5 font-bold">{t("series.admin.attendance")}</h3>
      <ul className="mt-2 divide-y divide-stone-100">
        {people.map((p) => {
          const present = session.present.includes(p.id);
          return (
            <li key={p.id} className="flex items-center justify-between gap-3 py-1.5">
              <span>
                {p.name}
                {/* Where things stand in words; the button says what it does. */}
                <span className={`ml-2 text-sm font-semibold ${present ? "text-green-800" : "text-gray-600"}`}>
                  {t(present ? "series.admin.presentLabel" : "series.admin.absentLabel")}
                </span>
              </span>
              <Form method="post">
                <input type="hidden" name="sessionId" value={session.id} />
                <input type="hidden" name="registrationId" value={p.id} />
                <button
                  type="submit"
                  name="intent"
                  value={present ? "absent" : "present"}
                  aria-label={t(present ? "series.admin.markAbsent" : "series.admin.markPresent", {
                    name: p.name,
                  })}
                  className={`rounded-md px-3 py-1 text-sm font-semibold ${present ? "border border-stone-300 bg-white" : "bg-green-700 text-white"}`}
                >
                  {t(present ? "series.admin.markAbsentShort" : "series.admin.markPresentShort")}
                </button>
              </Form>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

// Attendance per week as bars: people who came at least once, and the "piliers" among them.
function WeeksChart({
  weeks,
  timeZone,
}: {
  weeks: { week: string; people: number; piliers: number; sessions: number }[];
  timeZone: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const max = Math.max(1, ...weeks.map((w) => w.people));
  const bar = 36;
  const height = 140;
  const top = 18;
  return (
    <figure className="mt-3 overflow-x-auto card p-3">
      <svg
        role="img"
        aria-label={t("series.admin.chartLabel")}
        width={weeks.length * (bar + 16) + 10}
        height={top + height + 24}
      >
        {weeks.map((w, i) => {
          const x = 10 + i * (bar + 16);
          const h = (w.people / max) * height;
          const p = (w.piliers / max) * height;
          return (
            <g key={w.week}>
              <title>
                {t("series.admin.chartWeek", {
                  week: w.week,
                  people: w.people,
                  piliers: w.piliers,
                  sessions: w.sessions,
                })}
              </title>
              <rect x={x} y={top + height - h} width={bar} height={h} fill="#f5e0d6" />
              <rect x={x} y={top + height - p} width={bar} height={p} fill="#b4432b" />
              <text x={x + bar / 2} y={top + height - h - 4} textAnchor="middle" fontSize="12" fill="#1f2933">
                {w.people}
              </text>
              <text x={x + bar / 2} y={top + height + 16} textAnchor="middle" fontSize="11" fill="#4b5563">
                {formatDateTime(`${w.week}T12:00:00Z`, timeZone, locale, { day: "numeric", month: "short" })}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="mt-1 text-sm text-gray-700">{t("series.admin.chartLegend")}</figcaption>
    </figure>
  );
}
