import { blueskyPost, mastodonStatus, startBluesky, startMastodon } from "./social-servers";

// `npm run demo:social`: the Mastodon and Bluesky stand-ins on fixed ports, with a new #failconfr
// post every 20 seconds, to watch the demo wall fill up on a machine without internet. The app
// must be started with OUTBOUND_ALLOW_HOSTS naming them (it refuses local addresses otherwise);
// then add them as sources on the wall's settings page (README, "Live wall").
const mastodonPort = Number(process.env.MASTODON_PORT ?? 4010);
const blueskyPort = Number(process.env.BLUESKY_PORT ?? 4011);
const mastodon = await startMastodon({ port: mastodonPort });
const bluesky = await startBluesky(undefined, blueskyPort);

const people = [
  { acct: "manon@piaille.fr", username: "manon", display_name: "Manon Lefort" },
  { acct: "yann@mastodon.social", username: "yann", display_name: "Yann Caradec" },
  { acct: "aicha@framapiaf.org", username: "aicha", display_name: "Aïcha Diallo" },
];
const texts = [
  "Le récit sur la levée de fonds ratée m'a rappelé la mienne. Merci pour l'honnêteté. #failconfr",
  "« On a confondu l'enthousiasme des clients en démo avec des commandes. » Tout est dit. #failconfr",
  "Ce qui me frappe : personne n'a parlé de honte, tout le monde a parlé de ce qu'il a appris. #failconfr",
  "La salle applaudit debout. Il faut du courage pour raconter ça devant 500 personnes. #failconfr",
  "Conseil du soir : parler tôt au tribunal de commerce, la prévention existe. #failconfr",
  "Je note : regarder la trésorerie chaque semaine, pas chaque trimestre. #failconfr",
];

let next = 0;
function publish() {
  const text = texts[next % texts.length]!;
  const now = new Date();
  if (next % 2 === 0) {
    const account = people[next % people.length]!;
    mastodon.statuses.push({
      ...mastodonStatus(100_000 + next, `<p>${text}</p>`, { account: { ...account, avatar: "" } }),
      created_at: now.toISOString(),
      url: `https://${account.acct.split("@")[1]}/@${account.username}/${100_000 + next}`,
    });
  } else {
    const post = blueskyPost(`demo${next}`, text, { createdAt: now.toISOString() });
    // No avatar: the stand-in's avatar host does not exist, and a machine without internet has none.
    bluesky.posts.push({ ...post, author: { ...post.author, avatar: "" }, indexedAt: now.toISOString() });
  }
  next += 1;
}
publish();
publish();
setInterval(publish, 20_000);
console.log(`Mastodon stand-in: http://127.0.0.1:${mastodonPort} (hashtag failconfr)`);
console.log(
  `Bluesky stand-in:  http://127.0.0.1:${blueskyPort} (account rebond.bsky.social, app password app-pass-word)`,
);
console.log(
  `Start the app with OUTBOUND_ALLOW_HOSTS=127.0.0.1:${mastodonPort},127.0.0.1:${blueskyPort} to let it read them.`,
);
console.log("A new #failconfr post every 20 s. Ctrl+C to stop.");
