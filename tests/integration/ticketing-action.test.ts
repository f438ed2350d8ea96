import { expect, test } from "vitest";
import { stripeStandInForTests } from "../support/stripe";

// The ticketing page's action (ticketingAction), called as the route calls it: a posted form,
// the event and the organiser the layout's middleware found. Refunds reach the Stripe stand-in.
const standIn = await stripeStandInForTests();

const { ticketingAction } = await import("~/ticketing/back-office/actions.server");
const { checkoutUrl, handleStripeWebhook } = await import("~/payments/card-payments.server");
const { placeOrder } = await import("~/ticketing/orders.server");
const { answerOf, formRequest, freshDatabaseForActions } = await import("../support/actions");
const { createOrganisation, createOrganiser } = await import("../support/factories");
const { buyer, orderContext, ticketedEvent } = await import("../support/tickets");

const db = await freshDatabaseForActions();
const organisation = await createOrganisation(db);
const organiser = await createOrganiser(db, organisation.id);
const user = { id: organiser.id, email: organiser.email, name: organiser.name, locale: "fr" as const };

type Reply = {
  intent: unknown;
  result?: { initialValue?: unknown; error?: Record<string, string[] | null> };
  error: string;
};
const post = async (event: { id: string; timeZone: string }, fields: Record<string, string | string[]>) => {
  const request = formRequest("/organisateur/evenements/rebond/billetterie", fields);
  const { status, body } = answerOf(await ticketingAction({ request, event, user }));
  return { status, body: body as Reply };
};

async function offlineOrder(eventId: string, typeId: string, email: string) {
  const placed = await placeOrder(
    db,
    eventId,
    buyer({ [typeId]: 1 }, { email, method: "OFFLINE" }),
    "fr",
    orderContext,
  );
  if (!placed.ok) throw new Error(placed.error);
  return placed.orderId;
}

async function paidCardOrder(eventId: string, typeId: string, email: string) {
  const placed = await placeOrder(db, eventId, buyer({ [typeId]: 1 }, { email, method: "STRIPE" }), "fr", orderContext);
  if (!placed.ok) throw new Error(placed.error);
  const sessionId = (await checkoutUrl(db, placed.orderId, orderContext))!.split("/pay/")[1]!;
  standIn.pay(sessionId);
  const { payload, signature } = standIn.signedEvent("checkout.session.completed", standIn.sessions.get(sessionId)!);
  expect(await handleStripeWebhook(db, payload, signature, orderContext)).toEqual({ status: 200, body: "paid" });
  return placed.orderId;
}

const rowCounts = async (eventId: string) => ({
  quotas: await db.quota.count({ where: { eventId } }),
  types: await db.ticketType.count({ where: { eventId } }),
  vouchers: await db.voucher.count({ where: { eventId } }),
  questions: await db.attendeeQuestion.count({ where: { eventId } }),
  orders: await db.order.count({ where: { eventId } }),
});

test("a form without an intent, or with one the page does not know, is refused with errors.badIntent and changes nothing", async () => {
  const { event } = await ticketedEvent(db, organisation.id);
  const before = await rowCounts(event.id);
  const forms: Record<string, string>[] = [
    { name: "Jauge du balcon", size: "40" },
    { intent: "delete-everything", name: "Jauge du balcon", size: "40" },
    { intent: "toString", name: "Jauge du balcon", size: "40" },
    { intent: "", name: "Jauge du balcon", size: "40" },
  ];
  for (const fields of forms) {
    const { status, body } = await post(event, fields);
    expect(status).toBe(400);
    expect(body.error).toBe("errors.badIntent");
  }
  expect(await rowCounts(event.id)).toEqual(before);
});

test("a quota added from its form is stored for the event and its form is reset", async () => {
  const { event } = await ticketedEvent(db, organisation.id);
  const { status, body } = await post(event, { intent: "quota", name: "Balcon", size: "40" });
  expect(status).toBe(200);
  expect(body).toMatchObject({ intent: "quota", error: null, result: { initialValue: null } });
  const quotas = await db.quota.findMany({ where: { eventId: event.id }, orderBy: { name: "asc" } });
  expect(quotas.map((q) => [q.name, q.size])).toEqual([
    ["Balcon", 40],
    ["Jauge", 50],
  ]);
});

test("a quota of no seats or without a name is refused on its fields and not stored", async () => {
  const { event } = await ticketedEvent(db, organisation.id);
  const { status, body } = await post(event, { intent: "quota", name: "B", size: "0" });
  expect(status).toBe(400);
  expect(body.intent).toBe("quota");
  expect(body.result?.error).toMatchObject({ name: ["errors.tooShort"], size: ["errors.capacity"] });
  expect(await db.quota.count({ where: { eventId: event.id } })).toBe(1);
});

test("a ticket type is stored with its price in cents, its quotas, the next position and its sale dates read in the event's time zone", async () => {
  const { event, quota } = await ticketedEvent(db, organisation.id);
  const { status, body } = await post(event, {
    intent: "ticket-type",
    nameFr: "Tarif réduit",
    nameEn: "Reduced",
    price: "12,50",
    saleStartsAt: "2027-03-01T09:00",
    saleEndsAt: "",
    minPerOrder: "1",
    maxPerOrder: "2",
    quotaIds: quota.id,
  });
  expect(status).toBe(200);
  expect(body).toMatchObject({ intent: "ticket-type", result: { initialValue: null }, error: null });
  const type = await db.ticketType.findFirstOrThrow({
    where: { eventId: event.id, nameFr: "Tarif réduit" },
    include: { quotas: true },
  });
  expect(type).toMatchObject({ priceCents: 1250, position: 2, maxPerOrder: 2, hidden: false, saleEndsAt: null });
  // 9:00 in Paris in March is 8:00 UTC.
  expect(type.saleStartsAt?.toISOString()).toBe("2027-03-01T08:00:00.000Z");
  expect(type.quotas.map((q) => q.quotaId)).toEqual([quota.id]);
});

test("a ticket type with an unreadable price, an inverted order range or no quota is refused on those fields and not stored", async () => {
  const { event } = await ticketedEvent(db, organisation.id);
  const { status, body } = await post(event, {
    intent: "ticket-type",
    nameFr: "Tarif réduit",
    nameEn: "Reduced",
    price: "douze",
    minPerOrder: "3",
    maxPerOrder: "2",
  });
  expect(status).toBe(400);
  expect(body.result?.error).toMatchObject({
    price: ["errors.tickets.price"],
    quotaIds: ["errors.tickets.quotaRequired"],
  });
  expect(await db.ticketType.count({ where: { eventId: event.id } })).toBe(2);
});

test("a ticket type on another event's quota is refused with the form's error and not stored", async () => {
  const { event } = await ticketedEvent(db, organisation.id);
  const other = await ticketedEvent(db, organisation.id);
  const { status, body } = await post(event, {
    intent: "ticket-type",
    nameFr: "Tarif réduit",
    nameEn: "Reduced",
    price: "10",
    minPerOrder: "1",
    maxPerOrder: "2",
    quotaIds: other.quota.id,
  });
  expect(status).toBe(400);
  expect(body.result?.error?.[""]).toEqual(["errors.tickets.quotaRequired"]);
  expect(await db.ticketType.count({ where: { eventId: event.id } })).toBe(2);
  expect(await db.ticketType.count({ where: { eventId: other.event.id } })).toBe(2);
});

const typeFields = (quotaId: string, overrides: Record<string, string> = {}) => ({
  nameFr: "Soutien",
  nameEn: "Supporter",
  price: "25",
  saleStartsAt: "",
  saleEndsAt: "",
  minPerOrder: "1",
  maxPerOrder: "4",
  quotaIds: quotaId,
  ...overrides,
});

test("a ticket type edited keeps its tickets at the price they were sold at, and new orders pay the new price", async () => {
  const { event, paid } = await ticketedEvent(db, organisation.id);
  const balcony = await db.quota.create({ data: { eventId: event.id, name: "Balcon", size: 10 } });
  await offlineOrder(event.id, paid.id, "avant@exemple.fr");
  const { status, body } = await post(event, {
    intent: "edit-ticket-type",
    id: paid.id,
    ...typeFields(balcony.id, { nameFr: "Soutien (tarif 2027)", price: "30,50", saleEndsAt: "2027-05-01T20:00" }),
  });
  expect(status).toBe(200);
  expect(body).toMatchObject({ intent: "edit-ticket-type", target: paid.id, error: null });
  const type = await db.ticketType.findUniqueOrThrow({ where: { id: paid.id }, include: { quotas: true } });
  expect(type).toMatchObject({ nameFr: "Soutien (tarif 2027)", priceCents: 3050 });
  expect(type.saleEndsAt?.toISOString()).toBe("2027-05-01T18:00:00.000Z");
  expect(type.quotas.map((q) => q.quotaId)).toEqual([balcony.id]);
  expect((await db.ticket.findFirstOrThrow({ where: { ticketTypeId: paid.id } })).priceCents).toBe(2500);
  await offlineOrder(event.id, paid.id, "apres@exemple.fr");
  expect((await db.order.findFirstOrThrow({ where: { email: "apres@exemple.fr" } })).totalCents).toBe(3050);
});

test("an edit with a bad price, or of another event's ticket type, is refused and changes nothing", async () => {
  const { event, quota, paid } = await ticketedEvent(db, organisation.id);
  const other = await ticketedEvent(db, organisation.id);
  const before = await db.ticketType.findUniqueOrThrow({ where: { id: paid.id } });
  const bad = await post(event, { intent: "edit-ticket-type", id: paid.id, ...typeFields(quota.id, { price: "-3" }) });
  expect(bad.status).toBe(400);
  expect(bad.body.result?.error?.price).toEqual(["errors.tickets.price"]);
  const theirs = await post(event, { intent: "edit-ticket-type", id: other.paid.id, ...typeFields(quota.id) });
  expect(theirs.status).toBe(400);
  expect(theirs.body.result?.error?.[""]).toEqual(["errors.notFound"]);
  expect(await db.ticketType.findUniqueOrThrow({ where: { id: paid.id } })).toEqual(before);
  expect((await db.ticketType.findUniqueOrThrow({ where: { id: other.paid.id } })).nameFr).toBe("Soutien");
});

test("a paused ticket type is not on sale until it is resumed; the organiser may still enter an order by hand", async () => {
  const { event, paid } = await ticketedEvent(db, organisation.id);
  expect((await post(event, { intent: "pause-ticket-type", id: paid.id })).status).toBe(200);
  const refused = await placeOrder(db, event.id, buyer({ [paid.id]: 1 }, { method: "OFFLINE" }), "fr", orderContext);
  expect(refused).toMatchObject({ ok: false, error: "errors.tickets.notOnSale" });
  const { ticketCatalogue } = await import("~/ticketing/catalogue.server");
  expect((await ticketCatalogue(db, event.id)).find((t) => t.id === paid.id)?.state).toBe("paused");
  const manual = await post(event, {
    intent: "manual-order",
    name: "Hugo Bernard",
    email: "hugo.pause@exemple.fr",
    ticketTypeId: paid.id,
    quantity: "1",
  });
  expect(manual.status).toBe(200);
  expect((await post(event, { intent: "resume-ticket-type", id: paid.id })).status).toBe(200);
  expect((await placeOrder(db, event.id, buyer({ [paid.id]: 1 }, { method: "OFFLINE" }), "fr", orderContext)).ok).toBe(
    true,
  );
});

test("ticket types move up and down in the order buyers see them; the first cannot go higher", async () => {
  const { event, free, paid } = await ticketedEvent(db, organisation.id);
  const order = async () =>
    (await db.ticketType.findMany({ where: { eventId: event.id }, orderBy: { position: "asc" } })).map((t) => t.id);
  expect(await order()).toEqual([free.id, paid.id]);
  expect((await post(event, { intent: "move-ticket-type", id: paid.id, direction: "up" })).status).toBe(200);
  expect(await order()).toEqual([paid.id, free.id]);
  expect((await post(event, { intent: "move-ticket-type", id: paid.id, direction: "up" })).status).toBe(200);
  expect(await order()).toEqual([paid.id, free.id]);
  const sideways = await post(event, { intent: "move-ticket-type", id: paid.id, direction: "sideways" });
  expect(sideways).toEqual({
    status: 400,
    body: { intent: "move-ticket-type", target: paid.id, result: undefined, error: "errors.badIntent" },
  });
  expect(await order()).toEqual([paid.id, free.id]);
});

test("a ticket type without tickets is deleted; one with a ticket, even canceled, is refused with what to do instead", async () => {
  const { event, free, paid } = await ticketedEvent(db, organisation.id);
  const orderId = await offlineOrder(event.id, paid.id, "annule@exemple.fr");
  await db.ticket.updateMany({ where: { orderId }, data: { canceledAt: new Date() } });
  expect(await post(event, { intent: "delete-ticket-type", id: paid.id })).toEqual({
    status: 400,
    body: { intent: "delete-ticket-type", target: paid.id, result: undefined, error: "errors.tickets.typeHasTickets" },
  });
  expect((await post(event, { intent: "delete-ticket-type", id: free.id })).status).toBe(200);
  expect((await db.ticketType.findMany({ where: { eventId: event.id } })).map((t) => t.id)).toEqual([paid.id]);
});

test("a quota grows or shrinks but not below the seats it gave; one in use by a ticket type cannot be deleted", async () => {
  const { event, quota, paid } = await ticketedEvent(db, organisation.id);
  await offlineOrder(event.id, paid.id, "place1@exemple.fr");
  await offlineOrder(event.id, paid.id, "place2@exemple.fr");
  const edit = (size: string) => post(event, { intent: "edit-quota", id: quota.id, name: "Grande salle", size });
  const below = await edit("1");
  expect(below.status).toBe(400);
  expect(below.body.result?.error?.[""]).toEqual(["errors.tickets.quotaBelowUsed"]);
  expect((await edit("2")).body).toMatchObject({ intent: "edit-quota", target: quota.id, error: null });
  expect(await db.quota.findUniqueOrThrow({ where: { id: quota.id } })).toMatchObject({
    name: "Grande salle",
    size: 2,
  });
  expect((await post(event, { intent: "delete-quota", id: quota.id })).body.error).toBe("errors.tickets.quotaInUse");
  const spare = await db.quota.create({ data: { eventId: event.id, name: "Réserve", size: 5 } });
  expect((await post(event, { intent: "delete-quota", id: spare.id })).status).toBe(200);
  expect(await db.quota.count({ where: { eventId: event.id } })).toBe(1);
});

test("a voucher is stored with its code in capitals and its amount in cents, for the ticket types it names", async () => {
  const { event, paid } = await ticketedEvent(db, organisation.id);
  const { status, body } = await post(event, {
    intent: "voucher",
    code: "rebond10",
    count: "1",
    kind: "FIXED",
    value: "10",
    maxUses: "5",
    ticketTypeIds: paid.id,
  });
  expect(status).toBe(200);
  expect(body).toMatchObject({ intent: "voucher", result: { initialValue: null }, error: null });
  const voucher = await db.voucher.findFirstOrThrow({ where: { eventId: event.id }, include: { ticketTypes: true } });
  expect(voucher).toMatchObject({ code: "REBOND10", kind: "FIXED", valueCents: 1000, percent: 0, maxUses: 5 });
  expect(voucher.ticketTypes.map((t) => t.ticketTypeId)).toEqual([paid.id]);
});

test("a voucher of more than a hundred percent is refused on its value and not stored", async () => {
  const { event } = await ticketedEvent(db, organisation.id);
  const { status, body } = await post(event, {
    intent: "voucher",
    code: "TOUT150",
    count: "1",
    kind: "PERCENT",
    value: "150",
    maxUses: "1",
  });
  expect(status).toBe(400);
  expect(body.result?.error?.value).toEqual(["errors.tickets.percent"]);
  expect(await db.voucher.count({ where: { eventId: event.id } })).toBe(0);
});

test("a voucher whose code the event already has is refused with the form's error, and the first one stays alone", async () => {
  const { event } = await ticketedEvent(db, organisation.id);
  const fields = { intent: "voucher", code: "PARTENAIRE", count: "1", kind: "FREE", value: "", maxUses: "1" };
  expect((await post(event, fields)).status).toBe(200);
  const { status, body } = await post(event, { ...fields, kind: "PERCENT", value: "50" });
  expect(status).toBe(400);
  expect(body.result?.error?.[""]).toEqual(["errors.tickets.voucherTaken"]);
  const vouchers = await db.voucher.findMany({ where: { eventId: event.id } });
  expect(vouchers.map((v) => [v.code, v.kind])).toEqual([["PARTENAIRE", "FREE"]]);
});

test("an attendee question is stored with its options, one a line, after the event's other questions", async () => {
  const { event } = await ticketedEvent(db, organisation.id);
  await db.attendeeQuestion.create({
    data: { eventId: event.id, kind: "TEXT", textFr: "Votre métier ?", textEn: "Your job?", position: 0 },
  });
  const { status, body } = await post(event, {
    intent: "attendee-question",
    kind: "CHOICE",
    textFr: "Votre repas ?",
    textEn: "Your meal?",
    optionsFr: "Végétarien\n Sans gluten \n",
    optionsEn: "Vegetarian\nGluten-free",
    required: "on",
  });
  expect(status).toBe(200);
  expect(body).toEqual({ intent: "attendee-question", result: undefined, error: null });
  const question = await db.attendeeQuestion.findFirstOrThrow({ where: { eventId: event.id, kind: "CHOICE" } });
  expect(question).toMatchObject({
    textFr: "Votre repas ?",
    optionsFr: ["Végétarien", "Sans gluten"],
    optionsEn: ["Vegetarian", "Gluten-free"],
    required: true,
    position: 1,
  });
});

test("a choice question with a single option is refused with errors.options and not stored", async () => {
  const { event } = await ticketedEvent(db, organisation.id);
  const { status, body } = await post(event, {
    intent: "attendee-question",
    kind: "CHOICE",
    textFr: "Votre repas ?",
    textEn: "Your meal?",
    optionsFr: "Végétarien",
    optionsEn: "Vegetarian",
  });
  expect(status).toBe(400);
  expect(body).toEqual({ intent: "attendee-question", result: undefined, error: "errors.options" });
  expect(await db.attendeeQuestion.count({ where: { eventId: event.id } })).toBe(0);
});

test("an attendee question is reworded and made optional; its choices may grow but not shrink, and another event's is not found", async () => {
  const { event } = await ticketedEvent(db, organisation.id);
  const other = await ticketedEvent(db, organisation.id);
  const meal = await db.attendeeQuestion.create({
    data: {
      eventId: event.id,
      kind: "CHOICE",
      textFr: "Votre repas ?",
      textEn: "Your meal?",
      optionsFr: ["Végétarien", "Sans gluten"],
      optionsEn: ["Vegetarian", "Gluten-free"],
      required: true,
    },
  });
  const edit = (fields: Record<string, string>, on = event) =>
    post(on, {
      intent: "edit-question",
      id: meal.id,
      textFr: "Votre repas du soir ?",
      textEn: "Your dinner?",
      ...fields,
    });
  expect(
    await edit({ optionsFr: "Végétarien\nSans gluten\nVegan", optionsEn: "Vegetarian\nGluten-free\nVegan" }),
  ).toEqual({
    status: 200,
    body: { intent: "edit-question", target: meal.id, result: undefined, error: null },
  });
  expect(await db.attendeeQuestion.findUniqueOrThrow({ where: { id: meal.id } })).toMatchObject({
    textFr: "Votre repas du soir ?",
    optionsFr: ["Végétarien", "Sans gluten", "Vegan"],
    required: false,
    kind: "CHOICE",
  });
  expect((await edit({ optionsFr: "Végétarien\nVegan", optionsEn: "Vegetarian\nVegan" })).body.error).toBe(
    "errors.optionsKept",
  );
  expect((await edit({ optionsFr: "Un\nDeux\nTrois", optionsEn: "One\nTwo" })).body.error).toBe("errors.options");
  expect((await edit({ optionsFr: "A\nB\nC", optionsEn: "A\nB\nC" }, other.event)).body.error).toBe("errors.notFound");
  expect((await db.attendeeQuestion.findUniqueOrThrow({ where: { id: meal.id } })).optionsFr).toHaveLength(3);
});

test("removing an attendee question deletes the event's own question and leaves another event's alone", async () => {
  const { event } = await ticketedEvent(db, organisation.id);
  const other = await ticketedEvent(db, organisation.id);
  const question = (eventId: string) =>
    db.attendeeQuestion.create({
      data: { eventId, kind: "YES_NO", textFr: "Venez-vous en train ?", textEn: "Coming by train?" },
    });
  const own = await question(event.id);
  const theirs = await question(other.event.id);
  expect(await post(event, { intent: "remove-question", id: own.id })).toEqual({
    status: 200,
    body: { intent: "remove-question", result: undefined, error: null },
  });
  expect(await db.attendeeQuestion.count({ where: { id: own.id } })).toBe(0);
  expect((await post(event, { intent: "remove-question", id: theirs.id })).status).toBe(200);
  expect(await db.attendeeQuestion.count({ where: { id: theirs.id } })).toBe(1);
});

test("the booking rules are saved, an empty cancellation delay meaning buyers may never cancel", async () => {
  const { event } = await ticketedEvent(db, organisation.id);
  const rules = () =>
    db.event.findUniqueOrThrow({
      where: { id: event.id },
      select: { ticketCancelDays: true, unconfirmedHoldMinutes: true, paymentMethods: true },
    });
  expect(
    await post(event, {
      intent: "booking-rules",
      ticketCancelDays: "7",
      unconfirmedHoldMinutes: "45",
      paymentMethods: ["DOOR", "OFFLINE"],
    }),
  ).toEqual({
    status: 200,
    body: { intent: "booking-rules", result: undefined, error: null },
  });
  expect(await rules()).toEqual({
    ticketCancelDays: 7,
    unconfirmedHoldMinutes: 45,
    paymentMethods: ["OFFLINE", "DOOR"],
  });
  expect(
    (
      await post(event, {
        intent: "booking-rules",
        ticketCancelDays: "",
        unconfirmedHoldMinutes: "60",
        paymentMethods: "DOOR",
      })
    ).status,
  ).toBe(200);
  expect(await rules()).toEqual({ ticketCancelDays: null, unconfirmedHoldMinutes: 60, paymentMethods: ["DOOR"] });
  // None ticked, or one that does not exist: refused, nothing changed.
  for (const paymentMethods of [undefined, ["CASH"]]) {
    const { status, body } = await post(event, {
      intent: "booking-rules",
      ticketCancelDays: "3",
      unconfirmedHoldMinutes: "30",
      ...(paymentMethods ? { paymentMethods } : {}),
    });
    expect(status).toBe(400);
    expect(body.error).toBe(paymentMethods ? "errors.badIntent" : "errors.tickets.noPaymentMethod");
  }
  expect((await rules()).paymentMethods).toEqual(["DOOR"]);
});

test("a buyer may pay only in a way the event offers; an organiser's order is entered whatever the way", async () => {
  const { event, paid } = await ticketedEvent(db, organisation.id);
  await db.event.update({ where: { id: event.id }, data: { paymentMethods: ["DOOR"] } });
  const order = (method: "OFFLINE" | "DOOR", by: Parameters<typeof placeOrder>[5] = null) =>
    placeOrder(
      db,
      event.id,
      buyer({ [paid.id]: 1 }, { method, email: `m${method}${Math.random()}@exemple.fr` }),
      "fr",
      orderContext,
      by,
    );
  expect(await order("OFFLINE")).toEqual({ ok: false, error: "errors.tickets.methodNotOffered" });
  expect((await order("DOOR")).ok).toBe(true);
  expect((await order("OFFLINE", { manual: { organiserId: organiser.id, complimentary: false } })).ok).toBe(true);
});

test("booking rules holding an unconfirmed booking for two minutes are refused with their message and not saved", async () => {
  const { event } = await ticketedEvent(db, organisation.id);
  const before = await db.event.findUniqueOrThrow({ where: { id: event.id } });
  const { status, body } = await post(event, {
    intent: "booking-rules",
    ticketCancelDays: "3",
    unconfirmedHoldMinutes: "2",
  });
  expect(status).toBe(400);
  expect(body.error).toBe("errors.tickets.unconfirmedHold");
  const after = await db.event.findUniqueOrThrow({ where: { id: event.id } });
  expect([after.ticketCancelDays, after.unconfirmedHoldMinutes]).toEqual([
    before.ticketCancelDays,
    before.unconfirmedHoldMinutes,
  ]);
});

test("a complimentary order entered by the organiser is paid at once, free, signed by them and its tickets mailed", async () => {
  const { event, paid } = await ticketedEvent(db, organisation.id);
  const { status, body } = await post(event, {
    intent: "manual-order",
    name: "Lucie Martin",
    email: "Lucie.Martin@exemple.fr",
    ticketTypeId: paid.id,
    quantity: "2",
    complimentary: "on",
  });
  expect(status).toBe(200);
  expect(body).toEqual({ intent: "manual-order", result: undefined, error: null });
  const order = await db.order.findFirstOrThrow({
    where: { eventId: event.id },
    include: { tickets: true, history: { orderBy: { createdAt: "asc" } } },
  });
  expect(order).toMatchObject({ email: "lucie.martin@exemple.fr", status: "PAID", method: "FREE", totalCents: 0 });
  expect(order.tickets).toHaveLength(2);
  expect(order.history.map((h) => [h.toStatus, h.byUserId, h.note])).toEqual([
    ["PENDING", organiser.id, "complimentary"],
    ["PAID", organiser.id, "complimentary"],
  ]);
  const mail = await db.outboxMessage.findFirstOrThrow({ where: { to: "lucie.martin@exemple.fr", template: "order" } });
  expect((mail.data as { state: string }).state).toBe("paid");
});

test("a manual order paid by transfer waits for its payment and its buyer is mailed how to pay", async () => {
  const { event, paid } = await ticketedEvent(db, organisation.id);
  const { status } = await post(event, {
    intent: "manual-order",
    name: "Hugo Bernard",
    email: "hugo.bernard@exemple.fr",
    ticketTypeId: paid.id,
    quantity: "1",
  });
  expect(status).toBe(200);
  const order = await db.order.findFirstOrThrow({ where: { eventId: event.id } });
  expect(order).toMatchObject({ status: "PENDING", method: "OFFLINE", totalCents: 2500 });
  const mail = await db.outboxMessage.findFirstOrThrow({ where: { to: "hugo.bernard@exemple.fr", template: "order" } });
  expect((mail.data as { state: string }).state).toBe("pending");
});

test("a manual order with an address that is not one is refused with errors.email and no order is placed", async () => {
  const { event, paid } = await ticketedEvent(db, organisation.id);
  const { status, body } = await post(event, {
    intent: "manual-order",
    name: "Hugo Bernard",
    email: "hugo.bernard",
    ticketTypeId: paid.id,
    quantity: "1",
  });
  expect(status).toBe(400);
  expect(body).toEqual({ intent: "manual-order", result: undefined, error: "errors.email" });
  expect(await db.order.count({ where: { eventId: event.id } })).toBe(0);
});

test("a manual order for more seats than are left, or for another event's ticket type, is refused with its reason and places nothing", async () => {
  const { event, paid } = await ticketedEvent(db, organisation.id, { seats: 2 });
  const other = await ticketedEvent(db, organisation.id);
  const order = (ticketTypeId: string, quantity: string) =>
    post(event, { intent: "manual-order", name: "Hugo Bernard", email: "hugo@exemple.fr", ticketTypeId, quantity });
  expect(await order(paid.id, "3")).toEqual({
    status: 400,
    body: { intent: "manual-order", result: undefined, error: "errors.tickets.soldOut" },
  });
  expect((await order(other.paid.id, "1")).body.error).toBe("errors.tickets.notOnSale");
  expect(await db.order.count({ where: { eventId: { in: [event.id, other.event.id] } } })).toBe(0);
  expect(await db.outboxMessage.count({ where: { to: "hugo@exemple.fr" } })).toBe(0);
});

test("marking a transfer paid records who did it and mails the tickets; marking it paid again is refused and mails nothing more", async () => {
  const { event, paid } = await ticketedEvent(db, organisation.id);
  const orderId = await offlineOrder(event.id, paid.id, "virement@exemple.fr");
  expect(await post(event, { intent: "mark-paid", orderId })).toEqual({
    status: 200,
    body: { intent: "mark-paid", result: undefined, error: null },
  });
  const order = await db.order.findUniqueOrThrow({ where: { id: orderId }, include: { history: true } });
  expect(order.status).toBe("PAID");
  expect(order.paidAt).not.toBeNull();
  expect(order.history.find((h) => h.toStatus === "PAID")?.byUserId).toBe(organiser.id);
  const states = async () =>
    (await db.outboxMessage.findMany({ where: { to: "virement@exemple.fr" }, orderBy: { createdAt: "asc" } })).map(
      (m) => (m.data as { state: string }).state,
    );
  expect(await states()).toEqual(["pending", "paid"]);

  expect(await post(event, { intent: "mark-paid", orderId })).toEqual({
    status: 400,
    body: { intent: "mark-paid", result: undefined, error: "errors.tickets.badTransition" },
  });
  expect(await states()).toEqual(["pending", "paid"]);
  expect(await db.orderStatusChange.count({ where: { orderId, toStatus: "PAID" } })).toBe(1);
});

test("an order button without the order it is for is refused with errors.badIntent", async () => {
  const { event } = await ticketedEvent(db, organisation.id);
  for (const intent of ["mark-paid", "refund", "cancel"]) {
    expect(await post(event, { intent })).toEqual({
      status: 400,
      body: { intent, result: undefined, error: "errors.badIntent" },
    });
    expect((await post(event, { intent, orderId: "" })).body.error).toBe("errors.badIntent");
  }
});

test("an order of another event can be neither marked paid nor cancelled from this one", async () => {
  const { event } = await ticketedEvent(db, organisation.id);
  const other = await ticketedEvent(db, organisation.id);
  const orderId = await offlineOrder(other.event.id, other.paid.id, "ailleurs@exemple.fr");
  for (const intent of ["mark-paid", "cancel"]) {
    const { status, body } = await post(event, { intent, orderId });
    expect(status).toBe(400);
    expect(body.error).toBe("errors.tickets.badTransition");
  }
  expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("PENDING");
});

test("cancelling an unpaid order cancels its tickets and records who did it; cancelling it again is refused", async () => {
  const { event, paid } = await ticketedEvent(db, organisation.id);
  const orderId = await offlineOrder(event.id, paid.id, "annule@exemple.fr");
  expect(await post(event, { intent: "cancel", orderId })).toEqual({
    status: 200,
    body: { intent: "cancel", result: undefined, error: null },
  });
  const order = await db.order.findUniqueOrThrow({ where: { id: orderId }, include: { tickets: true, history: true } });
  expect(order.status).toBe("CANCELED");
  expect(order.tickets.every((t) => t.canceledAt !== null)).toBe(true);
  expect(order.history.find((h) => h.toStatus === "CANCELED")?.byUserId).toBe(organiser.id);

  const { status, body } = await post(event, { intent: "cancel", orderId });
  expect(status).toBe(400);
  expect(body.error).toBe("errors.tickets.badTransition");
  expect(await db.orderStatusChange.count({ where: { orderId, toStatus: "CANCELED" } })).toBe(1);
});

test("a paid card order is not cancelled but refunded: the card is refunded, the tickets cancelled and the buyer told", async () => {
  const { event, paid } = await ticketedEvent(db, organisation.id);
  const orderId = await paidCardOrder(event.id, paid.id, "carte@exemple.fr");
  const cancelled = await post(event, { intent: "cancel", orderId });
  expect(cancelled.status).toBe(400);
  expect(cancelled.body.error).toBe("errors.tickets.badTransition");
  expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("PAID");

  expect(await post(event, { intent: "refund", orderId })).toEqual({
    status: 200,
    body: { intent: "refund", result: undefined, error: null },
  });
  const order = await db.order.findUniqueOrThrow({ where: { id: orderId }, include: { tickets: true, history: true } });
  expect(order.status).toBe("REFUNDED");
  expect(order.tickets.every((t) => t.canceledAt !== null)).toBe(true);
  expect(order.history.find((h) => h.toStatus === "REFUNDED")?.byUserId).toBe(organiser.id);
  expect(standIn.refunds.filter((r) => r.payment_intent === order.stripePaymentIntentId)).toHaveLength(1);
  const mails = await db.outboxMessage.findMany({ where: { to: "carte@exemple.fr" }, orderBy: { createdAt: "asc" } });
  expect(mails.map((m) => (m.data as { state: string }).state)).toEqual(["paid", "refunded"]);
});

test("an order not paid by card is not refunded, and a refund Stripe refuses leaves the order paid", async () => {
  const { event, paid } = await ticketedEvent(db, organisation.id);
  const transfer = await offlineOrder(event.id, paid.id, "virement-rembourse@exemple.fr");
  expect((await post(event, { intent: "refund", orderId: transfer })).body.error).toBe("errors.tickets.badTransition");
  expect((await db.order.findUniqueOrThrow({ where: { id: transfer } })).status).toBe("PENDING");

  // Paid, as far as the database knows, with a payment Stripe has never heard of.
  const card = await paidCardOrder(event.id, paid.id, "inconnu@exemple.fr");
  await db.order.update({ where: { id: card }, data: { stripePaymentIntentId: "pi_inconnu_de_stripe" } });
  const refused = await post(event, { intent: "refund", orderId: card });
  expect(refused.status).toBe(400);
  expect(refused.body.error).toBe("errors.tickets.paymentUnavailable");
  expect((await db.order.findUniqueOrThrow({ where: { id: card } })).status).toBe("PAID");
  expect(await db.outboxMessage.count({ where: { to: "inconnu@exemple.fr", template: "order" } })).toBe(1);
});

test("an attendee question moves up; another event's is not found", async () => {
  const { event } = await ticketedEvent(db, organisation.id);
  const other = await ticketedEvent(db, organisation.id);
  const [first, second] = await db.attendeeQuestion.createManyAndReturn({
    data: [
      { eventId: event.id, kind: "TEXT", textFr: "Entreprise", textEn: "Company", position: 0 },
      { eventId: event.id, kind: "YES_NO", textFr: "Végétarien ?", textEn: "Vegetarian?", position: 1 },
    ],
  });
  const theirs = await db.attendeeQuestion.create({
    data: { eventId: other.event.id, kind: "TEXT", textFr: "Entreprise", textEn: "Company" },
  });
  expect((await post(event, { intent: "move-question", id: second!.id, direction: "up" })).status).toBe(200);
  const order = await db.attendeeQuestion.findMany({ where: { eventId: event.id }, orderBy: { position: "asc" } });
  expect(order.map((q) => q.id)).toEqual([second!.id, first!.id]);
  expect((await post(event, { intent: "move-question", id: theirs.id, direction: "up" })).body).toMatchObject({
    error: "errors.notFound",
  });
});
