import { expect, test } from "vitest";
import { eventJsonLd, scriptJson } from "~/events/structured-data";
import { cancelOrder, placeOrder } from "~/ticketing/orders.server";
import { partnerCodesSchema, partnerSchema, proposalDecisionSchema } from "~/partners/partner-form";
import { decideProposal, proposalAction } from "~/partners/proposals.server";
import sharp from "sharp";
import { givePartnerCodes, publicPartners, savePartner } from "~/partners/partners.server";
import { partnerGuestsCsv, partnerReport } from "~/partners/portal.server";
import { eventReport, eventReportCsv } from "~/partners/event-report.server";
import { translator } from "~/infra/i18n/i18n";
import { ownerSurvey } from "~/surveys/surveys.server";
import { parse } from "csv-parse/sync";
import { freshDatabase } from "../support/database";
import { createOrganisation, createUser } from "../support/factories";
import { buyer, orderContext, ticketedEvent } from "../support/tickets";

const connection = await freshDatabase();
const db = connection.prisma;
const organisation = await createOrganisation(db);

const partner = (
  name: string,
  tier: "PRINCIPAL" | "GOLD" | "SOUTIEN" | "ASSOCIATIF",
  extra: Record<string, string> = {},
) => partnerSchema.parse({ name, tier, ...extra });

test("the event page shows partners by tier, principal first; a name is used once per event", async () => {
  const { event } = await ticketedEvent(db, organisation.id);
  for (const [name, tier] of [
    ["Zèbre Asso", "ASSOCIATIF"],
    ["Banque", "GOLD"],
    ["Région", "PRINCIPAL"],
    ["Amis", "ASSOCIATIF"],
  ] as const) {
    expect((await savePartner(db, event.id, null, partner(name, tier))).ok).toBe(true);
  }
  const groups = await publicPartners(db, event.id);
  expect(groups.map((g) => [g.tier, g.partners.map((p) => p.name)])).toEqual([
    ["PRINCIPAL", ["Région"]],
    ["GOLD", ["Banque"]],
    ["ASSOCIATIF", ["Amis", "Zèbre Asso"]],
  ]);
  expect(await savePartner(db, event.id, null, partner("Banque", "SOUTIEN"))).toEqual({
    ok: false,
    error: "partners.errors.nameTaken",
  });
  expect(partnerSchema.safeParse({ name: "X", tier: "PLATINE" }).error?.issues[0]?.message).toBe(
    "partners.errors.tier",
  );
  expect(
    partnerSchema.safeParse({ name: "X", tier: "GOLD", url: "javascript:alert(1)" }).error?.issues[0]?.message,
  ).toBe("errors.url");
});

test("an account speaks for one partner only, and only if it has the partner role on this event", async () => {
  const { event } = await ticketedEvent(db, organisation.id);
  const someone = await createUser(db);
  const account = await createUser(db);
  await db.eventRole.create({ data: { eventId: event.id, userId: account.id, role: "PARTNER" } });
  expect(await savePartner(db, event.id, null, partner("Région", "PRINCIPAL", { accountId: someone.id }))).toEqual({
    ok: false,
    error: "partners.errors.account",
  });
  expect(await db.partner.count({ where: { eventId: event.id } })).toBe(0);
  const first = await savePartner(db, event.id, null, partner("Région", "PRINCIPAL", { accountId: account.id }));
  const second = await savePartner(db, event.id, null, partner("Banque", "GOLD", { accountId: account.id }));
  const role = await db.eventRole.findFirstOrThrow({ where: { eventId: event.id, userId: account.id } });
  expect(second.ok && role.partnerId === second.id && first.ok && first.id !== second.id).toBe(true);
});

test("a partner sees the guests of its own codes — registered, pending, canceled, came — and nobody else", async () => {
  const { event, free, paid } = await ticketedEvent(db, organisation.id);
  await db.voucher.create({ data: { eventId: event.id, code: "REGION-1", kind: "FREE", maxUses: 10, tag: "Région" } });
  await db.voucher.create({ data: { eventId: event.id, code: "REGION-2", kind: "FREE", maxUses: 5, tag: "Région" } });
  await db.voucher.create({
    data: { eventId: event.id, code: "REGION-3", kind: "PERCENT", percent: 50, maxUses: 5, tag: "Région" },
  });
  await db.voucher.create({ data: { eventId: event.id, code: "BANQUE", kind: "FREE", maxUses: 5, tag: "Banque" } });
  const saved = await savePartner(db, event.id, null, partner("Région", "PRINCIPAL", { voucherTag: "Région" }));
  if (!saved.ok) throw new Error(saved.error);
  const order = (name: string, quantity: Record<string, number>, voucher?: string, method?: "OFFLINE") =>
    placeOrder(
      db,
      event.id,
      { ...buyer(quantity, { name, email: `${name.toLowerCase()}@exemple.fr`, method }), voucher },
      "fr",
      orderContext,
    );
  const came = await order("Sandrine", { [free.id]: 1 }, "REGION-1");
  await order("=HYPERLINK(1)", { [free.id]: 1 }, "REGION-2");
  const canceled = await order("Farid", { [free.id]: 1 }, "REGION-1");
  await order("Pending", { [paid.id]: 1 }, "REGION-3", "OFFLINE");
  await order("Autre", { [free.id]: 1 });
  await order("Banquier", { [free.id]: 1 }, "BANQUE");
  if (!came.ok || !canceled.ok) throw new Error("orders refused");
  await cancelOrder(db, { eventId: event.id, orderId: canceled.orderId, byUserId: null });
  await db.ticket.updateMany({ where: { orderId: came.orderId }, data: { checkedInAt: new Date() } });

  const report = (await partnerReport(db, event.id, saved.id))!;
  expect(report.guests.map((g) => [g.name, g.code, g.state, Boolean(g.checkedInAt)])).toEqual([
    ["Sandrine", "REGION-1", "registered", true],
    ["=HYPERLINK(1)", "REGION-2", "registered", false],
    ["Farid", "REGION-1", "canceled", false],
    ["Pending", "REGION-3", "pending", false],
  ]);
  expect(report.totals).toEqual({ invitations: 20, registered: 2, came: 1 });
  expect(report.codes.map((c) => [c.code, c.used])).toEqual([
    ["REGION-1", 1],
    ["REGION-2", 1],
    ["REGION-3", 1],
  ]);
  const csv = partnerGuestsCsv(report, (k) => k, event.timeZone, "fr");
  expect(csv).not.toMatch(/Autre|Banquier/);
  expect(csv).toContain("'=HYPERLINK(1)");
  // Another event's partner id gives nothing.
  const { event: elsewhere } = await ticketedEvent(db, organisation.id);
  expect(await partnerReport(db, elsewhere.id, saved.id)).toBeNull();
});

test("schema.org Event: instants, place or online link, cancellation, sponsors; the JSON cannot close its script", () => {
  const event = {
    slug: "failcon",
    titleFr: "Failcon </script><script>alert(1)</script>",
    titleEn: "Failcon",
    descriptionFr: "",
    descriptionEn: "",
    startsAt: new Date("2027-03-19T17:30:00Z"),
    endsAt: new Date("2027-03-19T21:30:00Z"),
    timeZone: "Europe/Paris",
    venueName: "Les Chais",
    venueAddress: "28 rue François Truffaut, 75012 Paris",
    onlineUrl: null,
    canceledAt: null,
    organisation: { slug: "reseau-rebond", name: "Réseau Rebond" },
  };
  const data = eventJsonLd(event, "https://rebond.example", "fr", [{ name: "Région", url: "https://region.example" }]);
  expect(data).toMatchObject({
    "@type": "Event",
    startDate: "2027-03-19T17:30:00.000Z",
    eventAttendanceMode: "https://schema.org/OfflineEventAttendanceMode",
    eventStatus: "https://schema.org/EventScheduled",
    location: { "@type": "Place", name: "Les Chais" },
    sponsor: [{ "@type": "Organization", name: "Région", url: "https://region.example" }],
  });
  const online = eventJsonLd(
    {
      ...event,
      venueName: null,
      venueAddress: null,
      onlineUrl: "https://visio.example/bistrot",
      canceledAt: new Date(),
    },
    "https://rebond.example",
    "en",
    [],
  );
  expect(online).toMatchObject({
    eventAttendanceMode: "https://schema.org/OnlineEventAttendanceMode",
    eventStatus: "https://schema.org/EventCancelled",
    location: { "@type": "VirtualLocation", url: "https://visio.example/bistrot" },
  });
  const script = scriptJson(data);
  expect(script).not.toContain("</script>");
  expect(JSON.parse(script).name).toBe(event.titleFr);
});

test("a partner's invitations are made from its page on a visible ticket: free single-use codes with its name as prefix, its guests then in its report", async () => {
  const { event, paid } = await ticketedEvent(db, organisation.id);
  const saved = await savePartner(
    db,
    event.id,
    null,
    partnerSchema.parse({ name: "Banque Coopérative", tier: "GOLD" }),
  );
  if (!saved.ok) throw new Error(saved.error);
  const given = await givePartnerCodes(
    db,
    event,
    saved.id,
    partnerCodesSchema.parse({ count: "3", ticketTypeId: paid.id, reserveQuota: "on" }),
  );
  expect(given).toEqual({ ok: true, count: 3 });
  const vouchers = await db.voucher.findMany({ where: { eventId: event.id }, include: { ticketTypes: true } });
  expect(vouchers).toHaveLength(3);
  for (const voucher of vouchers) {
    expect(voucher.code).toMatch(/^BANQUE-COOPERATIVE-[A-Z0-9]{8}$/);
    expect(voucher).toMatchObject({ kind: "FREE", maxUses: 1, reserveQuota: true, tag: "Banque Coopérative" });
    expect(voucher.ticketTypes.map((t) => t.ticketTypeId)).toEqual([paid.id]);
  }
  expect((await db.partner.findUniqueOrThrow({ where: { id: saved.id } })).voucherTag).toBe("Banque Coopérative");
  // A guest books the paid ticket for free with one of them, and shows in the partner's report.
  const placed = await placeOrder(
    db,
    event.id,
    { ...buyer({ [paid.id]: 1 }, { email: "invite.banque@exemple.fr" }), voucher: vouchers[0]!.code },
    "fr",
    orderContext,
  );
  expect(placed).toMatchObject({ ok: true, status: "PAID" });
  expect((await partnerReport(db, event.id, saved.id))!.guests.map((g) => g.email)).toEqual([
    "invite.banque@exemple.fr",
  ]);
  // Another event's partner, or a ticket of another event, creates nothing.
  const other = await ticketedEvent(db, organisation.id);
  const form = partnerCodesSchema.parse({ count: "2", ticketTypeId: other.paid.id });
  expect(await givePartnerCodes(db, event, saved.id, form)).toEqual({ ok: false, error: "errors.tickets.notOnSale" });
  expect(await givePartnerCodes(db, other.event, saved.id, form)).toEqual({ ok: false, error: "errors.notFound" });
  expect(await db.voucher.count({ where: { eventId: { in: [event.id, other.event.id] } } })).toBe(3);
});

test("the evening's report counts attendees, arrivals per quarter hour, the audience and the survey — aggregates only, small groups withheld", async () => {
  const { event, free } = await ticketedEvent(db, organisation.id, { seats: 100 });
  const [role, difficulty, company, diet] = await db.attendeeQuestion.createManyAndReturn({
    data: [
      {
        eventId: event.id,
        kind: "CHOICE",
        textFr: "Vous êtes…",
        textEn: "You are…",
        optionsFr: ["Entrepreneur·e", "Salarié·e", "Autre"],
        optionsEn: ["Entrepreneur", "Employee", "Other"],
        position: 0,
      },
      { eventId: event.id, kind: "YES_NO", textFr: "En difficulté ?", textEn: "In difficulty?", position: 1 },
      { eventId: event.id, kind: "TEXT", textFr: "Entreprise", textEn: "Company", position: 2 },
      { eventId: event.id, kind: "YES_NO", textFr: "Végétarien ?", textEn: "Vegetarian?", position: 3 },
    ],
    select: { id: true },
  });
  // Seven bookings answer the role (5 entrepreneurs, 2 employees) and whether they are in
  // difficulty; only four say whether they are vegetarian; all name their company.
  const placed = [];
  for (let i = 0; i < 7; i++) {
    const answer: Record<string, string> = {
      [role!.id]: i < 5 ? "0" : "1",
      [difficulty!.id]: i % 2 ? "yes" : "no",
      [company!.id]: `Société ${i}`,
    };
    if (i < 4) answer[diet!.id] = "yes";
    const result = await placeOrder(
      db,
      event.id,
      { ...buyer({ [free.id]: 1 }, { name: `Invité ${i}`, email: `invite${i}@exemple.fr` }), answer },
      "fr",
      orderContext,
    );
    if (!result.ok) throw new Error(result.error);
    placed.push(result.orderId);
  }
  // A canceled booking counts nowhere.
  await cancelOrder(db, { eventId: event.id, orderId: placed[6]!, byUserId: null });
  // Arrivals at 18:05, 18:10 and 18:40 Paris time (16:05… UTC in summer, 17:05… in winter).
  const at = (hhmm: string) => {
    const local = new Date(`2027-01-15T${hhmm}:00Z`);
    return new Date(local.getTime() - 60 * 60 * 1000);
  };
  for (const [i, time] of ["18:05", "18:10", "18:40"].entries())
    await db.ticket.updateMany({ where: { orderId: placed[i]! }, data: { checkedInAt: at(time) } });
  await db.wallPost.createMany({
    data: [
      ["Merci à la RÉGION Normandie !", "APPROVED"],
      ["La région normandie invite 20 personnes", "APPROVED"],
      ["Région Normandie, encore", "PENDING"],
      ["Rien à voir", "APPROVED"],
    ].map(([text, status], i) => ({
      eventId: event.id,
      origin: "onsite",
      externalId: `p${i}`,
      authorName: "Nadia",
      authorHandle: "",
      text: text!,
      html: text!,
      postedAt: new Date(),
      status: status as "APPROVED" | "PENDING",
    })),
  });
  const t = translator("fr");
  const reader = { t, locale: "fr" as const };

  const noSurvey = await eventReport(db, { id: event.id, timeZone: "Europe/Paris" }, "Région Normandie", reader);
  expect(noSurvey.attendance).toEqual({ expected: 6, inside: 3 });
  expect(noSurvey.arrivals).toEqual([
    { slot: "18:00", count: 2 },
    { slot: "18:30", count: 1 },
  ]);
  // Six live bookings: the role (5 and 1 — the single employee withheld) and the difficulty shown;
  // the company (free text) never; the diet (4 answers, under 5) not at all.
  expect(noSurvey.audience).toEqual([
    {
      text: "Vous êtes…",
      answered: 6,
      counts: [
        { label: "Entrepreneur·e", count: 5 },
        { label: "Salarié·e", count: null },
        { label: "Autre", count: 0 },
      ],
    },
    {
      text: "En difficulté ?",
      answered: 6,
      counts: [
        { label: "Oui", count: 3 },
        { label: "Non", count: 3 },
      ],
    },
  ]);
  expect(noSurvey.survey).toBeNull();
  expect(noSurvey.mentions!.count).toBe(2);
  expect(noSurvey.mentions!.posts.map((p) => p.text).sort()).toEqual([
    "La région normandie invite 20 personnes",
    "Merci à la RÉGION Normandie !",
  ]);

  // The survey shows once five answered, its free text never.
  const surveyId = await ownerSurvey(db, { eventId: event.id }, { fr: "Soirée", en: "Evening" });
  const rating = await db.surveyQuestion.findFirstOrThrow({ where: { surveyId } });
  const text = await db.surveyQuestion.create({
    data: { surveyId, kind: "TEXT", textFr: "Un mot ?", textEn: "A word?", position: 1 },
  });
  const respond = (stars: number) =>
    db.surveyResponse.create({
      data: {
        id: crypto.randomUUID(),
        surveyId,
        createdAt: new Date(),
        answers: {
          create: [
            { questionId: rating.id, rating: stars },
            { questionId: text.id, text: "Je suis Invité 3" },
          ],
        },
      },
    });
  for (const stars of [5, 4, 5, 5]) await respond(stars);
  expect((await eventReport(db, event, null, reader)).survey).toEqual({ answered: 4, questions: [] });
  await respond(3);
  const report = await eventReport(db, event, null, reader);
  expect(report.mentions).toBeNull();
  expect(report.survey!.questions).toEqual([
    {
      text: rating.textFr,
      answered: 5,
      average: 4.4,
      counts: [
        { label: "1 / 5", count: 0 },
        { label: "2 / 5", count: 0 },
        { label: "3 / 5", count: null },
        { label: "4 / 5", count: null },
        { label: "5 / 5", count: 3 },
      ],
    },
  ]);
  expect(JSON.stringify(report)).not.toContain("Invité");

  // The spreadsheet: semicolons and a BOM, one figure per line, the withheld ones written out.
  const rows = parse(eventReportCsv(report, t), { bom: true, delimiter: ";" }) as string[][];
  expect(rows[0]).toEqual(["Rubrique", "Question", "Réponse", "Nombre"]);
  expect(rows).toContainEqual(["Fréquentation", "Entrées", "", "3"]);
  expect(rows).toContainEqual(["Arrivées par quart d'heure", "18:00", "", "2"]);
  expect(rows).toContainEqual(["Le public", "Vous êtes…", "Salarié·e", "moins de 3"]);
  expect(rows).toContainEqual(["Questionnaire de satisfaction", rating.textFr, "Moyenne", "4,4"]);
});

test("a partner proposes its box; nothing shows before an organiser answers; declined keeps the box, accepted puts it online; its accounts hear either way", async () => {
  const { event } = await ticketedEvent(db, organisation.id);
  const account = await createUser(db, { name: "Isabelle Moreau" });
  await db.eventRole.create({ data: { eventId: event.id, userId: account.id, role: "PARTNER" } });
  const saved = await savePartner(
    db,
    event.id,
    null,
    partner("Région", "PRINCIPAL", { textFr: "Ancien texte", accountId: account.id }),
  );
  if (!saved.ok) throw new Error(saved.error);
  const form = (fields: Record<string, string | Blob>) => {
    const data = new FormData();
    for (const [key, value] of Object.entries(fields)) data.append(key, value);
    return data;
  };
  const box = async () => (await publicPartners(db, event.id))[0]!.partners[0]!;

  // Refused whole: a link that is not http(s), a file that is not an image, a partner of another event.
  expect(await proposalAction(db, event.id, saved.id, form({ intent: "propose", url: "javascript:alert(1)" }))).toEqual(
    {
      status: 400,
      error: "errors.url",
      done: null,
    },
  );
  expect(
    (
      await proposalAction(
        db,
        event.id,
        saved.id,
        form({ intent: "propose", logo: new Blob(["<svg/>"], { type: "image/svg+xml" }) }),
      )
    ).error,
  ).toBe("partners.errors.logoNotImage");
  const { event: elsewhere } = await ticketedEvent(db, organisation.id);
  expect((await proposalAction(db, elsewhere.id, saved.id, form({ intent: "propose", textFr: "x" }))).status).toBe(404);
  expect(await db.partnerProposal.count({ where: { partnerId: saved.id } })).toBe(0);

  const sent = await proposalAction(db, event.id, saved.id, form({ intent: "propose", textFr: "Premier essai" }));
  expect(sent.done).toBe("portal.proposal.sent");
  // A second proposal replaces the first; the event page still shows the old words.
  const logo = new Blob([
    await sharp({ create: { width: 400, height: 200, channels: 3, background: "#1d4ed8" } })
      .png()
      .toBuffer(),
  ]);
  await proposalAction(
    db,
    event.id,
    saved.id,
    form({ intent: "propose", textFr: "Nouveau texte", url: "https://region.example", logo }),
  );
  const waiting = await db.partnerProposal.findUniqueOrThrow({ where: { partnerId: saved.id } });
  expect([waiting.textFr, waiting.url, waiting.logo?.length ? "logo" : "none"]).toEqual([
    "Nouveau texte",
    "https://region.example",
    "logo",
  ]);
  expect((await box()).textFr).toBe("Ancien texte");

  const paris = { id: event.id, slug: event.slug, titleFr: event.titleFr, titleEn: event.titleEn };
  const context = { appUrl: "https://rebond.example" };
  // Another event's organisers cannot answer it.
  expect(
    await decideProposal(
      db,
      { ...paris, id: elsewhere.id },
      proposalDecisionSchema.parse({ intent: "accept", id: saved.id }),
      context,
    ),
  ).toBe(false);
  expect(
    await decideProposal(
      db,
      paris,
      proposalDecisionSchema.parse({ intent: "decline", id: saved.id, note: "Trop long" }),
      context,
    ),
  ).toBe(true);
  expect((await box()).textFr).toBe("Ancien texte");
  expect(await db.partnerProposal.count({ where: { partnerId: saved.id } })).toBe(0);
  const declined = await db.outboxMessage.findFirstOrThrow({
    where: { template: "partner-proposal-decision", to: account.email },
  });
  expect(declined.data).toMatchObject({
    accepted: false,
    note: "Trop long",
    partner: "Région",
    name: "Isabelle Moreau",
  });

  await proposalAction(db, event.id, saved.id, form({ intent: "propose", textFr: "Nouveau texte", logo }));
  expect(
    await decideProposal(db, paris, proposalDecisionSchema.parse({ intent: "accept", id: saved.id }), context),
  ).toBe(true);
  const online = await box();
  expect([online.textFr, online.logoUpdatedAt === null]).toEqual(["Nouveau texte", false]);
  expect(await db.outboxMessage.count({ where: { template: "partner-proposal-decision", to: account.email } })).toBe(2);
  // Nothing left to answer or withdraw.
  expect(
    await decideProposal(db, paris, proposalDecisionSchema.parse({ intent: "accept", id: saved.id }), context),
  ).toBe(false);
  expect((await proposalAction(db, event.id, saved.id, form({ intent: "withdraw" }))).status).toBe(404);
});
