import { href } from "react-router";
// A post from any source, as the wall stores it.
export type IncomingPost = {
  origin: "mastodon" | "bluesky" | "onsite";
  externalId: string;
  authorName: string;
  authorHandle: string;
  authorAvatar: string | null;
  text: string;
  html: string;
  media: { url: string; alt: string }[];
  link: string | null;
  postedAt: Date;
  // On-site posts only: see WallPost.clientKey and WallPost.photo.
  clientKey?: string;
  deviceKey?: string;
  photo?: Uint8Array<ArrayBuffer>;
};

// What a poll brings back: the posts, where to start next time, and when to ask again (a rate
// limit pushes it later).
export type PollResult = { posts: IncomingPost[]; cursor?: string | null; notBefore?: Date };

export class SourceError extends Error {
  constructor(
    message: string,
    readonly retryAt?: Date,
  ) {
    super(message);
  }
}

// Where a browser finds a post's picture: the app's own address for an on-site photo, the app's
// proxy for one from another server (app/wall/pictures.server.ts). `picture` is "avatar" or the
// position of an image among the post's (0 to 3).
export function pictureSrc(post: { id: string }, url: string, picture: "avatar" | number) {
  return url.startsWith("/") ? url : href("/mur/image/:postId/:picture", { postId: post.id, picture: String(picture) });
}
