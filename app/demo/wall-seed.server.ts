import type { Db } from "~/infra/db/client.server";
import { admitPosts, moderatePost, wallSettings } from "~/wall/moderation.server";
import type { IncomingPost } from "~/wall/post";
import { escapeHtml } from "~/wall/sanitize.server";

const MINUTE = 60_000;

const posts: [origin: IncomingPost["origin"], name: string, handle: string, text: string, minutesAgo: number][] = [
  [
    "mastodon",
    "Léa Fontaine",
    "@lea@piaille.fr",
    "Ce soir à la #failconfr : enfin une soirée où l'on parle de ce qui n'a pas marché. Salle pleine !",
    50,
  ],
  [
    "bluesky",
    "Karim B.",
    "@karimb.bsky.social",
    "« Regarder la trésorerie chaque semaine » — la leçon que j'aurais aimé entendre il y a cinq ans. #failconfr",
    42,
  ],
  [
    "onsite",
    "Nadia",
    "",
    "Merci à tous les intervenants pour leur courage. On repart avec des idées et moins de honte.",
    37,
  ],
  [
    "mastodon",
    "Collectif Rebond",
    "@rebond@mastodon.social",
    "Le tribunal de commerce n'est pas un ennemi : il a des dispositifs de prévention. Parlez-en tôt. #failconfr",
    31,
  ],
  [
    "bluesky",
    "Camille R.",
    "@camille-r.bsky.social",
    "Quatrième récit : la dépendance à un seul client. Tellement fréquent, si peu raconté. #failconfr",
    24,
  ],
  ["onsite", "Olivier", "", "Première fois à une Failcon, sûrement pas la dernière.", 18],
  [
    "mastodon",
    "Priya Raman",
    "@priya@fosstodon.org",
    "Great evening at #failconfr — honest stories about failure are rare. Thank you!",
    12,
  ],
  ["onsite", "Hélène", "", "Bravo pour l'organisation, et pour le cocktail sans tabou ensuite 🙂", 6],
];

const waiting: [origin: IncomingPost["origin"], name: string, handle: string, text: string, minutesAgo: number][] = [
  [
    "mastodon",
    "Julien M.",
    "@julien@piaille.fr",
    "Qui a le lien vers la présentation du deuxième récit ? #failconfr",
    4,
  ],
  ["onsite", "Sarah", "", "Est-ce que les récits seront en vidéo ?", 3],
  ["bluesky", "Promo Crypto", "@crypto-gains.bsky.social", "Crypto giveaway : doublez vos bitcoins ! #failconfr", 2],
  [
    "mastodon",
    "Thomas G.",
    "@thomasg@mastodon.social",
    "Le moment où le banquier demande le plan de trésorerie à trois mois… j'ai frissonné. #failconfr",
    1,
  ],
];

const incoming = (
  [origin, authorName, authorHandle, text, minutesAgo]: (typeof posts)[number],
  now: Date,
  index: number,
): IncomingPost => ({
  origin,
  externalId: `demo-${index}`,
  authorName,
  authorHandle,
  authorAvatar: null,
  text,
  html: `<p>${escapeHtml(text)}</p>`,
  media: [],
  link: null,
  postedAt: new Date(now.getTime() - minutesAgo * MINUTE),
});

// Failcon Paris's wall, open: posts from Mastodon, Bluesky and the room already shown (one
// pinned), four waiting for moderation (one of them caught by the blocked words), and a Mastodon
// source on the hashtag (it reads nothing on a machine without internet and shows why).
export async function seedWall(client: Db, userId: string, now: Date) {
  const event = await client.event.findUniqueOrThrow({ where: { slug: "failcon-paris-2027" }, select: { id: true } });
  await wallSettings(client, event.id);
  await client.wallSettings.update({ where: { eventId: event.id }, data: { open: true } });
  await client.wallSource.create({
    data: {
      eventId: event.id,
      kind: "MASTODON",
      hashtag: "failconfr",
      baseUrl: "https://mastodon.social",
      intervalSeconds: 60,
    },
  });
  await admitPosts(
    client,
    event.id,
    null,
    posts.map((p, i) => incoming(p, now, i)),
  );
  const admitted = await client.wallPost.findMany({
    where: { eventId: event.id },
    orderBy: { postedAt: "asc" },
    select: { id: true },
  });
  for (const post of admitted)
    await moderatePost(client, { eventId: event.id, postId: post.id, action: "approve", userId });
  await moderatePost(client, { eventId: event.id, postId: admitted[3]!.id, action: "pin", userId });
  await admitPosts(
    client,
    event.id,
    null,
    waiting.map((p, i) => incoming(p, now, posts.length + i)),
  );
}
