import type { ReactNode } from "react";
import { Form, href, Link } from "react-router";
import { formatDateTime } from "~/infra/i18n/i18n";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { Cell, DataRow, DataTable } from "~/ui/data-table";
import { FormErrors, Notice, SubmitButton } from "~/ui/form";
import { outcomes } from "./answers";
import { departmentName } from "./departments";
import { requestViews, type RequestView } from "./space-form";
import type { associationRequests, readRequest } from "./space.server";

// The sections of the association's space (app/routes/help/association*.tsx).

const fieldClass = "mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base";

function useDay() {
  const locale = useLocale();
  return (date: Date | string) =>
    formatDateTime(date, "Europe/Paris", locale, { dateStyle: "medium", timeStyle: "short" });
}

// The views of the list, as links (no JavaScript needed).
export function RequestViews({ slug, view, newCount }: { slug: string; view: RequestView; newCount: number }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("helpSpace.viewsLabel")} className="mt-4 flex flex-wrap gap-2">
      {requestViews.map((v) => (
        <Link
          key={v}
          to={`${href("/association/:associationSlug", { associationSlug: slug })}?vue=${v}`}
          aria-current={v === view ? "page" : undefined}
          className={`rounded-md border px-3 py-1.5 text-sm font-semibold ${v === view ? "border-brand-600 bg-brand-600 text-white" : "border-stone-300 bg-white"}`}
        >
          {t(`helpSpace.views.${v}`)}
          {v === "nouvelles" && newCount ? ` (${newCount})` : ""}
        </Link>
      ))}
    </nav>
  );
}

type Row = Awaited<ReturnType<typeof associationRequests>>["rows"][number];

export function RequestsTable({ slug, rows }: { slug: string; rows: Row[] }) {
  const { t } = useTranslation();
  const day = useDay();
  return (
    <DataTable
      columns={[t("helpSpace.person"), t("helpSpace.situation"), t("helpSpace.followUp")]}
      empty={rows.length ? undefined : t("helpSpace.empty")}
    >
      {rows.map((r) => (
        <DataRow key={r.id}>
          <Cell header>
            <Link
              to={href("/association/:associationSlug/demandes/:requestId", { associationSlug: slug, requestId: r.id })}
            >
              {r.firstName || t("helpSpace.statuses.WITHDRAWN")}
            </Link>
            <span className="block text-xs font-normal text-gray-600">{t(`helpSpace.statuses.${r.status}`)}</span>
          </Cell>
          <Cell>
            {t(r.companyActive ? "helpSpace.active" : "helpSpace.closedCompany")} ·{" "}
            {t(`help.procedures.${r.procedure}`)} · {r.department} — {departmentName(r.department)}
            <span className="block text-xs text-gray-600">{r.needs.map((n) => t(`help.needs.${n}`)).join(" · ")}</span>
          </Cell>
          <Cell>
            <span className="block text-xs text-gray-600">{t("helpSpace.receivedOn", { date: day(r.routedAt) })}</span>
            {r.volunteer?.name ?? "—"}
            {r.contactBy && r.status === "TAKEN" ? (
              <span className="block text-xs text-gray-600">
                {t("helpSpace.contactBy", { date: day(r.contactBy) })}
              </span>
            ) : null}
          </Cell>
        </DataRow>
      ))}
    </DataTable>
  );
}

type Read = NonNullable<Awaited<ReturnType<typeof readRequest>>>;

function Facts({ items }: { items: [string, ReactNode][] }) {
  return (
    <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
      {items.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-semibold">{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

// What the person asked and how to reach them; where it has been; who read it.
export function RequestDetail({ read }: { read: Read }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const day = useDay();
  const { request, readings } = read;
  const none = t("helpSpace.request.none");
  return (
    <div className="mt-6 grid gap-6 lg:grid-cols-2">
      <section className="card p-4">
        <h2 className="font-bold">{t("helpSpace.request.why")}</h2>
        <p className="mt-1 text-sm">{locale === "en" ? request.reasonEn : request.reasonFr}</p>
        <h2 className="mt-4 font-bold">{t("helpSpace.request.answers")}</h2>
        <Facts
          items={[
            [t("helpSpace.request.companyActive"), t(request.companyActive ? "help.yes" : "help.no")],
            [t("helpSpace.request.procedure"), t(`help.procedures.${request.procedure}`)],
            [t("helpSpace.request.since"), request.since ? t(`help.sinces.${request.since}`) : none],
            [t("helpSpace.needs"), request.needs.map((n) => t(`help.needs.${n}`)).join(" · ")],
            [t("helpSpace.request.department"), `${request.department} — ${departmentName(request.department)}`],
            [t("helpSpace.request.size"), request.companySize ? t(`help.sizes.${request.companySize}`) : none],
            [t("helpSpace.request.sector"), request.sector || none],
          ]}
        />
      </section>
      <section className="card p-4">
        <h2 className="font-bold">{t("helpSpace.request.contact")}</h2>
        {request.status === "WITHDRAWN" ? (
          <p className="mt-1 text-sm">{t("helpSpace.request.withdrawn")}</p>
        ) : (
          <>
            <Facts
              items={[
                [
                  t("helpSpace.request.email"),
                  request.email ? <a href={`mailto:${request.email}`}>{request.email}</a> : none,
                ],
                [
                  t("helpSpace.request.phone"),
                  request.phone ? <a href={`tel:${request.phone.replace(/[^+\d]/g, "")}`}>{request.phone}</a> : none,
                ],
                [t("helpSpace.request.way"), t(`help.contactWays.${request.contactWay}`)],
                [t("helpSpace.request.when"), request.contactWhen || none],
              ]}
            />
            {request.message ? (
              <>
                <h3 className="mt-3 text-sm font-semibold">{t("helpSpace.request.message")}</h3>
                <p className="mt-1 whitespace-pre-line text-sm">{request.message}</p>
              </>
            ) : null}
          </>
        )}
      </section>
      <section className="card p-4">
        <h2 className="font-bold">{t("helpSpace.request.history")}</h2>
        <ul className="mt-2 space-y-2 text-sm">
          <li>
            <span className="text-gray-600">{day(request.createdAt)}</span> — {t("helpSpace.request.received")}
          </li>
          {request.events.map((e, i) => (
            <li key={i}>
              <span className="text-gray-600">{day(e.createdAt)}</span> —{" "}
              {t(`helpSpace.events.${e.kind}`, { by: e.byUser?.name ?? "", association: e.association.name })}
              {e.kind === "CLOSED" && request.outcome ? ` (${t(`helpSpace.outcomes.${request.outcome}`)})` : ""}
              {e.note ? <span className="block whitespace-pre-line text-gray-700">« {e.note} »</span> : null}
            </li>
          ))}
        </ul>
      </section>
      <section className="card p-4">
        <h2 className="font-bold">{t("helpSpace.request.readings")}</h2>
        <ul className="mt-2 space-y-1 text-sm">
          {readings.map((r, i) => (
            <li key={i}>{t("helpSpace.request.readBy", { name: r.user.name, date: day(r.createdAt) })}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function StepForm({ intent, title, children }: { intent: string; title: string; children: ReactNode }) {
  return (
    <Form method="post" className="card space-y-3 p-4">
      <input type="hidden" name="intent" value={intent} />
      <h2 className="font-bold">{title}</h2>
      {children}
    </Form>
  );
}

// The steps a volunteer may take from where the request stands.
export function RequestSteps({ read, today, reply }: { read: Read; today: string; reply?: { error: string | null } }) {
  const { t } = useTranslation();
  const { request, others } = read;
  if (request.status === "CLOSED" || request.status === "WITHDRAWN") return null;
  return (
    <div className="mt-6 space-y-4">
      {reply?.error ? <FormErrors errors={[reply.error]} /> : null}
      {reply && !reply.error ? <Notice>{t("helpSpace.done")}</Notice> : null}
      <div className="grid gap-4 lg:grid-cols-3">
        {request.status === "NEW" ? (
          <StepForm intent="take" title={t("helpSpace.take.title")}>
            <label className="block text-sm font-semibold">
              {t("helpSpace.take.contactBy")}
              <input type="date" name="contactBy" required min={today} defaultValue={today} className={fieldClass} />
            </label>
            <p className="text-xs text-gray-600">{t("helpSpace.take.hint")}</p>
            <SubmitButton>{t("helpSpace.take.button")}</SubmitButton>
          </StepForm>
        ) : null}
        {request.status === "TAKEN" ? (
          <StepForm intent="contacted" title={t("helpSpace.contacted.title")}>
            <SubmitButton>{t("helpSpace.contacted.button")}</SubmitButton>
          </StepForm>
        ) : null}
        <StepForm intent="close" title={t("helpSpace.close.title")}>
          <label className="block text-sm font-semibold">
            {t("helpSpace.close.outcome")}
            <select name="outcome" required className={fieldClass}>
              {outcomes.map((o) => (
                <option key={o} value={o}>
                  {t(`helpSpace.outcomes.${o}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="block text-sm font-semibold">
            {t("helpSpace.close.note")}
            <textarea name="note" rows={2} maxLength={1000} className={fieldClass} />
          </label>
          <SubmitButton variant="secondary">{t("helpSpace.close.button")}</SubmitButton>
        </StepForm>
        {others.length ? (
          <StepForm intent="hand" title={t("helpSpace.hand.title")}>
            <label className="block text-sm font-semibold">
              {t("helpSpace.hand.to")}
              <select name="toAssociationId" required className={fieldClass}>
                {others.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="block text-sm font-semibold">
              {t("helpSpace.hand.note")}
              <textarea name="note" rows={2} required maxLength={1000} className={fieldClass} />
            </label>
            <p className="text-xs text-gray-600">{t("helpSpace.hand.hint")}</p>
            <SubmitButton variant="secondary">{t("helpSpace.hand.button")}</SubmitButton>
          </StepForm>
        ) : null}
      </div>
    </div>
  );
}
