import type { FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";
import { href } from "react-router";
import { formatDateTime, formatTime, localized } from "~/infra/i18n/i18n";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { FileField, SelectField, TextAreaField, TextField } from "~/ui/form";
import type { Board, BoardResource } from "./boards.server";

// The pieces of the boards of resources' pages (app/routes/boards/, the organisers' page).

type Session = { id: string; startsAt: Date | string; endsAt: Date | string; themeFr: string; themeEn: string };

// A session's theme in the reader's language, the French one when it has no other.
const themeOf = (session: Session, locale: "fr" | "en") => localized(session, "theme", locale) || session.themeFr;

// "mardi 12 janvier, 17:00 – 17:40 — Le mandat ad hoc"
export function SessionLabel({ session, timeZone }: { session: Session; timeZone: string }) {
  const locale = useLocale();
  const theme = themeOf(session, locale);
  return (
    <>
      {formatDateTime(session.startsAt, timeZone, locale, {
        weekday: "long",
        day: "numeric",
        month: "long",
        hour: "2-digit",
        minute: "2-digit",
      })}{" "}
      – {formatTime(session.endsAt, timeZone, locale)}
      {theme ? ` — ${theme}` : ""}
    </>
  );
}

function sessionOptions(sessions: Session[], timeZone: string, locale: "fr" | "en", whole: string) {
  return [
    { value: "", label: whole },
    ...sessions.map((s) => ({
      value: s.id,
      label: [
        formatDateTime(s.startsAt, timeZone, locale, { weekday: "short", day: "numeric", month: "short" }),
        themeOf(s, locale),
      ]
        .filter(Boolean)
        .join(" — "),
    })),
  ];
}

const fileUrl = (id: string, token?: string) =>
  `${href("/ressources/:resourceId/fichier", { resourceId: id })}${token ? `?jeton=${encodeURIComponent(token)}` : ""}`;

// One item: its title (the link, or the file to download), its words, who shared it. `token`
// opens a file of a board that is not public; `actions` are the buttons its reader may use.
export function ResourceItem({
  resource,
  token,
  actions,
}: {
  resource: BoardResource;
  token?: string;
  actions?: ReactNode;
}) {
  const { t } = useTranslation();
  const by =
    resource.by.kind === "team"
      ? t("boards.byTeam")
      : resource.by.kind === "guest"
        ? t("boards.byGuest", { name: resource.by.name })
        : t("boards.byParticipant", { name: resource.by.name });
  return (
    <li className="px-4 py-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="font-semibold">
          {resource.pinned ? (
            <span className="mr-1 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-bold text-amber-900">
              {t("boards.pinned")}
            </span>
          ) : null}
          {resource.kind === "LINK" && resource.url ? (
            <a href={resource.url} rel="noopener noreferrer nofollow ugc">
              {resource.title}
            </a>
          ) : resource.kind === "FILE" ? (
            <a href={fileUrl(resource.id, token)} download={resource.fileName ?? undefined}>
              {resource.title}
            </a>
          ) : (
            resource.title
          )}
        </p>
        <p className="text-xs text-gray-700">
          {t(`boards.kinds.${resource.kind}`)}
          {resource.kind === "FILE" && resource.fileBytes
            ? ` · ${t("boards.size", { size: Math.max(1, Math.round(resource.fileBytes / 1024)) })}`
            : ""}{" "}
          · {by}
        </p>
      </div>
      {resource.note ? <p className="mt-1 whitespace-pre-line text-sm text-gray-800">{resource.note}</p> : null}
      {actions ? <div className="mt-2 flex flex-wrap gap-2">{actions}</div> : null}
    </li>
  );
}

// The board as its readers see it: the series' own items first, then each session (its anchor
// is where the session's links point), the latest first.
export function BoardView({ board, timeZone, token }: { board: Board; timeZone: string; token?: string }) {
  const { t } = useTranslation();
  if (!board.general.length && !board.sessions.length) return <p className="mt-4 text-gray-700">{t("boards.empty")}</p>;
  return (
    <div className="mt-6 space-y-6">
      {board.general.length ? (
        <section aria-labelledby="board-general">
          <h2 id="board-general" className="text-xl font-bold">
            {t("boards.general")}
          </h2>
          <ul className="mt-2 divide-y divide-stone-100 card">
            {board.general.map((r) => (
              <ResourceItem key={r.id} resource={r} token={token} />
            ))}
          </ul>
        </section>
      ) : null}
      {board.sessions.map((s) => (
        <section key={s.id} id={`seance-${s.id}`} aria-labelledby={`board-${s.id}`} className="scroll-mt-4">
          <h2 id={`board-${s.id}`} className="text-lg font-bold">
            <SessionLabel session={s} timeZone={timeZone} />
          </h2>
          {s.guests ? <p className="text-sm text-gray-700">{t("series.public.guests", { guests: s.guests })}</p> : null}
          <ul className="mt-2 divide-y divide-stone-100 card">
            {s.resources.map((r) => (
              <ResourceItem key={r.id} resource={r} token={token} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

type ResourceFieldsMeta = {
  title: FieldMetadata<unknown>;
  url: FieldMetadata<unknown>;
  note: FieldMetadata<unknown>;
  file: FieldMetadata<unknown>;
};

// The fields every post and suggestion share: a title, then a link, a file or a note.
export function ResourceFields({ fields, session }: { fields: ResourceFieldsMeta; session?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      {session}
      <TextField meta={fields.title} label={t("boards.form.title")} />
      <TextField meta={fields.url} type="url" label={t("boards.form.url")} placeholder="https://" />
      <FileField
        meta={fields.file}
        label={t("boards.form.file")}
        hint={t("boards.form.fileHint")}
        accept="application/pdf,image/jpeg,image/png,image/webp"
      />
      <TextAreaField
        meta={fields.note}
        label={t("boards.form.note")}
        hint={t("boards.form.noteHint")}
        rows={3}
        max={2000}
      />
    </>
  );
}

export function SessionSelect({
  meta,
  sessions,
  timeZone,
}: {
  meta: FieldMetadata<unknown>;
  sessions: Session[];
  timeZone: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <SelectField
      meta={meta}
      label={t("boards.form.session")}
      options={sessionOptions(sessions, timeZone, locale, t("boards.form.wholeSeries"))}
    />
  );
}
