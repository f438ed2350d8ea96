import type { z } from "zod";
import type { Db } from "~/infra/db/client.server";
import { freeSlug } from "~/infra/slug";
import type { organisationSchema } from "./organisation-form";

// Anyone signed in may found an organisation: they become its owner, in the same transaction,
// and it sees nothing of the others (every back-office check is per organisation). Its address
// is made from its name, numbered when taken.
export async function foundOrganisation(client: Db, userId: string, input: z.output<typeof organisationSchema>) {
  return client.$transaction(async (tx) => {
    const slug = await freeSlug(input.name, 56, "organisation", async (base) =>
      (await tx.organisation.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map(
        (o) => o.slug,
      ),
    );
    const organisation = await tx.organisation.create({
      data: {
        slug,
        name: input.name,
        description: input.description,
        timeZone: input.timeZone,
        memberships: { create: { userId, role: "OWNER" } },
      },
      select: { slug: true },
    });
    return organisation.slug;
  });
}
