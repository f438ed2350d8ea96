import { Form, href, Link } from "react-router";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { localized } from "~/infra/i18n/i18n";
import { SubmitButton } from "~/ui/form";
import type { otherOpenCalls, storyLineage } from "./story-copies.server";

type Lineage = Awaited<ReturnType<typeof storyLineage>>;

// Where the story came from and went, and the other cities' open calls to propose it to.
export function StoryTravels({
  lineage,
  openCalls,
}: {
  lineage: Lineage;
  openCalls: Awaited<ReturnType<typeof otherOpenCalls>>;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { origin, copies } = lineage;
  if (!origin && !copies.length && !openCalls.length) return null;
  const line = (key: "from" | "to", story: NonNullable<Lineage["origin"]>) => (
    <li key={story.id}>
      <Link to={href("/espace/recits/:submissionId", { submissionId: story.id })}>
        {t(`storyCopies.${key}`, {
          event: localized(story.event, "title", locale),
          state: t(`submissionState.${story.state}`),
        })}
      </Link>
    </li>
  );
  return (
    <section>
      <h2 className="font-bold">{t("storyCopies.title")}</h2>
      <ul className="mt-2 space-y-1 text-sm">
        {origin ? line("from", origin) : null}
        {copies.map((copy) => line("to", copy))}
        {openCalls
          .filter((call) => call.invited)
          .map((call) => (
            <li key={call.id} className="font-semibold">
              {t("storyCopies.invited", { event: localized(call, "title", locale) })}
            </li>
          ))}
      </ul>
      {openCalls.length ? (
        <Form method="post" className="mt-3 space-y-2">
          <input type="hidden" name="intent" value="propose" />
          <p className="text-sm text-gray-700">{t("storyCopies.proposeLead")}</p>
          <label htmlFor="propose-call" className="block text-sm font-semibold">
            {t("storyCopies.call")}
          </label>
          <select
            id="propose-call"
            name="eventId"
            className="block w-full rounded-md border border-stone-300 bg-white px-2 py-1.5"
          >
            {openCalls.map((call) => (
              <option key={call.id} value={call.id}>
                {call.invited
                  ? t("storyCopies.invitedOption", { event: localized(call, "title", locale) })
                  : localized(call, "title", locale)}
              </option>
            ))}
          </select>
          <SubmitButton variant="secondary">{t("storyCopies.propose")}</SubmitButton>
        </Form>
      ) : null}
    </section>
  );
}
