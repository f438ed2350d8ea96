import { useEffect, useRef, useState } from "react";
import { useRevalidator, type FetcherWithComponents } from "react-router";
import { useTranslation } from "~/infra/i18n/react";
import { postActions, type PostAction } from "./moderation";

// How the moderation queue (app/routes/organiser/wall.tsx) keeps itself fresh and answers the keyboard.

type QueuePost = Parameters<typeof postActions>[0] & { id: string };

export function useQueueRefresh(fetcherState: string) {
  const revalidator = useRevalidator();
  // New posts arrive without a reload: the queue is read again every few seconds while shown.
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible" && revalidator.state === "idle" && fetcherState === "idle")
        void revalidator.revalidate();
    }, 4000);
    return () => clearInterval(timer);
  }, [revalidator, fetcherState]);
}

const shortcuts: Record<string, PostAction> = { a: "approve", r: "reject", p: "pin", u: "unpin", h: "hide", b: "ban" };

// The selected post, kept in the list as it changes and scrolled into view.
export function useQueueKeys(posts: QueuePost[], fetcher: FetcherWithComponents<unknown>) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState(0);
  const list = useRef<HTMLOListElement>(null);

  useEffect(() => {
    setSelected((s) => Math.min(s, Math.max(posts.length - 1, 0)));
  }, [posts.length]);

  // Keyboard: j/k or arrows to move, a approve, r reject, p pin, u unpin, h hide, b ban.
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.target instanceof HTMLElement && e.target.closest("input, textarea, select")) return;
      const post = posts[selected];
      if (e.key === "j" || e.key === "ArrowDown") {
        e.preventDefault();
        setSelected((s) => Math.min(s + 1, posts.length - 1));
      } else if (e.key === "k" || e.key === "ArrowUp") {
        e.preventDefault();
        setSelected((s) => Math.max(s - 1, 0));
      } else if (post && shortcuts[e.key] && postActions(post).includes(shortcuts[e.key]!)) {
        if (shortcuts[e.key] === "ban" && !window.confirm(t("wall.queue.confirmBan", { handle: post.authorHandle })))
          return;
        void fetcher.submit({ postId: post.id, action: shortcuts[e.key]! }, { method: "post" });
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [posts, selected, fetcher, t]);

  useEffect(() => {
    list.current?.querySelector<HTMLElement>(`[data-index="${selected}"]`)?.scrollIntoView({ block: "nearest" });
  }, [selected]);

  return { selected, setSelected, list };
}
