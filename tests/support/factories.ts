import type { TeamAccess } from "~/team/membership.server";
import { randomBytes } from "node:crypto";
import type { Db } from "~/infra/db/client.server";
import type { Prisma } from "~/generated/prisma/client";

// Small factories with realistic French defaults; each test creates what it needs.
const unique = () => randomBytes(4).toString("hex");

export async function createOrganisation(client: Db, data: Partial<Prisma.OrganisationCreateInput> = {}) {
  return client.organisation.create({
    data: { slug: `asso-${unique()}`, name: "Association Rebondir en Bretagne", ...data },
  });
}

export async function createUser(client: Db, data: Partial<Prisma.UserCreateInput> = {}) {
  return client.user.create({ data: { email: `camille.${unique()}@exemple.fr`, name: "Camille Lefèvre", ...data } });
}

export async function createOrganiser(client: Db, organisationId: string, role: "OWNER" | "ORGANISER" = "ORGANISER") {
  const user = await createUser(client);
  await client.membership.create({ data: { organisationId, userId: user.id, role } });
  return user;
}

export async function createEvent(
  client: Db,
  organisationId: string,
  data: Partial<Prisma.EventUncheckedCreateInput> = {},
) {
  return client.event.create({
    data: {
      organisationId,
      slug: `rebond-rennes-${unique()}`,
      titleFr: "Conférence du rebond — Rennes",
      titleEn: "Bounce-back conference — Rennes",
      startsAt: new Date("2027-04-15T16:30:00Z"),
      endsAt: new Date("2027-04-15T19:30:00Z"),
      venueName: "Le Couvent des Jacobins",
      venueAddress: "20 place Sainte-Anne, 35000 Rennes",
      capacity: 300,
      hashtag: "#rebondrennes",
      ...data,
    },
  });
}

// What the event form sends, already parsed: local times in the event's zone.
export function eventForm(organisationId: string, overrides: Record<string, unknown> = {}) {
  return {
    organisationId,
    slug: `rebond-nantes-${unique()}`,
    titleFr: "Conférence du rebond — Nantes",
    titleEn: "Bounce-back conference — Nantes",
    descriptionFr: "Trois récits d'échec et une table ronde.",
    descriptionEn: "Three failure stories and a panel.",
    timeZone: "Europe/Paris",
    startsAt: "2027-05-20T18:30",
    endsAt: "2027-05-20T21:30",
    venueName: "La Cantine numérique",
    venueAddress: "11 impasse Juton, 44000 Nantes",
    capacity: 150,
    hashtag: "#rebondnantes",
    ...overrides,
  };
}

// The organisation's national team, as the contacts and segments functions take it.
export const nationalTeam = (organisationId: string): TeamAccess => ({
  organisationId,
  role: "OWNER",
  chapterId: null,
});
