import { Form, href, Link } from "react-router";
import { useTranslation } from "~/infra/i18n/react";
import { CompactInput, FormErrors, Notice, RemoveForm, SubmitButton } from "~/ui/form";
import type { eventReplays } from "./replays.server";

type Story = Awaited<ReturnType<typeof eventReplays>>[number];
type Reply = { intent: unknown; target?: string; error: string | null };

// One told story: its replay's address, its articles, and whether it is in the library.
function StoryReplay({ story, reply }: { story: Story; reply?: Reply }) {
  const { t } = useTranslation();
  const mine = reply?.target === story.id;
  return (
    <li className="px-4 py-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="font-semibold">{story.title}</p>
        <p className="text-sm text-gray-700">{story.speakers.map((s) => s.user.name).join(", ")}</p>
      </div>
      <p className="text-sm text-gray-700">
        {story.libraryConsentAt ? (
          <>
            {t("library.replays.inLibrary")}{" "}
            <Link
              to={href("/bibliotheque/:submissionId", { submissionId: story.id })}
              className="underline"
              reloadDocument
            >
              {t("library.consent.see")}
            </Link>
          </>
        ) : (
          t("library.replays.notInLibrary")
        )}
      </p>
      {mine && reply.error ? (
        <div className="mt-2">
          <FormErrors errors={[reply.error]} />
        </div>
      ) : mine ? (
        <div className="mt-2">
          <Notice>{t("library.replays.saved")}</Notice>
        </div>
      ) : null}
      <Form method="post" className="mt-2 flex flex-wrap items-end gap-2">
        <input type="hidden" name="intent" value="replay" />
        <input type="hidden" name="id" value={story.id} />
        <CompactInput
          label={t("library.replays.replayUrl")}
          name="replayUrl"
          type="url"
          defaultValue={story.replayUrl}
          placeholder="https://peertube.example/w/…"
          className="min-w-0 flex-1"
        />
        <SubmitButton variant="secondary">{t("library.replays.save")}</SubmitButton>
      </Form>
      <div className="mt-3 flex flex-wrap items-end gap-2">
        <Form method="post" encType="multipart/form-data" className="flex flex-wrap items-end gap-2">
          <input type="hidden" name="intent" value="slides" />
          <input type="hidden" name="id" value={story.id} />
          <label className="block text-sm font-semibold">
            {story.slides
              ? t("library.replays.slidesReplace", { count: story.slides.pages })
              : t("library.replays.slides")}
            <input type="file" name="slides" accept="application/pdf" required className="mt-1 block text-sm" />
          </label>
          <SubmitButton variant="secondary">{t("library.replays.uploadSlides")}</SubmitButton>
        </Form>
        {story.slides ? (
          <RemoveForm intent="remove-slides" id={story.id} label={t("library.replays.removeSlides")} />
        ) : null}
      </div>
      {story.articles.length ? (
        <ul className="mt-3 space-y-1 text-sm">
          {story.articles.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center justify-between gap-2">
              <a href={a.url} rel="noopener noreferrer">
                {a.title}
              </a>
              <RemoveForm intent="remove-article" id={a.id} label={t("library.replays.removeArticle")} />
            </li>
          ))}
        </ul>
      ) : null}
      <Form method="post" className="mt-2 grid gap-2 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
        <input type="hidden" name="intent" value="add-article" />
        <input type="hidden" name="id" value={story.id} />
        <CompactInput label={t("library.replays.articleTitle")} name="title" required minLength={2} maxLength={200} />
        <CompactInput label={t("library.replays.articleUrl")} name="url" type="url" required />
        <SubmitButton variant="secondary">{t("library.replays.addArticle")}</SubmitButton>
      </Form>
    </li>
  );
}

export function ReplaysList({ stories, reply }: { stories: Story[]; reply?: Reply }) {
  const { t } = useTranslation();
  if (!stories.length) return <p className="mt-6 text-gray-700">{t("library.replays.none")}</p>;
  return (
    <ul className="card mt-6 divide-y divide-stone-100">
      {stories.map((story) => (
        <StoryReplay key={story.id} story={story} reply={reply} />
      ))}
    </ul>
  );
}
