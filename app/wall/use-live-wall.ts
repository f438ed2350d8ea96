import { useEffect, useState } from "react";
import type { CardPost } from "./wall-card";

type Status = "connecting" | "live" | "offline";

const order = (a: CardPost, b: CardPost) => {
  if (Boolean(a.pinnedAt) !== Boolean(b.pinnedAt)) return a.pinnedAt ? -1 : 1;
  if (a.pinnedAt && b.pinnedAt) return String(b.pinnedAt).localeCompare(String(a.pinnedAt));
  return String(b.postedAt).localeCompare(String(a.postedAt));
};

// The wall's posts kept up to date by the server's stream: a post approved, pinned or edited
// arrives as `post`, one taken down as `remove`. The browser reconnects by itself and sends the
// last id it saw (Last-Event-ID); if the server refused the stream, we start it again after the
// last id ourselves.
export function useLiveWall(streamUrl: string, initial: { posts: CardPost[]; after: number }, limit: number) {
  const [posts, setPosts] = useState(initial.posts);
  const [status, setStatus] = useState<Status>("connecting");
  useEffect(() => {
    let source: EventSource | null = null;
    let lastId = initial.after;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const open = () => {
      source = new EventSource(`${streamUrl}?after=${lastId}`);
      source.onopen = () => setStatus("live");
      source.onerror = () => {
        setStatus("offline");
        if (source?.readyState === EventSource.CLOSED) retry = setTimeout(open, 5000);
      };
      source.addEventListener("post", (e) => {
        const post = JSON.parse((e as MessageEvent<string>).data) as CardPost;
        lastId = Number((e as MessageEvent).lastEventId) || lastId;
        setPosts((current) => [post, ...current.filter((p) => p.id !== post.id)].sort(order).slice(0, limit));
      });
      source.addEventListener("remove", (e) => {
        const { id } = JSON.parse((e as MessageEvent<string>).data) as { id: string };
        lastId = Number((e as MessageEvent).lastEventId) || lastId;
        setPosts((current) => current.filter((p) => p.id !== id));
      });
    };
    open();
    return () => {
      clearTimeout(retry);
      source?.close();
    };
  }, [streamUrl, initial.after, limit]);
  return { posts, status };
}
