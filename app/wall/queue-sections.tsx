import type { RefObject } from "react";
import { Form, Link } from "react-router";
import { useLocale, useTranslation } from "~/infra/i18n/react";
import { formatDateTime } from "~/infra/i18n/i18n";
import type { moderationQueue } from "./admin.server";
import { postActions } from "./moderation";
import { WallCard } from "./wall-card";
import { queueTabs, type QueueTab } from "./wall-forms";

// The sections of an event's wall moderation queue (app/routes/organiser/wall.tsx).

type Queue = Awaited<ReturnType<typeof moderationQueue>>;

// One link a tab, with how many posts it holds.
export function QueueTabs({ tab, counts }: { tab: QueueTab; counts: Queue["counts"] }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("wall.queue.tabs")} className="mt-4 flex gap-2">
      {queueTabs.map((name) => (
        <Link
          key={name}
          to={`?onglet=${name}`}
          aria-current={name === tab ? "page" : undefined}
          className={`rounded-full px-4 py-1.5 text-sm font-semibold no-underline ${name === tab ? "bg-ink text-white" : "border border-stone-300 bg-white text-ink"}`}
        >
          {t(`wall.queue.tab.${name}`)} ({counts[name]})
        </Link>
      ))}
    </nav>
  );
}

// The tab's posts, the selected one ringed, each with the buttons of what can be done to it.
export function PostQueue({
  posts,
  tab,
  selected,
  onSelect,
  listRef,
  timeZone,
}: {
  posts: Queue["posts"];
  tab: QueueTab;
  selected: number;
  onSelect: (index: number) => void;
  listRef: RefObject<HTMLOListElement | null>;
  timeZone: string;
}) {
  const { t } = useTranslation();
  return (
    <ol
      ref={listRef}
      className={`space-y-3 ${posts.length === 0 ? "hidden" : ""}`}
      aria-label={t(`wall.queue.tab.${tab}`)}
    >
      {posts.map((post, index) => (
        // A click selects the post for the queue's keyboard shortcuts, which are how the keyboard moves.
        // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions
        <li
          key={post.id}
          data-index={index}
          onClick={() => onSelect(index)}
          className={`rounded-xl ${index === selected ? "ring-4 ring-brand-600" : ""}`}
          aria-current={index === selected ? "true" : undefined}
        >
          <WallCard post={post} timeZone={timeZone} />
          <div className="flex flex-wrap gap-2 px-4 pb-3 pt-2">
            {postActions(post).map((name) => (
              <Form
                key={name}
                method="post"
                onSubmit={
                  name === "ban"
                    ? (e) =>
                        window.confirm(t("wall.queue.confirmBan", { handle: post.authorHandle || post.authorName }))
                          ? undefined
                          : e.preventDefault()
                    : undefined
                }
              >
                <input type="hidden" name="postId" value={post.id} />
                <button
                  type="submit"
                  name="action"
                  value={name}
                  className={`rounded-md px-3 py-1.5 text-sm font-semibold ${name === "approve" ? "bg-brand-600 text-white" : name === "ban" || name === "hide" || name === "reject" ? "border border-red-300 bg-white text-red-800" : "border border-stone-300 bg-white"}`}
                >
                  {t(`wall.queue.action.${name}`)}
                </button>
              </Form>
            ))}
          </div>
        </li>
      ))}
    </ol>
  );
}

// The latest moderation actions, by whom or automatic, and why.
export function ModerationLog({ actions, timeZone }: { actions: Queue["actions"]; timeZone: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <aside>
      <h2 className="text-lg font-bold">{t("wall.queue.log")}</h2>
      <ul className="mt-2 space-y-2 text-sm">
        {actions.map((a) => (
          <li key={a.id} className="rounded-md border border-stone-200 bg-white px-3 py-2">
            <span className="font-semibold">{t(`wall.log.${a.action}`)}</span> ·{" "}
            {formatDateTime(a.at, timeZone, locale)}
            <span className="block text-gray-700">
              {a.by ?? t("wall.log.automatic")}
              {a.note
                ? ` — ${a.note.startsWith("blocked-word: ") ? t("wall.log.blockedWord", { word: a.note.slice(14) }) : a.note === "banned-author" ? t("wall.log.bannedAuthor") : a.note}`
                : ""}
            </span>
            {a.post ? <span className="block truncate text-gray-600">{a.post}</span> : null}
          </li>
        ))}
      </ul>
    </aside>
  );
}
