import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "react-router";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { formatDateTime, formatDecimal } from "~/infra/i18n/i18n";
import type { ranking } from "~/review/review.server";
import { Notice, SubmitButton, TextAreaField } from "~/ui/form";
import { messageSchema } from "./decision-form";
import type { decisionBoard, decisionMessages, Decision } from "./decisions.server";
import { SubmissionStateBadge } from "./state-badge";
import { Cell, DataRow, DataTable } from "~/ui/data-table";
import { EmptyState } from "~/ui/empty-state";

// The sections of an event's decisions page (app/routes/organiser/decisions.tsx).

type Board = Awaited<ReturnType<typeof decisionBoard>>;
type Preview = { subject: string; html: string } | null;
type LastResult = SubmissionResult<string[]> | undefined;

// The ranked submissions, each with the decision waiting to be announced.
// What the last announcement did: the decisions sent, and those left because their story changed.
export function AppliedNotice({ applied, skipped }: { applied: number; skipped: number }) {
  const { t } = useTranslation();
  return (
    <div className="mt-4">
      <Notice>
        {t("decisions.applied", { count: applied })}
        {skipped > 0 ? ` ${t("decisions.skipped", { count: skipped })}` : null}
      </Notice>
    </div>
  );
}

export function DecisionsTable({ rows }: { rows: Awaited<ReturnType<typeof ranking>> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const score = (value: number | null) => (value === null ? "—" : formatDecimal(value, 2, locale));
  return (
    <DataTable
      className="mt-4"
      columns={[t("submission.title"), t("ranking.mean"), t("speaker.state"), t("decisions.pending")]}
    >
      {rows.map((row) => (
        <DataRow key={row.id}>
          <Cell>
            <span className="font-semibold">{row.title}</span>
            <span className="block text-xs text-gray-600">{row.speakers.join(", ")}</span>
          </Cell>
          <Cell>{score(row.mean)}</Cell>
          <Cell>
            <SubmissionStateBadge state={row.state} />
          </Cell>
          <Cell>
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
          </Cell>
        </DataRow>
      ))}
    </DataTable>
  );
}

// What announcing would send, with the mails' previews, and the button that sends them.
export function AnnounceSection({ board, previews }: { board: Board; previews: Record<Decision, Preview> }) {
  const { t } = useTranslation();
  const pendingTotal = (board.pending.ACCEPTED ?? 0) + (board.pending.REJECTED ?? 0);
  return (
    <section className="mt-8 rounded-lg border border-brand-100 bg-brand-50 p-5">
      <h2 className="text-xl font-bold">{t("decisions.announce")}</h2>
      <p className="mt-1">
        {t("decisions.summary", {
          accepted: t("decisions.pendingAccepted", { count: board.pending.ACCEPTED ?? 0 }),
          rejected: t("decisions.pendingRejected", { count: board.pending.REJECTED ?? 0 }),
        })}
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
  );
}

// The accepted speakers who have not confirmed yet.
export function UnconfirmedSection({ unconfirmed, timeZone }: { unconfirmed: Board["unconfirmed"]; timeZone: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section className="mt-8">
      <h2 className="text-xl font-bold">{t("decisions.unconfirmed")}</h2>
      {unconfirmed.length === 0 ? <EmptyState>{t("decisions.allConfirmed")}</EmptyState> : null}
      <ul className="mt-3 space-y-2">
        {unconfirmed.map((s) => (
          <li key={s.id} className="rounded-md border border-stone-200 bg-white px-4 py-3 text-sm">
            <strong>{s.title}</strong>
            {s.speakers.map((sp, i) => (
              <span key={i} className="block text-gray-700">
                {sp.user.name || sp.user.email} —{" "}
                {sp.acceptedAt
                  ? t("decisions.acceptedOn", {
                      date: formatDateTime(sp.acceptedAt, timeZone, locale, {
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
  );
}

// The two decision mails' texts, each in its form; resultFor gives the action's answer for one.
export function MessagesSection({
  messages,
  resultFor,
}: {
  messages: Awaited<ReturnType<typeof decisionMessages>>;
  resultFor: (decision: Decision) => LastResult;
}) {
  const { t } = useTranslation();
  return (
    <section className="mt-8">
      <h2 className="text-xl font-bold">{t("decisions.messages")}</h2>
      <p className="mt-1 text-sm text-gray-700">{t("decisions.placeholders")}</p>
      <div className="mt-3 grid gap-6 lg:grid-cols-2">
        {(["ACCEPTED", "REJECTED"] as const).map((d) => (
          <MessageEditor key={d} decision={d} bodies={messages[d]} lastResult={resultFor(d)} />
        ))}
      </div>
    </section>
  );
}

function MessageEditor({
  decision,
  bodies,
  lastResult,
}: {
  decision: Decision;
  bodies: { bodyFr: string; bodyEn: string };
  lastResult: LastResult;
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
