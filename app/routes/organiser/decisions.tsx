import { parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "~/infra/i18n/react";
import { data, href, redirect } from "react-router";
import type { Route } from "./+types/decisions";
import { eventOrganiser, type EventOrganiser } from "~/auth/event-organiser.server";
import { messageSchema, pendingSchema } from "~/cfp/decision-form";
import {
  applyPendingDecisions,
  decisionBoard,
  decisionMessages,
  previewDecision,
  saveDecisionMessage,
  setPendingDecision,
} from "~/cfp/decisions.server";
import {
  AnnounceSection,
  AppliedNotice,
  DecisionsTable,
  MessagesSection,
  UnconfirmedSection,
} from "~/cfp/decision-sections";
import { db } from "~/infra/db/db.server";
import { env } from "~/infra/env.server";
import { detectLocale } from "~/infra/i18n/locale.server";
import { ranking } from "~/review/review.server";
import { FormErrors } from "~/ui/form";
import { pageTitle } from "~/ui/meta";
import { readForm } from "~/infra/request-body.server";
import { pageStrings } from "~/infra/i18n/strings.server";
import { PageHeader } from "~/ui/page-header";
import { useEventCrumbs } from "~/events/event-crumbs";

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

type IntentArgs = EventOrganiser & { formData: FormData; intent: FormDataEntryValue | null };

async function apply({ user, event }: IntentArgs) {
  const result = await applyPendingDecisions(db(), {
    eventId: event.id,
    organiserId: user.id,
    appUrl: env().APP_URL,
    secret: env().SESSION_SECRET,
  });
  return redirect(
    `${href("/organisateur/evenements/:eventSlug/decisions", { eventSlug: event.slug })}?annonces=${result.applied}&ignores=${result.skipped}`,
  );
}

async function pending({ event, formData, intent }: IntentArgs) {
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

async function message({ event, formData, intent }: IntentArgs) {
  const submission = parseWithZod(formData, { schema: messageSchema });
  if (submission.status !== "success")
    return data({ intent, result: submission.reply(), error: null }, { status: 400 });
  await saveDecisionMessage(db(), event.id, submission.value.decision, submission.value);
  return { intent, result: submission.reply(), error: null };
}

// Any other intent saves a message, as the message form is the page's default.
const intents = { apply, pending, message };

export async function action({ request, context }: Route.ActionArgs) {
  const organiser = eventOrganiser(context);
  const formData = await readForm(request);
  const intent = formData.get("intent");
  const handler =
    typeof intent === "string" && Object.hasOwn(intents, intent) ? intents[intent as keyof typeof intents] : message;
  return handler({ ...organiser, formData, intent });
}

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, (t) => t("decisions.title"));
}

export default function Decisions({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { event, rows, board, messages, previews, applied, skipped } = loaderData;
  return (
    <>
      <PageHeader breadcrumbs={useEventCrumbs(event)} title={t("decisions.title")} lead={t("decisions.lead")} />
      {applied !== null ? <AppliedNotice applied={Number(applied)} skipped={Number(skipped ?? 0)} /> : null}
      {actionData?.error ? (
        <div className="mt-4">
          <FormErrors errors={[actionData.error]} />
        </div>
      ) : null}
      <DecisionsTable rows={rows} />
      <AnnounceSection board={board} previews={previews} />
      <UnconfirmedSection unconfirmed={board.unconfirmed} timeZone={event.timeZone} />
      <MessagesSection
        messages={messages}
        resultFor={(d) =>
          actionData?.intent === "message" && actionData.result?.initialValue?.decision === d
            ? actionData.result
            : undefined
        }
      />
    </>
  );
}
