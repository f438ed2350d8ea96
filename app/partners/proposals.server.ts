import { href } from "react-router";
import type { z } from "zod";
import type { Db } from "~/infra/db/client.server";
import type { LinkContext } from "~/infra/links.server";
import { enqueueMails } from "~/platform/mail.server";
import { partnerProposalSchema, type proposalDecisionSchema } from "./partner-form";
import { logoFromForm } from "./partners.server";

// A partner's account proposes its box (link, words, logo); organisers accept it — then it is
// what the event page shows — or decline it, and the partner's accounts are told by mail
// (docs/decisions/037-partner-proposals.md).

// A new proposal replaces the one waiting; a logo left out keeps the one already proposed.
export async function proposePartnerBox(
  client: Db,
  eventId: string,
  partnerId: string,
  input: z.output<typeof partnerProposalSchema>,
  logo?: Uint8Array<ArrayBuffer>,
) {
  const partner = await client.partner.findFirst({ where: { id: partnerId, eventId }, select: { id: true } });
  if (!partner) return false;
  await client.partnerProposal.upsert({
    where: { partnerId },
    create: { partnerId, ...input, logo: logo ?? null },
    update: { ...input, ...(logo ? { logo } : {}), createdAt: new Date() },
  });
  return true;
}

export async function withdrawProposal(client: Db, eventId: string, partnerId: string) {
  const { count } = await client.partnerProposal.deleteMany({ where: { partnerId, partner: { eventId } } });
  return count > 0;
}

// Accepted: the proposal becomes the box. Either way it is gone and the partner's accounts hear.
export async function decideProposal(
  client: Db,
  event: { id: string; slug: string; titleFr: string; titleEn: string },
  decision: z.output<typeof proposalDecisionSchema>,
  context: Pick<LinkContext, "appUrl">,
) {
  return client.$transaction(async (tx) => {
    const proposal = await tx.partnerProposal.findFirst({
      where: { partnerId: decision.id, partner: { eventId: event.id } },
      include: {
        partner: {
          select: { name: true, accounts: { select: { user: { select: { email: true, name: true, locale: true } } } } },
        },
      },
    });
    if (!proposal) return false;
    const accepted = decision.intent === "accept";
    if (accepted)
      await tx.partner.update({
        where: { id: proposal.partnerId },
        data: {
          url: proposal.url,
          textFr: proposal.textFr,
          textEn: proposal.textEn,
          ...(proposal.logo ? { logo: proposal.logo, logoUpdatedAt: new Date() } : {}),
        },
      });
    await tx.partnerProposal.delete({ where: { id: proposal.id } });
    await enqueueMails(
      tx,
      proposal.partner.accounts.map(({ user }) => ({
        to: user.email,
        template: "partner-proposal-decision" as const,
        locale: user.locale,
        data: {
          name: user.name,
          partner: proposal.partner.name,
          event: user.locale === "en" && event.titleEn ? event.titleEn : event.titleFr,
          accepted,
          ...(decision.note ? { note: decision.note } : {}),
          url: `${context.appUrl}${href("/partenaire/:eventSlug", { eventSlug: event.slug })}`,
        },
      })),
    );
    return true;
  });
}

export type ProposalResult = { status: number; error: string | null; done: string | null };

// The partner's forms on its page: propose (a new logo is optional), or withdraw what waits.
export async function proposalAction(
  client: Db,
  eventId: string,
  partnerId: string,
  formData: FormData,
): Promise<ProposalResult> {
  const failed = (error: string, status = 400) => ({ status, error, done: null });
  const intent = formData.get("intent");
  if (intent === "withdraw")
    return (await withdrawProposal(client, eventId, partnerId))
      ? { status: 200, error: null, done: "portal.proposal.withdrawn" }
      : failed("errors.notFound", 404);
  if (intent !== "propose") return failed("errors.badIntent");
  const parsed = partnerProposalSchema.safeParse(
    Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === "string")),
  );
  if (!parsed.success) return failed(parsed.error.issues[0]!.message);
  const logo = await logoFromForm(formData);
  if (!logo.ok) return failed(logo.error);
  return (await proposePartnerBox(client, eventId, partnerId, parsed.data, logo.bytes))
    ? { status: 200, error: null, done: "portal.proposal.sent" }
    : failed("errors.notFound", 404);
}
