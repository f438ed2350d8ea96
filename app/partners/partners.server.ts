import type { Db } from "~/infra/db/client.server";
import { Prisma, type PartnerTier } from "~/generated/prisma/client";
import { preparePhoto } from "~/cfp/profile.server";
import { MAX_LOGO_BYTES } from "~/infra/body-limits.server";
import { partnerTiers, type partnerCodesSchema, type PartnerInput } from "./partner-form";
import type { z } from "zod";
import { createVouchers } from "~/ticketing/vouchers.server";
import { voucherSchema } from "~/ticketing/ticketing-form";

const tierOrder = (tier: PartnerTier) => partnerTiers.indexOf(tier);

const publicSelect = {
  id: true,
  name: true,
  tier: true,
  url: true,
  textFr: true,
  textEn: true,
  logoUpdatedAt: true,
} satisfies Prisma.PartnerSelect;
export type PublicPartner = Prisma.PartnerGetPayload<{ select: typeof publicSelect }>;

// What a partner's account proposed for its box and waits for the organisers' answer
// (app/partners/proposals.server.ts).
export const proposalSelect = { url: true, textFr: true, textEn: true, logo: true, createdAt: true } as const;

// The proposed logo travels to the page as a data address (it is small WebP): no route to guard.
export function readableProposal(
  proposal: { url: string; textFr: string; textEn: string; logo: Uint8Array | null; createdAt: Date } | null,
) {
  if (!proposal) return null;
  const { logo, ...rest } = proposal;
  return { ...rest, logo: logo ? `data:image/webp;base64,${Buffer.from(logo).toString("base64")}` : null };
}

export type ReadableProposal = NonNullable<ReturnType<typeof readableProposal>>;

// The event page's partners, by tier (principal first), then by name.
export async function publicPartners(client: Db, eventId: string) {
  const partners = await client.partner.findMany({
    where: { eventId },
    select: publicSelect,
    orderBy: { name: "asc" },
  });
  return partnerTiers
    .map((tier) => ({ tier, partners: partners.filter((p) => p.tier === tier) }))
    .filter((group) => group.partners.length > 0);
}

// The organisers' page: each partner with its accounts, the voucher tags it may hold (ticketing's
// batches) and the event's partner accounts it may be given.
export async function partnersSetup(client: Db, eventId: string) {
  const [partners, tags, accounts, ticketTypes] = await Promise.all([
    client.partner.findMany({
      where: { eventId },
      select: {
        ...publicSelect,
        voucherTag: true,
        accounts: { select: { user: { select: { id: true, name: true, email: true } } } },
        proposal: { select: proposalSelect },
      },
    }),
    client.voucher.findMany({
      where: { eventId, tag: { not: "" } },
      distinct: ["tag"],
      select: { tag: true },
      orderBy: { tag: "asc" },
    }),
    client.eventRole.findMany({
      where: { eventId, role: "PARTNER" },
      select: { partnerId: true, user: { select: { id: true, name: true, email: true } } },
    }),
    client.ticketType.findMany({
      where: { eventId },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: { id: true, nameFr: true, nameEn: true, hidden: true },
    }),
  ]);
  return {
    partners: partners
      .map((p) => ({ ...p, proposal: readableProposal(p.proposal) }))
      .sort((a, b) => tierOrder(a.tier) - tierOrder(b.tier) || a.name.localeCompare(b.name)),
    voucherTags: tags.map((t) => t.tag),
    accounts: accounts.map((a) => ({ ...a.user, partnerId: a.partnerId })),
    ticketTypes,
  };
}

export type PartnerWrite = { ok: true; id: string } | { ok: false; error: string };

// One write: the partner, its logo when a new one was sent, and the account that speaks for it
// (an event PARTNER role: linking it to this partner unlinks it from any other).
export async function savePartner(
  client: Db,
  eventId: string,
  partnerId: string | null,
  input: PartnerInput,
  logo?: Uint8Array<ArrayBuffer>,
): Promise<PartnerWrite> {
  const { accountId, ...fields } = input;
  const data = { ...fields, ...(logo ? { logo, logoUpdatedAt: new Date() } : {}) };
  try {
    return await client.$transaction(async (tx) => {
      let id = partnerId;
      if (id) {
        const { count } = await tx.partner.updateMany({ where: { id, eventId }, data });
        if (count === 0) return { ok: false as const, error: "errors.notFound" };
      } else {
        id = (await tx.partner.create({ data: { eventId, ...data }, select: { id: true } })).id;
      }
      await tx.eventRole.updateMany({ where: { eventId, role: "PARTNER", partnerId: id }, data: { partnerId: null } });
      if (accountId) {
        const { count } = await tx.eventRole.updateMany({
          where: { eventId, role: "PARTNER", userId: accountId },
          data: { partnerId: id },
        });
        if (count === 0) throw new Error("not a partner account of this event");
      }
      return { ok: true as const, id };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      return { ok: false, error: "partners.errors.nameTaken" };
    if (error instanceof Error && error.message === "not a partner account of this event")
      return { ok: false, error: "partners.errors.account" };
    throw error;
  }
}

// A logo is judged by its content (PNG, JPEG or WebP; SVG is refused, it can carry scripts) and
// re-encoded as WebP of at most 600×300.
// The form's "logo" field: none sent (bytes undefined), or the re-encoded image, or why not.
export async function logoFromForm(
  formData: FormData,
): Promise<{ ok: true; bytes?: Uint8Array<ArrayBuffer> } | { ok: false; error: string }> {
  const file = formData.get("logo");
  if (!(file instanceof Blob) || file.size === 0) return { ok: true };
  if (file.size > MAX_LOGO_BYTES) return { ok: false, error: "partners.errors.logoTooBig" };
  const logo = await preparePhoto(file, { width: 600, height: 300, fit: "inside" });
  return logo.ok ? logo : { ok: false, error: "partners.errors.logoNotImage" };
}

export async function removePartner(client: Db, eventId: string, partnerId: string) {
  const { count } = await client.partner.deleteMany({ where: { id: partnerId, eventId } });
  return count === 1;
}

export async function partnerLogo(client: Db, eventId: string, partnerId: string) {
  const partner = await client.partner.findFirst({ where: { id: partnerId, eventId }, select: { logo: true } });
  return partner?.logo ?? null;
}

// The partner's name as a code prefix: "Banque Coopérative" gives BANQUE-COOPERATIVE-XXXXXXXX.
function codePrefix(name: string) {
  const prefix = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 20)
    .replace(/-+$/, "");
  return prefix.length >= 3 ? prefix : undefined;
}

// A batch of invitations for the partner, tagged with its codes' tag (its name when it had none,
// which then becomes its tag): its space lists who registered with them.
export async function givePartnerCodes(
  client: Db,
  event: { id: string; timeZone: string },
  partnerId: string,
  form: z.output<typeof partnerCodesSchema>,
) {
  const partner = await client.partner.findFirst({
    where: { id: partnerId, eventId: event.id },
    select: { id: true, name: true, voucherTag: true },
  });
  if (!partner) return { ok: false as const, error: "errors.notFound" };
  const tag = partner.voucherTag || partner.name.slice(0, 80);
  const created = await createVouchers(
    client,
    event,
    voucherSchema.parse({
      intent: "voucher",
      code: codePrefix(partner.name),
      count: String(form.count),
      kind: "FREE",
      value: "",
      maxUses: "1",
      reserveQuota: form.reserveQuota ? "on" : undefined,
      tag,
      ticketTypeIds: [form.ticketTypeId],
    }),
  );
  if (!created.ok) return created;
  if (!partner.voucherTag) await client.partner.update({ where: { id: partner.id }, data: { voucherTag: tag } });
  return { ok: true as const, count: created.count };
}
