import { Form } from "react-router";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { formatDateTime, localized } from "~/infra/i18n/i18n";
import { Cell, DataRow, DataTable } from "~/ui/data-table";
import { SubmitButton } from "~/ui/form";
import type { networkStories } from "./story-copies.server";

type NetworkStory = Awaited<ReturnType<typeof networkStories>>[number];

// The organisers' page of stories told on stage elsewhere in the network: a search, and each
// story with an invitation to propose it to this event's call (or what became of one).
export function NetworkStoriesList({
  stories,
  search,
  shown,
  callOpen,
}: {
  stories: NetworkStory[];
  search: string;
  shown: number;
  callOpen: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const day = (date: Date | string, timeZone: string) =>
    formatDateTime(date, timeZone, locale, { day: "numeric", month: "long", year: "numeric" });
  const answer = (story: NetworkStory) => {
    if (story.proposedHere)
      return t("networkStories.proposedHere", { state: t(`submissionState.${story.proposedHere}`) });
    if (story.invitedAt) return t("networkStories.invitedOn", { date: day(story.invitedAt, story.event.timeZone) });
    if (!callOpen) return null;
    return (
      <Form method="post">
        <input type="hidden" name="intent" value="invite" />
        <input type="hidden" name="storyId" value={story.id} />
        <SubmitButton variant="secondary">{t("networkStories.invite")}</SubmitButton>
      </Form>
    );
  };
  return (
    <>
      <Form method="get" role="search" className="mt-4 flex flex-wrap items-end gap-3">
        <label className="block text-sm font-semibold">
          {t("networkStories.search")}
          <input
            type="search"
            name="q"
            defaultValue={search}
            maxLength={100}
            className="mt-1 block w-72 max-w-full rounded-md border border-stone-300 bg-white px-2 py-1.5 font-normal"
          />
        </label>
        <SubmitButton variant="secondary">{t("networkStories.searchButton")}</SubmitButton>
      </Form>
      <DataTable
        columns={[t("networkStories.story"), t("networkStories.invitation")]}
        caption={t("networkStories.title")}
        empty={stories.length ? undefined : t("networkStories.empty")}
      >
        {stories.map((story) => (
          <DataRow key={story.id}>
            <Cell header>
              {story.title}
              <span className="block font-normal">{story.speakers.map((s) => s.user.name).join(", ")}</span>
              <span className="block text-xs font-normal text-gray-600">
                {t("networkStories.toldAt", {
                  event: localized(story.event, "title", locale),
                  date: day(story.event.startsAt, story.event.timeZone),
                })}
                {story.sector ? ` · ${story.sector}` : ""}
              </span>
            </Cell>
            <Cell>{answer(story)}</Cell>
          </DataRow>
        ))}
      </DataTable>
      {stories.length === shown ? (
        <p className="mt-2 text-sm text-gray-700">{t("networkStories.more", { count: shown })}</p>
      ) : null}
    </>
  );
}
