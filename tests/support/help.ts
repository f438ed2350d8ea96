import type { Db } from "~/infra/db/client.server";
import { createOrganisation } from "./factories";

// An association of the network (slugs are unique across the instance: each test file its own).
export function createAssociation(
  client: Db,
  organisationId: string,
  data: { slug: string; name: string; departments?: string[] },
) {
  return client.association.create({
    data: { organisationId, summaryFr: "…", summaryEn: "…", stages: ["PROCEDURE"], ...data },
  });
}

// A network whose portal sends every request to one association (the default rule).
export async function helpNetwork(client: Db, association: { slug: string; name: string; departments?: string[] }) {
  const network = await createOrganisation(client, { name: "Réseau Rebond" });
  const first = await createAssociation(client, network.id, association);
  await client.routingRule.create({
    data: {
      organisationId: network.id,
      reasonFr: "pour vous écouter",
      reasonEn: "to listen to you",
      isDefault: true,
      associationIds: [first.id],
    },
  });
  return { network, association: first };
}
