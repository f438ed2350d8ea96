import { z } from "zod";
import type { Db } from "~/infra/db/client.server";
import { isUniqueViolation } from "~/infra/db/errors.server";
import type { Outcome } from "~/infra/form-intents.server";
import type { Locale } from "~/infra/i18n/i18n";
import { freeSlug } from "~/infra/slug";
import { inviteToAssociation } from "~/team/team.server";
import { situationSchema, type HelpAnswers } from "./answers";
import type { AssociationInput, RuleInput, TrialResult } from "./network-form";
import { routeWith, routingData } from "./routing.server";

// The network's side of its portal (docs/decisions/046-portal-settings.md): its associations, the
// rules that route requests to them, and how long closed requests are kept. Nothing here reads a
// person's request: the page counts this week's requests per association, and that is all.

export async function portalSettings(client: Db, organisationId: string, now = new Date()) {
  const [{ rules, weekLoad }, associations, organisation] = await Promise.all([
    routingData(client, organisationId, now),
    client.association.findMany({
      where: { organisationId },
      orderBy: { name: "asc" },
      select: {
        id: true,
        slug: true,
        name: true,
        summaryFr: true,
        summaryEn: true,
        departments: true,
        stages: true,
        languages: true,
        weeklyCapacity: true,
        website: true,
        _count: { select: { volunteers: true } },
      },
    }),
    client.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { helpRetentionMonths: true } }),
  ]);
  return {
    associations: associations.map((a) => ({ ...a, weekLoad: weekLoad[a.id] ?? 0 })),
    // Tried in this order; the default last.
    rules: rules.sort((a, b) => Number(a.isDefault) - Number(b.isDefault) || a.position - b.position),
    retentionMonths: organisation.helpRetentionMonths,
  };
}

const associationData = (input: AssociationInput) => ({
  name: input.name,
  summaryFr: input.summaryFr,
  summaryEn: input.summaryEn,
  departments: input.departments,
  stages: input.stages,
  languages: input.languages,
  weeklyCapacity: input.weeklyCapacity,
  website: input.website,
});

const FIRST_DEFAULT = { reasonFr: "pour vous écouter et vous orienter", reasonEn: "to listen to you and guide you" };

// A new association of the network, with its first volunteer invited to its space.
export async function addAssociation(
  client: Db,
  input: {
    organisationId: string;
    association: AssociationInput;
    volunteer: { name: string; email: string; locale: Locale };
    inviter: { name: string; email: string };
    appUrl: string;
  },
): Promise<Outcome> {
  const slug = await freeSlug(input.association.name, 60, "association", async (base) =>
    (await client.association.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map(
      (a) => a.slug,
    ),
  );
  try {
    await client.$transaction(async (tx) => {
      const association = await tx.association.create({
        data: { organisationId: input.organisationId, slug, ...associationData(input.association) },
        select: { id: true, slug: true, name: true },
      });
      // The network's first association: the rule that catches every request names it.
      if (!(await tx.routingRule.count({ where: { organisationId: input.organisationId, isDefault: true } })))
        await tx.routingRule.create({
          data: {
            organisationId: input.organisationId,
            isDefault: true,
            associationIds: [association.id],
            ...FIRST_DEFAULT,
          },
        });
      await inviteToAssociation(tx, {
        association,
        inviter: input.inviter,
        invitee: input.volunteer,
        appUrl: input.appUrl,
      });
    });
  } catch (error) {
    // Another association took the same address a moment before.
    if (isUniqueViolation(error)) return { ok: false, error: "errors.slugTaken" };
    throw error;
  }
  return { ok: true };
}

export async function saveAssociation(client: Db, organisationId: string, input: AssociationInput): Promise<Outcome> {
  const { count } = await client.association.updateMany({
    where: { id: input.id ?? "", organisationId },
    data: associationData(input),
  });
  return count ? { ok: true } : { ok: false, error: "errors.notFound" };
}

// A rule added (before the default) or edited; the default rule keeps no condition.
export async function saveRule(client: Db, organisationId: string, input: RuleInput): Promise<Outcome> {
  const known = await client.association.count({ where: { organisationId, id: { in: input.associationIds } } });
  if (known !== input.associationIds.length) return { ok: false, error: "helpNetwork.errors.unknownAssociation" };
  const reasons = { reasonFr: input.reasonFr, reasonEn: input.reasonEn, associationIds: input.associationIds };
  const conditions = {
    procedures: input.procedures,
    needs: input.needs,
    companyActive: input.companyActive,
    withinMonths: input.withinMonths,
  };
  if (!input.id) {
    const last = await client.routingRule.aggregate({
      where: { organisationId, isDefault: false },
      _max: { position: true },
    });
    await client.routingRule.create({
      data: { organisationId, position: (last._max.position ?? -1) + 1, ...reasons, ...conditions },
    });
    return { ok: true };
  }
  const rule = await client.routingRule.findFirst({
    where: { id: input.id, organisationId },
    select: { isDefault: true },
  });
  if (!rule) return { ok: false, error: "errors.notFound" };
  await client.routingRule.update({
    where: { id: input.id },
    data: rule.isDefault ? reasons : { ...reasons, ...conditions },
  });
  return { ok: true };
}

// One place up or down among the rules that are not the default, renumbered under the network's
// row lock so that two moves at once cannot tangle them.
export async function moveRule(
  client: Db,
  organisationId: string,
  id: string,
  direction: "up" | "down",
): Promise<Outcome> {
  return client.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "Organisation" WHERE "id" = ${organisationId} FOR UPDATE`;
    const rules = await tx.routingRule.findMany({
      where: { organisationId, isDefault: false },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: { id: true },
    });
    const from = rules.findIndex((r) => r.id === id);
    if (from < 0) return { ok: false as const, error: "errors.notFound" };
    const to = direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= rules.length) return { ok: true as const };
    [rules[from], rules[to]] = [rules[to]!, rules[from]!];
    for (const [position, rule] of rules.entries())
      await tx.routingRule.update({ where: { id: rule.id }, data: { position } });
    return { ok: true as const };
  });
}

// The default rule stays: a request always finds an association.
export async function removeRule(client: Db, organisationId: string, id: string): Promise<Outcome> {
  const { count } = await client.routingRule.deleteMany({ where: { id, organisationId, isDefault: false } });
  return count ? { ok: true } : { ok: false, error: "helpNetwork.errors.defaultStays" };
}

export async function setRetention(client: Db, organisationId: string, months: number): Promise<Outcome> {
  await client.organisation.update({ where: { id: organisationId }, data: { helpRetentionMonths: months } });
  return { ok: true };
}

// Where the rules would send these answers today (the page's "try the rules"): nothing is stored.
export async function tryRules(
  client: Db,
  organisationId: string,
  answers: Pick<HelpAnswers, "companyActive" | "procedure" | "since" | "needs" | "department"> & { locale: Locale },
  now = new Date(),
) {
  return routeWith(client, organisationId, answers, now);
}

// "Try the rules" from the page's query: the answer missing, where they would go, or nowhere.
const trialSchema = situationSchema.extend({ locale: z.enum(["fr", "en"]).catch("fr") });

export async function trialOf(
  client: Db,
  organisationId: string,
  query: Record<string, unknown>,
): Promise<TrialResult> {
  const answers = trialSchema.safeParse(query);
  if (!answers.success) return { error: answers.error.issues[0]!.message };
  const routed = await tryRules(client, organisationId, answers.data);
  return routed ? { reasonFr: routed.reasonFr, reasonEn: routed.reasonEn } : "nowhere";
}
