import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "react-router";
import type { z } from "zod";
import { formatDateTime } from "~/infra/i18n/i18n";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { CheckboxField, FormErrors, intentSucceeded, ItemButton, Notice, RemoveForm, SubmitButton } from "~/ui/form";
import { Section } from "~/ui/section";
import type { postSchema } from "./board-form";
import { ResourceFields, ResourceItem, SessionLabel, SessionSelect } from "./board-sections";
import type { BoardResource, organiserBoard } from "./boards.server";

// The sections of a series' board page for its organisers (app/routes/organiser/series-board.tsx).

type Page = Awaited<ReturnType<typeof organiserBoard>>;
type Reply = { intent: unknown; target?: string; error: string | null };

// What became of the last action on this item (or, without an id, on the form of `intent`),
// said beside it rather than at the top of a long page.
export function BoardFeedback({ reply, id, intent }: { reply?: Reply; id?: string; intent?: string }) {
  const { t } = useTranslation();
  if (!reply || (id ? reply.target !== id : reply.intent !== intent)) return null;
  return (
    <div className="mt-2 w-full">
      {reply.error ? (
        <FormErrors errors={[reply.error]} />
      ) : (
        <Notice>{t(`boards.admin.done.${String(reply.intent)}`)}</Notice>
      )}
    </div>
  );
}

// What an organiser may do with a published item: pin it or not, remove it.
function ItemActions({ resource, reply }: { resource: BoardResource; reply?: Reply }) {
  const { t } = useTranslation();
  return (
    <>
      {resource.status === "PUBLISHED" ? (
        <ItemButton
          intent={resource.pinned ? "unpin" : "pin"}
          id={resource.id}
          label={t(resource.pinned ? "boards.admin.unpin" : "boards.admin.pin")}
        />
      ) : (
        <span className="self-center text-sm text-gray-700">{t(`boards.status.${resource.status}`)}</span>
      )}
      <RemoveForm intent="remove" id={resource.id} label={t("boards.admin.remove")} />
      {reply?.intent === "pin" || reply?.intent === "unpin" ? <BoardFeedback reply={reply} id={resource.id} /> : null}
    </>
  );
}

// The participants' suggestions, oldest first: approve (published at once) or not.
export function WaitingSection({
  waiting,
  timeZone,
  reply,
}: {
  waiting: Page["waiting"];
  timeZone: string;
  reply?: Reply;
}) {
  const { t } = useTranslation();
  return (
    <Section title={t("boards.admin.waiting", { count: waiting.length })} lead={t("boards.admin.waitingLead")}>
      {reply?.intent === "approve" || reply?.intent === "reject" ? (
        <BoardFeedback reply={reply} id={reply.target} />
      ) : null}
      {waiting.length ? (
        <ul className="mt-2 divide-y divide-stone-100">
          {waiting.map((r) => (
            <ResourceItem
              key={r.id}
              resource={r}
              actions={
                <>
                  <span className="w-full text-sm text-gray-700">
                    {t("boards.admin.suggestedBy", { name: r.author.name, email: r.author.email })}
                    {" · "}
                    {r.session ? (
                      <SessionLabel session={r.session} timeZone={timeZone} />
                    ) : (
                      t("boards.form.wholeSeries")
                    )}
                  </span>
                  <ItemButton intent="approve" id={r.id} label={t("boards.admin.approve")} />
                  <ItemButton intent="reject" id={r.id} label={t("boards.admin.reject")} />
                </>
              }
            />
          ))}
        </ul>
      ) : (
        <p className="mt-2 text-sm text-gray-700">{t("boards.admin.noneWaiting")}</p>
      )}
    </Section>
  );
}

// One session: its resources, its guests' link and its follow-up mail.
function SessionBoard({
  session,
  timeZone,
  guestUrl,
  reply,
}: {
  session: Page["sessions"][number];
  timeZone: string;
  guestUrl: string | null;
  reply?: Reply;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const published = session.resources.filter((r) => r.status === "PUBLISHED").length;
  return (
    <li className="px-4 py-4">
      <h3 className="font-bold">
        <SessionLabel session={session} timeZone={timeZone} />
      </h3>
      <p className="text-sm text-gray-700">
        {session.guests ? `${t("series.public.guests", { guests: session.guests })} · ` : ""}
        {t("series.admin.present", { count: session.attendees })}
      </p>
      {session.resources.length ? (
        <ul className="mt-2 divide-y divide-stone-100 rounded-md border border-stone-200">
          {session.resources.map((r) => (
            <ResourceItem key={r.id} resource={r} actions={<ItemActions resource={r} reply={reply} />} />
          ))}
        </ul>
      ) : null}
      <BoardFeedback reply={reply} id={session.id} />
      <div className="mt-3 space-y-2">
        {guestUrl ? (
          <label className="block text-sm font-semibold">
            {t("boards.admin.guestLink")}
            <input
              readOnly
              value={guestUrl}
              className="mt-1 block w-full rounded-md border border-stone-300 bg-stone-50 px-2 py-1 font-mono text-xs"
            />
          </label>
        ) : null}
        <ItemButton
          intent="guest-link"
          id={session.id}
          label={t(guestUrl ? "boards.admin.renewGuestLink" : "boards.admin.makeGuestLink")}
        />
      </div>
      <p className="mt-3 text-sm text-gray-700">
        {session.followUpSentAt
          ? t("boards.admin.followUpSent", {
              date: formatDateTime(session.followUpSentAt, timeZone, locale, {
                dateStyle: "medium",
                timeStyle: "short",
              }),
            })
          : session.ended && published
            ? null
            : t("boards.admin.followUpLater")}
      </p>
      {!session.followUpSentAt && session.ended && published ? (
        <ItemButton
          intent="follow-up"
          id={session.id}
          label={t("boards.admin.sendFollowUp", { count: session.attendees })}
        />
      ) : null}
    </li>
  );
}

export function SessionsSection({
  page,
  guestUrl,
  reply,
}: {
  page: Page;
  guestUrl: (token: string | null) => string | null;
  reply?: Reply;
}) {
  const { t } = useTranslation();
  return (
    <section className="mt-8">
      <h2 className="text-xl font-bold">{t("boards.admin.sessions")}</h2>
      {page.general.length ? (
        <>
          <h3 className="mt-3 font-bold">{t("boards.general")}</h3>
          <ul className="mt-2 divide-y divide-stone-100 card">
            {page.general.map((r) => (
              <ResourceItem key={r.id} resource={r} actions={<ItemActions resource={r} reply={reply} />} />
            ))}
          </ul>
        </>
      ) : null}
      <ol className="mt-3 divide-y divide-stone-100 card">
        {page.sessions.map((s) => (
          <SessionBoard
            key={s.id}
            session={s}
            timeZone={page.series.timeZone}
            guestUrl={guestUrl(s.guestToken)}
            reply={reply}
          />
        ))}
      </ol>
    </section>
  );
}

// An organiser's own post: published at once, to a session or to the series.
export function PostSection({
  sessions,
  timeZone,
  reply,
}: {
  sessions: Page["sessions"];
  timeZone: string;
  reply?: Reply & { result?: SubmissionResult<string[]> };
}) {
  const { t } = useTranslation();
  // A post goes to the latest session that has begun unless told otherwise (after a post too).
  const latest = sessions.find((s) => new Date(s.startsAt) <= new Date())?.id ?? "";
  const [form, fields] = useForm<z.input<typeof postSchema>>({
    lastResult: reply?.intent === "post" ? reply.result : undefined,
    defaultValue: { sessionId: latest },
  });
  return (
    <Section title={<span id="publier">{t("boards.admin.post")}</span>} lead={t("boards.admin.postLead")}>
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="mt-3 space-y-3">
        <input type="hidden" name="intent" value="post" />
        <ResourceFields
          fields={fields}
          session={<SessionSelect meta={fields.sessionId} sessions={sessions} timeZone={timeZone} />}
        />
        <CheckboxField meta={fields.pinned} label={t("boards.admin.pinIt")} />
        <FormErrors errors={form.errors} />
        {intentSucceeded(reply, "post") ? <Notice>{t("boards.admin.posted")}</Notice> : null}
        <SubmitButton>{t("boards.admin.publish")}</SubmitButton>
      </Form>
    </Section>
  );
}

// Who sees the board.
export function VisibilitySection({
  visibility,
  reply,
}: {
  visibility: Page["series"]["boardVisibility"];
  reply?: Reply;
}) {
  const { t } = useTranslation();
  return (
    <Section title={<span id="visibilite">{t("boards.admin.visibility")}</span>}>
      <BoardFeedback reply={reply} intent="visibility" />
      <Form method="post" className="mt-3 space-y-2">
        <input type="hidden" name="intent" value="visibility" />
        {(["PUBLIC", "REGISTRANTS"] as const).map((v) => (
          <label key={v} className="flex items-start gap-2 text-sm">
            <input type="radio" name="boardVisibility" value={v} defaultChecked={visibility === v} className="mt-1" />
            <span>{t(`boards.admin.visibilities.${v}`)}</span>
          </label>
        ))}
        <SubmitButton variant="secondary">{t("boards.admin.save")}</SubmitButton>
      </Form>
    </Section>
  );
}
