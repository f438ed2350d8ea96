import { PDFDocument } from "pdf-lib";
import sharp from "sharp";
import { expect, test } from "vitest";
import { guestPostSchema, postSchema, suggestionSchema } from "~/boards/board-form";
import {
  guestBoard,
  guestPost,
  MAX_WAITING_SUGGESTIONS,
  moderateResource,
  organiserBoard,
  postResource,
  publicBoard,
  registrantBoard,
  removeGuestPost,
  renewGuestLink,
  resourceFile,
  setBoardVisibility,
  setPinned,
  suggestResource,
  withdrawSuggestion,
} from "~/boards/boards.server";
import { resourceCounts } from "~/boards/counts.server";
import { FOLLOW_UP_DELAY_MS, queueDueFollowUps, sendFollowUp } from "~/boards/follow-up.server";
import { renderMail } from "~/platform/mail.server";
import { seriesSchema } from "~/series/series-form";
import { createSeries, registerToSeries } from "~/series/series.server";
import { freshDatabase } from "../support/database";
import { createOrganisation, createUser } from "../support/factories";

const connection = await freshDatabase();
const db = connection.prisma;
const organisation = await createOrganisation(db);
const context = { appUrl: "https://rebond.test" };
const organiser = await createUser(db, { name: "Claire Dumas" });

// A week of the bistrot, Monday 22 to Friday 26 March 2027 at 17:00 (16:00 UTC), two registered.
async function bistrot(slug: string) {
  const created = await createSeries(
    db,
    organisation.id,
    seriesSchema.parse({
      slug,
      titleFr: "Bistrot virtuel",
      titleEn: "Virtual bistro",
      timeZone: "Europe/Paris",
      weekdays: ["1", "2", "3", "4", "5"],
      startTimes: "17:00",
      durationMinutes: "40",
      startsOn: "2027-03-22",
      endsOn: "2027-03-26",
      meetingUrl: "https://visio.example/bistrot",
    }),
  );
  if (!created.ok) throw new Error(created.error);
  const series = await db.series.findUniqueOrThrow({
    where: { slug },
    include: { sessions: { orderBy: { startsAt: "asc" } } },
  });
  const person = async (name: string, email: string) => {
    const registered = await registerToSeries(db, series, { name, email }, "fr", context);
    if (!registered.ok) throw new Error(registered.error);
    return registered.registration;
  };
  const nadia = await person("Nadia Ouali", `nadia.${slug}@exemple.fr`);
  const karim = await person("Karim Saïdi", `karim.${slug}@exemple.fr`);
  return { series, sessions: series.sessions, nadia, karim };
}

const tuesdayEvening = new Date("2027-03-23T18:00:00Z");
const suggestion = (fields: Record<string, unknown>) => suggestionSchema.parse({ intent: "suggest", ...fields });
const post = (fields: Record<string, unknown>) => postSchema.parse({ intent: "post", ...fields });

test("the form tells a link, a file and a note apart, and says what is missing in a sentence", () => {
  const file = new File(["x"], "a.pdf");
  expect(
    suggestionSchema.safeParse({ intent: "suggest", title: "Le guide", url: "https://exemple.fr/guide" }).success,
  ).toBe(true);
  const issues = (fields: Record<string, unknown>) =>
    suggestionSchema
      .safeParse({ intent: "suggest", ...fields })
      .error?.issues.map((i) => [i.path.join("."), i.message]);
  expect(issues({ title: "Rien" })).toEqual([["note", "boards.errors.empty"]]);
  expect(issues({ title: "Les deux", url: "https://exemple.fr", file })).toEqual([["url", "boards.errors.linkOrFile"]]);
  expect(issues({ title: "Un lien", url: "javascript:alert(1)" })).toEqual([["url", "boards.errors.url"]]);
  expect(issues({ title: "x", note: "Une note" })).toEqual([["title", "boards.errors.title"]]);
  expect(issues({ title: "Longue", note: "é".repeat(2001) })).toEqual([["note", "boards.errors.noteTooLong"]]);
  expect(
    guestPostSchema.safeParse({ intent: "post", title: "Mes diapos", note: "Merci !" }).error?.issues[0]?.message,
  ).toBe("boards.errors.authorName");
});

test("a participant's suggestion waits for the organisers, is published when approved, and only then is on the board", async () => {
  const { series, sessions, nadia } = await bistrot("board-moderation");
  const tuesday = sessions[1]!;
  await setBoardVisibility(db, series.id, "PUBLIC");
  expect(
    await suggestResource(
      db,
      nadia.token,
      suggestion({ sessionId: tuesday.id, title: "Le guide du mandat ad hoc", url: "https://exemple.fr/mandat" }),
      tuesdayEvening,
    ),
  ).toEqual({ ok: true });
  // Not on the board yet; the organisers see it waiting, with who suggested it.
  expect((await publicBoard(db, series.slug))!.board).toEqual({ general: [], sessions: [] });
  const waiting = (await organiserBoard(db, series.id, tuesdayEvening)).waiting;
  expect(waiting).toMatchObject([
    { title: "Le guide du mandat ad hoc", kind: "LINK", author: { name: "Nadia Ouali", email: nadia.email } },
  ]);
  // Its author sees where it stands.
  expect((await registrantBoard(db, nadia.token, tuesdayEvening))!.mine).toMatchObject([
    { title: "Le guide du mandat ad hoc", status: "SUGGESTED" },
  ]);
  expect(await moderateResource(db, series.id, waiting[0]!.id, true)).toEqual({ ok: true });
  const board = (await publicBoard(db, series.slug))!.board!;
  expect(board.sessions).toMatchObject([
    {
      id: tuesday.id,
      resources: [
        {
          title: "Le guide du mandat ad hoc",
          url: "https://exemple.fr/mandat",
          by: { kind: "participant", name: "Nadia" },
        },
      ],
    },
  ]);
  // The public board names a participant by their first name only, and nothing else of them.
  expect(JSON.stringify(board)).not.toContain("Ouali");
  expect(JSON.stringify(board)).not.toContain(nadia.email);
  expect(JSON.stringify(board)).not.toContain(nadia.id);
  expect(await resourceCounts(db, series.id)).toEqual({ [tuesday.id]: 1 });
  // Approved once: a second approval, or a refusal after it, finds nothing to moderate.
  expect(await moderateResource(db, series.id, waiting[0]!.id, false)).toEqual({ ok: false, error: "errors.notFound" });
});

test("a suggestion not kept is seen by its author only; a withdrawal takes any of theirs off the board at once", async () => {
  const { series, sessions, nadia, karim } = await bistrot("board-withdraw");
  await setBoardVisibility(db, series.id, "PUBLIC");
  const monday = sessions[0]!;
  for (const title of ["Un podcast sur le rebond", "Une vidéo hors sujet"])
    await suggestResource(
      db,
      nadia.token,
      suggestion({ sessionId: monday.id, title, url: "https://exemple.fr/" }),
      tuesdayEvening,
    );
  const [kept, notKept] = (await organiserBoard(db, series.id, tuesdayEvening)).waiting;
  await moderateResource(db, series.id, kept!.id, true);
  await moderateResource(db, series.id, notKept!.id, false);
  expect((await registrantBoard(db, nadia.token, tuesdayEvening))!.mine.map((r) => [r.title, r.status])).toEqual([
    ["Une vidéo hors sujet", "REJECTED"],
    ["Un podcast sur le rebond", "PUBLISHED"],
  ]);
  expect(
    (await registrantBoard(db, karim.token, tuesdayEvening))!.board.sessions[0]!.resources.map((r) => r.title),
  ).toEqual(["Un podcast sur le rebond"]);
  // Someone else's item cannot be withdrawn with one's own link.
  expect(await withdrawSuggestion(db, karim.token, kept!.id)).toEqual({ ok: false, error: "errors.notFound" });
  expect(await withdrawSuggestion(db, nadia.token, kept!.id)).toEqual({ ok: true });
  expect((await publicBoard(db, series.slug))!.board!.sessions).toEqual([]);
});

test("suggestions are for sessions that have opened, and at most ten wait at once per person", async () => {
  const { series, sessions, nadia } = await bistrot("board-limits");
  const friday = sessions[4]!;
  expect(
    await suggestResource(
      db,
      nadia.token,
      suggestion({ sessionId: friday.id, title: "Trop tôt", note: "Pour vendredi" }),
      tuesdayEvening,
    ),
  ).toEqual({ ok: false, error: "boards.errors.sessionNotOpen" });
  const other = await bistrot("board-limits-other");
  expect(
    await suggestResource(
      db,
      nadia.token,
      suggestion({ sessionId: other.sessions[0]!.id, title: "Ailleurs", note: "x y" }),
      tuesdayEvening,
    ),
  ).toEqual({ ok: false, error: "errors.notFound" });
  for (let n = 0; n < MAX_WAITING_SUGGESTIONS; n++)
    expect(
      await suggestResource(
        db,
        nadia.token,
        suggestion({ title: `Idée ${n}`, note: "Pour toute la série" }),
        tuesdayEvening,
      ),
    ).toEqual({
      ok: true,
    });
  expect(
    await suggestResource(db, nadia.token, suggestion({ title: "Une de trop", note: "Encore une" }), tuesdayEvening),
  ).toEqual({
    ok: false,
    error: "boards.errors.tooManyWaiting",
  });
  expect(await db.resource.count({ where: { seriesId: series.id } })).toBe(MAX_WAITING_SUGGESTIONS);
});

test("pinned items come first in their session; the organisers' own posts are published at once, to a session or the series", async () => {
  const { series, sessions } = await bistrot("board-pins");
  const monday = sessions[0]!;
  const author = { id: organiser.id, name: organiser.name };
  await postResource(db, series.id, post({ sessionId: monday.id, title: "Premier", note: "Publié d'abord" }), author);
  await postResource(db, series.id, post({ sessionId: monday.id, title: "Second", note: "Publié ensuite" }), author);
  await postResource(
    db,
    series.id,
    post({ title: "Les numéros utiles", note: "APESA : 0 805 65 50 50", pinned: "on" }),
    author,
  );
  expect(
    await postResource(db, series.id, post({ sessionId: "ailleurs", title: "Perdu", note: "x y" }), author),
  ).toEqual({
    ok: false,
    error: "errors.notFound",
  });
  await setBoardVisibility(db, series.id, "PUBLIC");
  let board = (await publicBoard(db, series.slug))!.board!;
  expect(board.general).toMatchObject([{ title: "Les numéros utiles", pinned: true, by: { kind: "team" } }]);
  expect(board.sessions[0]!.resources.map((r) => r.title)).toEqual(["Premier", "Second"]);
  await setPinned(db, series.id, board.sessions[0]!.resources[1]!.id, true);
  board = (await publicBoard(db, series.slug))!.board!;
  expect(board.sessions[0]!.resources.map((r) => [r.title, r.pinned])).toEqual([
    ["Second", true],
    ["Premier", false],
  ]);
});

test("a board for registrants only shows nothing publicly; its files open with a registration's or a guest's link, or for organisers", async () => {
  const { series, sessions, nadia } = await bistrot("board-private");
  const other = await bistrot("board-private-other");
  const document = await PDFDocument.create();
  document.addPage();
  const pdf = new File([Buffer.from(await document.save())], "Guide ../../mandat ad hoc.pdf");
  const monday = sessions[0]!;
  await postResource(db, series.id, post({ sessionId: monday.id, title: "Le guide", file: pdf }), {
    id: organiser.id,
    name: organiser.name,
  });
  expect((await publicBoard(db, series.slug))!.board).toBeNull();
  const [item] = (await registrantBoard(db, nadia.token, tuesdayEvening))!.board.sessions[0]!.resources;
  expect(item).toMatchObject({ kind: "FILE", fileName: "mandat ad hoc.pdf", fileType: "application/pdf" });
  expect(await resourceFile(db, item!.id, null)).toMatchObject({ access: "organisers", seriesSlug: series.slug });
  const opened = await resourceFile(db, item!.id, nadia.token);
  expect(opened).toMatchObject({ access: "private" });
  expect((await opened!.file()).fileType).toBe("application/pdf");
  // Another series' registration is no key to this one.
  expect(await resourceFile(db, item!.id, other.nadia.token)).toMatchObject({ access: "organisers" });
  await renewGuestLink(db, series.id, monday.id);
  const { guestToken } = await db.seriesSession.findUniqueOrThrow({ where: { id: monday.id } });
  expect(await resourceFile(db, item!.id, guestToken)).toMatchObject({ access: "private" });
  await setBoardVisibility(db, series.id, "PUBLIC");
  expect(await resourceFile(db, item!.id, null)).toMatchObject({ access: "public" });
});

test("files are judged by their content: a PDF or a picture (made again without its metadata), nothing else", async () => {
  const { series } = await bistrot("board-files");
  const author = { id: organiser.id, name: organiser.name };
  const jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#b4432b" } })
    .jpeg()
    .withExif({ IFD0: { Copyright: "Nadia" } })
    .toBuffer();
  expect(
    await postResource(
      db,
      series.id,
      post({ title: "La photo du tableau", file: new File([jpeg], "tableau.jpg") }),
      author,
    ),
  ).toEqual({
    ok: true,
  });
  const stored = await db.resource.findFirstOrThrow({ where: { seriesId: series.id } });
  expect([stored.fileType, stored.fileName]).toEqual(["image/webp", "tableau.webp"]);
  const metadata = await sharp(Buffer.from(stored.file!)).metadata();
  expect([metadata.format, metadata.width, metadata.exif]).toEqual(["webp", 40, undefined]);
  const renamed = new File(["<script>alert(1)</script>"], "guide.pdf", { type: "application/pdf" });
  expect(await postResource(db, series.id, post({ title: "Pas un PDF", file: renamed }), author)).toEqual({
    ok: false,
    error: "boards.errors.fileKind",
  });
  expect(await db.resource.count({ where: { seriesId: series.id } })).toBe(1);
});

test("a session's guests post through its link, published at once under their name; a new link ends the former one", async () => {
  const { series, sessions } = await bistrot("board-guests");
  const tuesday = sessions[1]!;
  await renewGuestLink(db, series.id, tuesday.id);
  const first = (await db.seriesSession.findUniqueOrThrow({ where: { id: tuesday.id } })).guestToken!;
  const guestInput = guestPostSchema.parse({
    intent: "post",
    authorName: "Claire, experte-comptable",
    title: "Ma check-list de trésorerie",
    url: "https://exemple.fr/check-list",
    // A guest's link is for its session: another one named in the form changes nothing.
    sessionId: sessions[3]!.id,
  });
  expect(await guestPost(db, first, guestInput)).toEqual({ ok: true });
  const seen = await guestBoard(db, first);
  expect(seen!.resources).toMatchObject([
    {
      title: "Ma check-list de trésorerie",
      sessionId: tuesday.id,
      by: { kind: "guest", name: "Claire, experte-comptable" },
    },
  ]);
  // The organisers' posts to the session are not the guest's to remove.
  await postResource(
    db,
    series.id,
    post({ sessionId: tuesday.id, title: "Le replay", url: "https://exemple.fr/replay" }),
    {
      id: organiser.id,
      name: organiser.name,
    },
  );
  const team = (await guestBoard(db, first))!.resources.find((r) => r.title === "Le replay")!;
  expect(await removeGuestPost(db, first, team.id)).toEqual({ ok: false, error: "errors.notFound" });
  await renewGuestLink(db, series.id, tuesday.id);
  expect(await guestBoard(db, first)).toBeNull();
  expect(await guestPost(db, first, guestInput)).toEqual({ ok: false, error: "errors.notFound" });
  const second = (await db.seriesSession.findUniqueOrThrow({ where: { id: tuesday.id } })).guestToken!;
  expect(await removeGuestPost(db, second, seen!.resources[0]!.id)).toEqual({ ok: true });
  expect((await guestBoard(db, second))!.resources.map((r) => r.title)).toEqual(["Le replay"]);
});

test("the follow-up mail leaves two hours after the session, once, to those who came, with its published resources", async () => {
  const { series, sessions, nadia, karim } = await bistrot("board-follow-up");
  const monday = sessions[0]!;
  await db.seriesAttendance.create({ data: { sessionId: monday.id, registrationId: nadia.id, source: "LINK" } });
  await postResource(
    db,
    series.id,
    post({ sessionId: monday.id, title: "Le guide", url: "https://exemple.fr/guide", note: "Deux pages." }),
    {
      id: organiser.id,
      name: organiser.name,
    },
  );
  await suggestResource(
    db,
    karim.token,
    suggestion({ sessionId: monday.id, title: "En attente", note: "Pas encore relu" }),
    tuesdayEvening,
  );
  const ended = monday.endsAt.getTime();
  // Not before two hours, and not twice.
  expect(await queueDueFollowUps(db, context, new Date(ended + FOLLOW_UP_DELAY_MS - 60_000))).toBe(0);
  expect(await queueDueFollowUps(db, context, new Date(ended + FOLLOW_UP_DELAY_MS))).toBe(1);
  expect(await queueDueFollowUps(db, context, new Date(ended + FOLLOW_UP_DELAY_MS + 60_000))).toBe(0);
  const mails = await db.outboxMessage.findMany({
    where: { template: "session-follow-up", dedupeKey: { contains: monday.id } },
  });
  expect(mails.map((m) => m.to)).toEqual([nadia.email]);
  expect(mails[0]!.data).toMatchObject({
    session: "lundi 22 mars",
    boardUrl: `https://rebond.test/presence/${nadia.token}/ressources#seance-${monday.id}`,
    resources: [{ title: "Le guide", url: "https://exemple.fr/guide", note: "Deux pages." }],
  });
  const rendered = await renderMail("session-follow-up", "fr", mails[0]!.data, db);
  expect(rendered.subject).toBe("Ce qui a été partagé : Bistrot virtuel");
  expect(rendered.html).toContain("https://exemple.fr/guide");
  expect(rendered.text).not.toContain("En attente");
  expect(await sendFollowUp(db, context, { sessionId: monday.id, seriesId: series.id }, tuesdayEvening)).toEqual({
    ok: false,
    error: "boards.errors.followUpSent",
  });
  // A session with nothing published sends nothing; one not over yet cannot be followed up.
  expect(await sendFollowUp(db, context, { sessionId: sessions[1]!.id, seriesId: series.id }, tuesdayEvening)).toEqual({
    ok: false,
    error: "boards.errors.nothingToFollowUp",
  });
  expect(await sendFollowUp(db, context, { sessionId: sessions[4]!.id, seriesId: series.id }, tuesdayEvening)).toEqual({
    ok: false,
    error: "boards.errors.sessionNotOver",
  });
  // Nobody marked present: nothing is sent, and the session waits for its attendance.
  await postResource(db, series.id, post({ sessionId: sessions[2]!.id, title: "Pour mercredi", note: "Une note" }), {
    id: organiser.id,
    name: organiser.name,
  });
  const wednesday = { sessionId: sessions[2]!.id, seriesId: series.id };
  const afterWednesday = new Date(sessions[2]!.endsAt.getTime() + 60_000);
  expect(await sendFollowUp(db, context, wednesday, afterWednesday)).toEqual({
    ok: false,
    error: "boards.errors.nobodyCame",
  });
  await db.seriesAttendance.create({
    data: { sessionId: sessions[2]!.id, registrationId: karim.id, source: "CHECK_IN" },
  });
  expect(await sendFollowUp(db, context, wednesday, afterWednesday)).toEqual({ ok: true, sent: 1 });
  // Another series' organisers cannot send it.
  const other = await bistrot("board-follow-up-other");
  expect(
    await sendFollowUp(db, context, { sessionId: sessions[2]!.id, seriesId: other.series.id }, tuesdayEvening),
  ).toEqual({
    ok: false,
    error: "errors.notFound",
  });
});

test("a withdrawn registration takes its suggestions with it", async () => {
  const { series, nadia } = await bistrot("board-registration-gone");
  await suggestResource(db, nadia.token, suggestion({ title: "Une idée", note: "À garder" }), tuesdayEvening);
  await db.seriesRegistration.delete({ where: { id: nadia.id } });
  expect(await db.resource.count({ where: { seriesId: series.id } })).toBe(0);
});
