import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/decisions";
import { eventOrganiser } from "~/auth/event-organiser.server";
import { messageSchema, pendingSchema } from "~/cfp/decision-form";
import {
  applyPendingDecisions,
  decisionBoard,
  decisionMessages,
  previewDecision,
  saveDecisionMessage,
  setPendingDecision,
  type Decision,
} from "~/cfp/decisions.server";
import { SubmissionStateBadge } from "~/cfp/state-badge";
import { db } from "~/infra/db/db.server";
import { env } from "~/infra/env.server";
import { formatDateTime, localized } from "~/infra/i18n/i18n";
import { detectLocale } from "~/infra/i18n/locale.server";
import { ranking } from "~/review/review.server";
import { FormErrors, Notice, SubmitButton, TextAreaField } from "~/ui/form";
import { pageTitle } from "~/ui/meta";
import { readForm } from "~/infra/request-body.server";
import { pageStrings } from "~/infra/i18n/strings.server";

export async function loader({ request, context }: Route.LoaderArgs) {
  const { event } = eventOrganiser(context);
  const locale = await detectLocale(request);
  const mailContext = { appUrl: env().APP_URL, secret: env().SESSION_SECRET };
  const [rows, board, messages, acceptedPreview, rejectedPreview] = await Promise.all([
    ranking(db(), event.id),
    decisionBoard(db(), event.id),
    decisionMessages(db(), event.id),
    previewDecision(db(), event.id, "ACCEPTED", locale, mailContext),
    previewDecision(db(), event.id, "REJECTED", locale, mailContext),
  ]);
  const url = new URL(request.url);
  return {
    strings: await pageStrings(
      request,
      "dashboard",
      "decisions",
      "errors",
      "event",
      "eventForm",
      "ranking",
      "speaker",
      "submission",
      "submissionState",
    ),
    event: { slug: event.slug, titleFr: event.titleFr, titleEn: event.titleEn, timeZone: event.timeZone },
    rows,
    board,
    messages,
    previews: { ACCEPTED: acceptedPreview, REJECTED: rejectedPreview },
    applied: url.searchParams.get("annonces"),
    skipped: url.searchParams.get("ignores"),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { user, event } = eventOrganiser(context);
  const formData = await readForm(request);
  const intent = formData.get("intent");
  if (intent === "apply") {
    const result = await applyPendingDecisions(db(), {
      eventId: event.id,
      organiserId: user.id,
      appUrl: env().APP_URL,
      secret: env().SESSION_SECRET,
    });
    return redirect(
      `/organisateur/evenements/${event.slug}/decisions?annonces=${result.applied}&ignores=${result.skipped}`,
    );
  }
  if (intent === "pending") {
    const parsed = pendingSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return data({ intent, result: undefined, error: "errors.badIntent" }, { status: 400 });
    const set = await setPendingDecision(
      db(),
      event.id,
      parsed.data.id,
      parsed.data.decision === "NONE" ? null : parsed.data.decision,
    );
    return set.ok
      ? { intent, result: undefined, error: null }
      : data({ intent, result: undefined, error: set.error }, { status: 400 });
  }
  const submission = parseWithZod(formData, { schema: messageSchema });
  if (submission.status !== "success")
    return data({ intent, result: submission.reply(), error: null }, { status: 400 });
  await saveDecisionMessage(db(), event.id, submission.value.decision, submission.value);
  return { intent, result: submission.reply(), error: null };
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => t("decisions.title"));
}

function MessageEditor({
  decision,
  bodies,
  lastResult,
}: {
  decision: Decision;
  bodies: { bodyFr: string; bodyEn: string };
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: `message-${decision}`,
    lastResult,
    constraint: getZodConstraint(messageSchema),
    defaultValue: bodies,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: messageSchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3 card p-4">
      <h3 className="font-bold">{t(`decisions.message.${decision}`)}</h3>
      <input type="hidden" name="intent" value="message" />
      <input type="hidden" name="decision" value={decision} />
      {lastResult?.status === "success" ? <Notice>{t("eventForm.notice.saved")}</Notice> : null}
      <TextAreaField meta={fields.bodyFr} label={t("decisions.bodyFr")} rows={6} />
      <TextAreaField meta={fields.bodyEn} label={t("decisions.bodyEn")} rows={6} />
      <SubmitButton variant="secondary">{t("common.save")}</SubmitButton>
    </Form>
  );
}

export default function Decisions({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { event, rows, board, messages, previews, applied, skipped } = loaderData;
  const pendingTotal = (board.pending.ACCEPTED ?? 0) + (board.pending.REJECTED ?? 0);
  const score = (value: number | null) => (value === null ? "—" : value.toFixed(2));
  return (
    <>
      <p className="text-sm text-gray-600">
        <Link to="/organisateur">{t("dashboard.title")}</Link> ·{" "}
        <Link to={`/organisateur/evenements/${event.slug}`}>{localized(event, "title", locale)}</Link> ·{" "}
        <Link to={`/organisateur/evenements/${event.slug}/classement`}>{t("ranking.title")}</Link>
      </p>
      <h1 className="mt-1 text-3xl font-extrabold">{t("decisions.title")}</h1>
      <p className="mt-2 max-w-3xl text-gray-700">{t("decisions.lead")}</p>
      {applied !== null ? (
        <div className="mt-4">
          <Notice>{t("decisions.applied", { count: Number(applied), skipped: Number(skipped ?? 0) })}</Notice>
        </div>
      ) : null}
      {actionData?.error ? (
        <div className="mt-4">
          <FormErrors errors={[actionData.error]} />
        </div>
      ) : null}
      <div className="mt-4 overflow-x-auto card">
        <table className="w-full text-left text-sm">
          <thead className="bg-stone-50 text-xs uppercase text-gray-600">
            <tr>
              <th scope="col" className="px-3 py-2">
                {t("submission.title")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("ranking.mean")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("speaker.state")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("decisions.pending")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className="border-t border-stone-100">
                <td className="px-3 py-2">
                  <span className="font-semibold">{row.title}</span>
                  <span className="block text-xs text-gray-600">{row.speakers.join(", ")}</span>
                </td>
                <td className="px-3 py-2">{score(row.mean)}</td>
                <td className="px-3 py-2">
                  <SubmissionStateBadge state={row.state} />
                </td>
                <td className="px-3 py-2">
                  <Form
                    method="post"
                    className="flex flex-wrap items-center gap-1"
                    aria-label={t("decisions.pendingFor", { title: row.title })}
                  >
                    <input type="hidden" name="intent" value="pending" />
                    <input type="hidden" name="id" value={row.id} />
                    {row.pendingState ? (
                      <span className="mr-2 font-semibold">{t(`decisions.will.${row.pendingState}`)}</span>
                    ) : null}
                    {(["ACCEPTED", "REJECTED"] as const)
                      .filter(
                        (d) =>
                          d !== row.pendingState &&
                          ["SUBMITTED", "ACCEPTED", "REJECTED"].includes(row.state) &&
                          d !== row.state,
                      )
                      .map((d) => (
                        <button
                          key={d}
                          type="submit"
                          name="decision"
                          value={d}
                          className="rounded border border-stone-300 px-2 py-1 text-xs font-semibold hover:bg-stone-50"
                        >
                          {t(`decisions.set.${d}`)}
                        </button>
                      ))}
                    {row.pendingState ? (
                      <button type="submit" name="decision" value="NONE" className="px-2 py-1 text-xs underline">
                        {t("decisions.clear")}
                      </button>
                    ) : null}
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section className="mt-8 rounded-lg border border-brand-100 bg-brand-50 p-5">
        <h2 className="text-xl font-bold">{t("decisions.announce")}</h2>
        <p className="mt-1">
          {t("decisions.summary", { accepted: board.pending.ACCEPTED ?? 0, rejected: board.pending.REJECTED ?? 0 })}
        </p>
        {(["ACCEPTED", "REJECTED"] as const).map((d) =>
          previews[d] ? (
            <details key={d} className="mt-3">
              <summary className="cursor-pointer font-semibold">
                {t(`decisions.preview.${d}`, { subject: previews[d]!.subject })}
              </summary>
              <iframe
                title={previews[d]!.subject}
                srcDoc={previews[d]!.html}
                sandbox=""
                className="mt-2 h-96 w-full rounded border border-stone-200 bg-white"
              />
            </details>
          ) : null,
        )}
        <Form method="post" className="mt-4">
          <input type="hidden" name="intent" value="apply" />
          {pendingTotal > 0 ? (
            <SubmitButton>{t("decisions.apply", { count: pendingTotal })}</SubmitButton>
          ) : (
            <p className="text-sm text-gray-700">{t("decisions.nothingPending")}</p>
          )}
        </Form>
      </section>
      <section className="mt-8">
        <h2 className="text-xl font-bold">{t("decisions.unconfirmed")}</h2>
        {board.unconfirmed.length === 0 ? (
          <p className="mt-2 text-sm text-gray-700">{t("decisions.allConfirmed")}</p>
        ) : null}
        <ul className="mt-3 space-y-2">
          {board.unconfirmed.map((s) => (
            <li key={s.id} className="rounded-md border border-stone-200 bg-white px-4 py-3 text-sm">
              <strong>{s.title}</strong>
              {s.speakers.map((sp, i) => (
                <span key={i} className="block text-gray-700">
                  {sp.user.name || sp.user.email} —{" "}
                  {sp.acceptedAt
                    ? t("decisions.acceptedOn", {
                        date: formatDateTime(sp.acceptedAt, event.timeZone, locale, {
                          dateStyle: "medium",
                          timeStyle: undefined,
                        }),
                      })
                    : ""}
                  {sp.remindedAt ? ` · ${t("decisions.reminded")}` : ""}
                </span>
              ))}
            </li>
          ))}
        </ul>
      </section>
      <section className="mt-8">
        <h2 className="text-xl font-bold">{t("decisions.messages")}</h2>
        <p className="mt-1 text-sm text-gray-700">{t("decisions.placeholders")}</p>
        <div className="mt-3 grid gap-6 lg:grid-cols-2">
          {(["ACCEPTED", "REJECTED"] as const).map((d) => (
            <MessageEditor
              key={d}
              decision={d}
              bodies={messages[d]}
              lastResult={
                actionData?.intent === "message" && actionData.result?.initialValue?.decision === d
                  ? actionData.result
                  : undefined
              }
            />
          ))}
        </div>
      </section>
    </>
  );
}
