import { useEffect, useState } from "react";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { formatTime, localized } from "~/infra/i18n/i18n";
import type { UpcomingTalk } from "./public.server";

// The head of the wall's big screen (app/routes/public/wall-screen.tsx): the event, the talk on
// stage and the next one, and the QR code to post from a phone.

// Re-worked out every 30 s from the talks sent with the page: on stage now, and next.
function useNowAndNext(talks: UpcomingTalk[]) {
  const pick = () => {
    const now = new Date().toISOString();
    const current = talks.find((t) => t.startsAt <= now && t.endsAt > now) ?? null;
    const next = talks.find((t) => t.startsAt > now) ?? null;
    return { current, next };
  };
  const [state, setState] = useState(pick);
  useEffect(() => {
    const timer = setInterval(() => setState(pick()), 30_000);
    return () => clearInterval(timer);
  });
  return state;
}

export function ScreenHeader({
  event,
  open,
  talks,
  qr,
  postUrl,
}: {
  event: { titleFr: string; titleEn: string; timeZone: string };
  open: boolean;
  talks: UpcomingTalk[];
  qr: string;
  postUrl: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { current, next } = useNowAndNext(talks);
  return (
    <header className="flex flex-wrap items-center gap-6">
      <div className="min-w-0 flex-1">
        <h1 className="text-4xl font-extrabold">{localized(event, "title", locale)}</h1>
        {!open ? (
          <p className="mt-1 inline-block rounded bg-amber-400 px-2 text-lg font-bold text-black">
            {t("wall.screen.preview")}
          </p>
        ) : null}
        {/* Read from the back of a room on a projector: large, and the time in the label. */}
        <div className={`mt-4 grid gap-4 text-2xl leading-snug ${current && next ? "lg:grid-cols-2" : ""}`}>
          {current ? (
            <p>
              <span className="block text-lg font-bold uppercase tracking-wide text-[var(--wall-muted)]">
                {t("wall.screen.now")}
              </span>
              <span className="font-bold">{current.title}</span> — {current.speakers}
              {localized(current, "room", locale) ? ` · ${localized(current, "room", locale)}` : ""}
            </p>
          ) : null}
          {next ? (
            <p>
              <span className="block text-lg font-bold uppercase tracking-wide text-[var(--wall-muted)]">
                {t("wall.screen.next", { time: formatTime(next.startsAt, event.timeZone, locale) })}
              </span>
              <span className="font-bold">{next.title}</span> — {next.speakers}
              {localized(next, "room", locale) ? ` · ${localized(next, "room", locale)}` : ""}
            </p>
          ) : null}
        </div>
      </div>
      {/* Large enough to scan from the back of the room (about a seventh of the screen's width). */}
      <figure className="flex items-center gap-4 rounded-xl bg-white p-4 text-black">
        <span
          className="block h-[clamp(10rem,15vw,22rem)] w-[clamp(10rem,15vw,22rem)]"
          role="img"
          aria-label={t("wall.screen.qrLabel")}
          dangerouslySetInnerHTML={{ __html: qr }}
        />
        <figcaption className="max-w-[16rem] text-2xl font-semibold">
          {t("wall.screen.postFromPhone")}
          {/* The address breaks only after a slash, never inside a word. */}
          <span className="mt-2 block text-lg font-normal">
            {postUrl
              .replace(/^https?:\/\//, "")
              .split("/")
              .map((part, i) => (
                <span key={i}>
                  {i ? "/" : ""}
                  <wbr />
                  <span className="whitespace-nowrap">{part}</span>
                </span>
              ))}
          </span>
        </figcaption>
      </figure>
    </header>
  );
}
