import { Form, href, Link } from "react-router";
import { formatDateTime, localized } from "~/infra/i18n/i18n";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { SubmitButton } from "~/ui/form";
import type { LibraryFilters } from "./library-form";
import { failureKinds } from "./library-form";
import type { libraryPage, libraryStory } from "./library.server";
import type { ReplayEmbed } from "./replay";
import { excerpt } from "./story-data";

// The sections of the rebound library's pages (app/routes/library/).

type Page = Awaited<ReturnType<typeof libraryPage>>;
type Card = Page["rows"][number];
type Story = NonNullable<Awaited<ReturnType<typeof libraryStory>>>;

const select = "mt-1 block w-full rounded-md border border-stone-300 bg-white px-2 py-2 text-base";

// The search and its filters, a GET form (a search is a link, and works without JavaScript).
export function LibrarySearch({ filters, choices }: { filters: LibraryFilters; choices: Page["choices"] }) {
  const { t } = useTranslation();
  const options = (name: string, label: string, value: string, values: { value: string; label: string }[]) => (
    <label className="block text-sm font-semibold">
      {label}
      <select name={name} defaultValue={value} className={select}>
        <option value="">{t("library.all")}</option>
        {values.map((v) => (
          <option key={v.value} value={v.value}>
            {v.label}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <Form method="get" role="search" className="card mt-6 grid gap-3 p-4 sm:grid-cols-4">
      <label className="block text-sm font-semibold sm:col-span-4">
        {t("library.search")}
        <input
          type="search"
          name="q"
          defaultValue={filters.q}
          placeholder={t("library.searchPlaceholder")}
          maxLength={200}
          className={`${select} font-normal`}
        />
      </label>
      {options(
        "type",
        t("library.kind"),
        filters.kind,
        failureKinds.map((k) => ({ value: k, label: t(`library.kinds.${k}`) })),
      )}
      {options(
        "secteur",
        t("library.sector"),
        filters.sector,
        choices.sectors.map((s) => ({ value: s, label: s })),
      )}
      {options(
        "region",
        t("library.region"),
        filters.region,
        choices.regions.map((r) => ({ value: r, label: r })),
      )}
      {options(
        "annee",
        t("library.year"),
        filters.year ? String(filters.year) : "",
        choices.years.map((y) => ({ value: String(y), label: String(y) })),
      )}
      <div className="sm:col-span-4">
        <SubmitButton>{t("library.searchButton")}</SubmitButton>
      </div>
    </Form>
  );
}

function Edition({ event }: { event: Card["event"] }) {
  const locale = useLocale();
  return (
    <>
      {localized(event, "title", locale)} ·{" "}
      {formatDateTime(event.startsAt, event.timeZone, locale, { month: "long", year: "numeric" })}
      {event.region ? ` · ${event.region}` : ""}
    </>
  );
}

export function StoryCards({ stories }: { stories: Card[] }) {
  const { t } = useTranslation();
  return (
    <ul className="mt-4 grid gap-4 md:grid-cols-2">
      {stories.map((story) => (
        <li key={story.id} className="card p-4">
          <h2 className="text-lg font-bold">
            {/* A document of its own: its policy lets its player's site in (decision 047). */}
            <Link to={href("/bibliotheque/:submissionId", { submissionId: story.id })} reloadDocument>
              {story.title}
            </Link>
          </h2>
          <p className="text-sm text-gray-700">
            {story.speakers.map((s) => s.user.name).join(", ")} — <Edition event={story.event} />
          </p>
          <p className="mt-2">{excerpt(story.whatHappened)}</p>
          <p className="mt-2 flex flex-wrap gap-2 text-xs">
            {story.failureKinds.map((k) => (
              <span key={k} className="rounded bg-stone-100 px-2 py-0.5">
                {t(`library.kinds.${k}`)}
              </span>
            ))}
            {story.sector ? <span className="rounded bg-stone-100 px-2 py-0.5">{story.sector}</span> : null}
            {story.replayUrl ? (
              <span className="rounded bg-brand-50 px-2 py-0.5 font-semibold text-brand-800">
                {t("library.hasReplay")}
              </span>
            ) : null}
          </p>
        </li>
      ))}
    </ul>
  );
}

function Replay({ url, embed, title }: { url: string; embed: ReplayEmbed | null; title: string }) {
  const { t } = useTranslation();
  return (
    <section className="mt-6">
      <h2 className="text-xl font-bold">{t("library.replay")}</h2>
      {embed ? (
        <div className="mt-2 aspect-video w-full overflow-hidden rounded-md bg-black">
          <iframe
            src={embed.src}
            title={t("library.replayOf", { title })}
            className="h-full w-full"
            allow="fullscreen; picture-in-picture"
            sandbox="allow-scripts allow-same-origin allow-popups"
            loading="lazy"
            referrerPolicy="strict-origin-when-cross-origin"
          />
        </div>
      ) : null}
      <p className="mt-2 text-sm">
        <a href={url} rel="noopener noreferrer">
          {t("library.replayLink")}
        </a>
      </p>
    </section>
  );
}

export function StoryPage({ story, embed }: { story: Story; embed: ReplayEmbed | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const parts: [string, string][] = [
    [t("library.whatHappened"), story.whatHappened],
    [t("library.turningPoint"), story.turningPoint],
    [t("library.lessons"), story.lessons],
    [t("library.nowDoing"), story.nowDoing],
  ];
  return (
    <article className="max-w-3xl" lang={story.language}>
      <p className="text-sm font-semibold text-brand-600">
        <Link to={href("/bibliotheque")}>{t("library.title")}</Link>
      </p>
      <h1 className="mt-1 text-3xl font-extrabold">{story.title}</h1>
      <p className="mt-2 text-gray-700">
        {t("library.toldBy", { names: story.speakers.map((s) => s.user.name).join(", ") })} —{" "}
        <Link to={href("/e/:eventSlug", { eventSlug: story.event.slug })}>
          <Edition event={story.event} />
        </Link>
      </p>
      {story.failureKinds.length || story.sector ? (
        <p className="mt-2 flex flex-wrap gap-2 text-sm">
          {story.failureKinds.map((k) => (
            <span key={k} className="rounded bg-stone-100 px-2 py-0.5">
              {t(`library.kinds.${k}`)}
            </span>
          ))}
          {story.sector ? <span className="rounded bg-stone-100 px-2 py-0.5">{story.sector}</span> : null}
        </p>
      ) : null}
      {story.replayUrl ? <Replay url={story.replayUrl} embed={embed} title={story.title} /> : null}
      {parts
        .filter(([, text]) => text)
        .map(([heading, text]) => (
          <section key={heading} className="mt-6">
            <h2 className="text-xl font-bold">{heading}</h2>
            <p className="mt-2 whitespace-pre-line">{text}</p>
          </section>
        ))}
      {story.slides ? (
        <section className="mt-6">
          <h2 className="text-xl font-bold">{t("library.slides")}</h2>
          <p className="mt-2">
            <a href={href("/bibliotheque/:submissionId/diapositives.pdf", { submissionId: story.id })}>
              {t("library.slidesLink", {
                count: story.slides.pages,
                size: (story.slides.bytes / 1024 / 1024).toLocaleString(locale === "en" ? "en-GB" : "fr-FR", {
                  maximumFractionDigits: 1,
                }),
              })}
            </a>
          </p>
        </section>
      ) : null}
      {story.articles.length ? (
        <section className="mt-6">
          <h2 className="text-xl font-bold">{t("library.articles")}</h2>
          <ul className="mt-2 list-disc pl-5">
            {story.articles.map((a) => (
              <li key={a.id}>
                <a href={a.url} rel="noopener noreferrer">
                  {a.title}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {story.speakers.some((s) => s.user.speakerProfile?.bio) ? (
        <section className="mt-6">
          <h2 className="text-xl font-bold">{t("library.speakers")}</h2>
          {story.speakers.map(({ user }) =>
            user.speakerProfile?.bio ? (
              <p key={user.id} className="mt-2">
                <strong>{user.name}</strong> — {user.speakerProfile.bio}
              </p>
            ) : null,
          )}
        </section>
      ) : null}
    </article>
  );
}
