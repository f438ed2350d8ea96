import { expect, test } from "vitest";
import { setLibraryConsent } from "~/library/consent.server";
import { libraryFilters } from "~/library/library-form";
import { latestStories, libraryPage, libraryStory } from "~/library/library.server";
import { replayEmbed } from "~/library/replay";
import { addArticle, removeArticle, setReplay } from "~/library/replays.server";
import { setSlides } from "~/library/slides.server";
import { PDFDocument } from "pdf-lib";
import { loader as slidesLoader } from "~/routes/library/slides";
import { contentSecurityPolicy } from "~/infra/content-security.server";
import { loader as feedLoader } from "~/routes/library/feed";
import { loader as storyLoader } from "~/routes/library/story";
import { requestContext } from "~/infra/load-context";
import { freshDatabaseForActions } from "../support/actions";
import { agendaEvent, confirmedTalk } from "../support/agenda";
import { createOrganisation } from "../support/factories";

// The rebound library (app/library): only stories told on stage whose speaker agreed are in it;
// French words are found by their stem, English ones too, on both databases; a withdrawal takes a
// story out of the list, its page, the search and the feed at once.
const db = await freshDatabaseForActions();
const now = new Date("2027-06-01T10:00:00Z");
const organisation = await createOrganisation(db);
const lille = await agendaEvent(db, organisation.id, {
  startsAt: new Date("2026-10-15T16:30:00Z"),
  endsAt: new Date("2026-10-15T20:30:00Z"),
});
await db.event.update({
  where: { id: lille.event.id },
  data: { region: "Hauts-de-France", titleFr: "Rebond Lille 2026" },
});
const upcoming = await agendaEvent(db, organisation.id, {
  startsAt: new Date("2027-09-15T16:30:00Z"),
  endsAt: new Date("2027-09-15T20:30:00Z"),
});

// A story of `event`, placed in its published agenda unless `placed` is false.
async function story(
  event: Awaited<ReturnType<typeof agendaEvent>>,
  options: { title: string; whatHappened: string; consent?: boolean; placed?: boolean; language?: "fr" | "en" },
) {
  const { submission } = await confirmedTalk(db, event.event, event.format.id, options);
  await db.submission.update({
    where: { id: submission.id },
    data: {
      libraryConsentAt: options.consent === false ? null : new Date("2026-09-01T10:00:00Z"),
      language: options.language ?? "fr",
      sector: "Boulangerie",
      failureKinds: ["CASH"],
    },
  });
  if (options.placed !== false) {
    const schedule =
      (await db.schedule.findFirst({ where: { eventId: event.event.id } })) ??
      (await db.schedule.create({ data: { eventId: event.event.id, number: 1, publishedAt: new Date("2026-10-01") } }));
    await db.talkSlot.create({
      data: {
        scheduleId: schedule.id,
        submissionId: submission.id,
        roomId: event.rooms.main.id,
        startsAt: event.event.startsAt,
        endsAt: new Date(event.event.startsAt.getTime() + 12 * 60_000),
      },
    });
  }
  return submission;
}

const bakery = await story(lille, {
  title: "Trois boulangeries et une liquidation",
  whatHappened: "Les faillites de nos fournisseurs ont emporté notre trésorerie en un hiver.",
});
const english = await story(lille, {
  title: "The app nobody paid for",
  whatHappened: "Two bankruptcies later, I learnt to ask customers before writing code.",
  language: "en",
});
const refused = await story(lille, { title: "Sans accord", whatHappened: "Une faillite racontée.", consent: false });
const unplaced = await story(lille, { title: "Jamais sur scène", whatHappened: "Une faillite.", placed: false });
const notYet = await story(upcoming, { title: "Pas encore racontée", whatHappened: "Une faillite à venir." });

const search = (query: string) => libraryPage(db, libraryFilters(new URLSearchParams(query)), now);
const ids = async (query: string) => (await search(query)).rows.map((r) => r.id);

test("only stories told on stage, on an evening that is over, whose speaker agreed, are in the library", async () => {
  expect((await ids("")).sort()).toEqual([bakery.id, english.id].sort());
  for (const outside of [refused, unplaced, notYet]) expect(await libraryStory(db, outside.id, now)).toBeNull();
  expect((await search("")).choices).toEqual({ sectors: ["Boulangerie"], regions: ["Hauts-de-France"], years: [2026] });
});

test("a search finds French words by their stem and English ones too, ranked; a filter narrows it", async () => {
  expect(await ids("q=faillite")).toEqual([bakery.id]);
  expect(await ids("q=bankruptcy")).toEqual([english.id]);
  // Every story here is of the bakery sector: the one whose title says it comes first.
  expect(await ids("q=boulangerie")).toEqual([bakery.id, english.id]);
  expect(await ids("q=boulangeries")).toEqual([bakery.id]);
  expect(await ids("q=faillite&type=HEALTH")).toEqual([]);
  expect(await ids("region=Hauts-de-France&annee=2026&type=CASH")).toHaveLength(2);
  // Words a person types that are not a search syntax are read as words, never as an error.
  expect(await ids("q=%22faillite%20%26%7C!%28")).toEqual([bakery.id]);
});

test("a withdrawn story leaves the list, its page, the search and the feed at once; given again, it is back", async () => {
  const speaker = await db.speakerRole.findFirstOrThrow({ where: { submissionId: bakery.id } });
  expect(
    await setLibraryConsent(db, { submissionId: bakery.id, userId: speaker.userId, consent: false, kinds: [] }),
  ).toBe(true);
  expect(await ids("q=faillite")).toEqual([]);
  expect((await latestStories(db, now)).map((s) => s.id)).toEqual([english.id]);
  await expect(
    storyLoader({
      request: new Request(`http://localhost:3000/bibliotheque/${bakery.id}`),
      params: { submissionId: bakery.id },
      context: requestContext("127.0.0.1"),
    } as never),
  ).rejects.toMatchObject({ init: { status: 404 } });
  // Someone who is not its speaker cannot give it back.
  expect(await setLibraryConsent(db, { submissionId: bakery.id, userId: "nobody", consent: true, kinds: [] })).toBe(
    false,
  );
  await setLibraryConsent(db, { submissionId: bakery.id, userId: speaker.userId, consent: true, kinds: ["CASH"], now });
  expect(await ids("q=faillite")).toEqual([bakery.id]);
});

test("a story's page carries its replay's player, schema.org data and a frame-src for the player only", async () => {
  expect(await setReplay(db, upcoming.event.id, bakery.id, "https://youtu.be/dQw4w9WgXcQ")).toEqual({
    ok: false,
    error: "errors.notFound",
  });
  expect(await setReplay(db, lille.event.id, bakery.id, "https://youtu.be/dQw4w9WgXcQ")).toEqual({ ok: true });
  const answer = (await storyLoader({
    request: new Request(`http://localhost:3000/bibliotheque/${bakery.id}`),
    params: { submissionId: bakery.id },
    context: requestContext("127.0.0.1"),
  } as never)) as unknown as { data: { embed: unknown; jsonLd: string }; init: { headers: Record<string, string> } };
  expect(answer.data.embed).toMatchObject({ src: "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" });
  expect(answer.init.headers["X-Rebond-Frame-Sources"]).toBe("https://www.youtube-nocookie.com");
  expect(JSON.parse(answer.data.jsonLd)).toMatchObject({
    "@type": "Article",
    headline: "Trois boulangeries et une liquidation",
    video: { "@type": "VideoObject", embedUrl: "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" },
  });
  expect(
    contentSecurityPolicy("n", "https://checkout.stripe.com", ["https://www.youtube-nocookie.com", "javascript:x"]),
  ).toContain("frame-src 'self' https://www.youtube-nocookie.com;");
});

test("articles are added to a told story of the event and removed; the feed lists the newest stories", async () => {
  expect(
    await addArticle(db, lille.event.id, { id: bakery.id, title: "La Voix du Nord", url: "https://exemple.fr/a" }),
  ).toEqual({
    ok: true,
  });
  expect(
    await addArticle(db, upcoming.event.id, { id: bakery.id, title: "Ailleurs", url: "https://exemple.fr/b" }),
  ).toEqual({
    ok: false,
    error: "errors.notFound",
  });
  const [article] = await db.storyArticle.findMany({ where: { submissionId: bakery.id } });
  expect((await libraryStory(db, bakery.id, now))?.articles).toEqual([
    { id: article!.id, title: "La Voix du Nord", url: "https://exemple.fr/a" },
  ]);
  expect(await removeArticle(db, upcoming.event.id, article!.id)).toEqual({ ok: false, error: "errors.notFound" });
  expect(await removeArticle(db, lille.event.id, article!.id)).toEqual({ ok: true });

  const feed = (await feedLoader({
    request: new Request("http://localhost:3000/bibliotheque/flux.atom"),
    params: {},
    context: requestContext("127.0.0.1"),
  } as never)) as Response;
  expect(feed.headers.get("Content-Type")).toBe("application/atom+xml; charset=utf-8");
  const xml = await feed.text();
  expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
  expect(xml).toContain('<title type="html"><![CDATA[Trois boulangeries et une liquidation]]></title>');
  expect(xml).not.toContain("Sans accord");
});

test("slides are a PDF checked by its content; served with the story, gone with it", async () => {
  const document = await PDFDocument.create();
  for (let i = 0; i < 3; i++) document.addPage();
  const pdf = new File([Buffer.from(await document.save())], "diapos.pdf", { type: "application/pdf" });
  const renamed = new File(["Ceci est un texte, pas un PDF."], "diapos.pdf", { type: "application/pdf" });
  const broken = new File(["%PDF-1.7\n et puis plus rien"], "diapos.pdf", { type: "application/pdf" });
  expect(await setSlides(db, lille.event.id, english.id, renamed)).toEqual({
    ok: false,
    error: "library.errors.slidesNotPdf",
  });
  expect(await setSlides(db, lille.event.id, english.id, broken)).toEqual({
    ok: false,
    error: "library.errors.slidesNotPdf",
  });
  expect(await setSlides(db, upcoming.event.id, english.id, pdf)).toEqual({ ok: false, error: "errors.notFound" });
  expect(await db.storySlides.count()).toBe(0);

  expect(await setSlides(db, lille.event.id, english.id, pdf)).toEqual({ ok: true });
  expect((await libraryStory(db, english.id, now))?.slides).toEqual({ pages: 3, bytes: pdf.size });
  const get = () =>
    slidesLoader({
      request: new Request(`http://localhost:3000/bibliotheque/${english.id}/diapositives.pdf`),
      params: { submissionId: english.id },
      context: requestContext("127.0.0.1"),
    } as never);
  const served = (await get()) as Response;
  expect(served.headers.get("Content-Type")).toBe("application/pdf");
  expect(
    Buffer.from(await served.arrayBuffer())
      .subarray(0, 5)
      .toString(),
  ).toBe("%PDF-");

  const speaker = await db.speakerRole.findFirstOrThrow({ where: { submissionId: english.id } });
  await setLibraryConsent(db, { submissionId: english.id, userId: speaker.userId, consent: false, kinds: [] });
  await expect(get()).rejects.toMatchObject({ init: { status: 404 } });
});

test("a speaker's words reach the feed as text: no ']]>' closes its CDATA, no markup is read", async () => {
  const hostile = await story(lille, {
    title: "]]><x:script xmlns:x='http://www.w3.org/1999/xhtml'>alert(1)</x:script>]]><b>gras</b>",
    whatHappened: "Un récit ]]> avec ]]> des pièges <img src=x onerror=alert(1)>.",
  });
  const feed = (await feedLoader({
    request: new Request("http://localhost:3000/bibliotheque/flux.atom"),
    params: {},
    context: requestContext("127.0.0.1"),
  } as never)) as Response;
  expect(feed.headers.get("Content-Security-Policy")).toBe("default-src 'none'");
  const xml = await feed.text();
  const cdata = [...xml.matchAll(/<!\[CDATA\[([\s\S]*?)\]\]>/g)].map((m) => m[1]!);
  expect(cdata.join("")).not.toMatch(/[<>]/);
  expect(xml).not.toContain("<x:script");
  expect(xml).toContain("&lt;b&gt;gras&lt;/b&gt;");
  await db.submission.delete({ where: { id: hostile.id } });
});

test("told means in the latest published release; the year is the evening's, in its own time zone", async () => {
  const newYear = await agendaEvent(db, organisation.id, {
    startsAt: new Date("2026-12-31T23:30:00Z"),
    endsAt: new Date("2027-01-01T02:00:00Z"),
  });
  const kept = await story(newYear, { title: "Le réveillon de la faillite", whatHappened: "Une nuit de décembre." });
  const dropped = await story(newYear, { title: "Retiré du programme final", whatHappened: "Un récit déplacé." });
  // A second release no longer holds the dropped story.
  const second = await db.schedule.create({
    data: { eventId: newYear.event.id, number: 2, publishedAt: new Date("2026-12-20") },
  });
  const slot = await db.talkSlot.findFirstOrThrow({ where: { submissionId: kept.id } });
  await db.talkSlot.create({
    data: {
      scheduleId: second.id,
      submissionId: kept.id,
      roomId: slot.roomId,
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
    },
  });
  expect(await libraryStory(db, dropped.id, now)).toBeNull();
  expect(await ids("annee=2027")).toEqual([kept.id]);
});

test("a speaker's name is found as written", async () => {
  const speaker = await db.speakerRole.findFirstOrThrow({
    where: { submissionId: bakery.id },
    include: { user: true },
  });
  await db.user.update({ where: { id: speaker.userId }, data: { name: "Hélène Bouvier" } });
  expect(await ids("q=Hélène")).toEqual([bakery.id]);
});

test.each([
  ["https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"],
  ["https://youtu.be/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"],
  ["https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871"],
  [
    "https://peertube.example.org/w/9c9de5e8-0a1e-484a-b099-e80766180a6d",
    "https://peertube.example.org/videos/embed/9c9de5e8-0a1e-484a-b099-e80766180a6d",
  ],
  [
    "https://video.exemple.fr/videos/watch/kkGMgK9ZtnKfYAgnEtQxbv",
    "https://video.exemple.fr/videos/embed/kkGMgK9ZtnKfYAgnEtQxbv",
  ],
  ["http://www.youtube.com/watch?v=dQw4w9WgXcQ", null],
  ["https://www.youtube.com/watch?v=<script>", null],
  ["https://exemple.fr/ma-video.mp4", null],
  ["pas une adresse", null],
])("the replay %s plays in %s", (address, src) => {
  expect(replayEmbed(address)?.src ?? null).toBe(src);
});
